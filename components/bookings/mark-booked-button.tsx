"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { MarkBookedForm, type Booked } from "./mark-booked-form";

/**
 * "Mark booked" in one click, from a conversation header or a callback card: opens a small dialog
 * (treatment from the spa's menu, its value to confirm, appointment) and confirms what it saved.
 */
export function MarkBookedButton({
  conversationId,
  callbackId,
  label = "Mark booked",
  variant = "primary",
  size = "md",
}: {
  conversationId: string;
  callbackId?: string;
  label?: string;
  variant?: ButtonVariant;
  size?: "sm" | "md";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(0);
  const [open, setOpen] = useState(false);
  const [booked, setBooked] = useState<Booked | null>(null);
  const headingId = useId();

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open, opened]);

  const close = useCallback(() => dialog.current?.close(), []);
  const onBooked = useCallback((result: Booked) => {
    setBooked(result);
    dialog.current?.close();
  }, []);

  return (
    <>
      <Button
        type="button"
        variant={variant}
        size={size}
        aria-haspopup="dialog"
        onClick={() => {
          setBooked(null);
          setOpened((n) => n + 1);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {/* The booking itself shows where the button lives (the conversation's bookings; the card leaves the queue). */}
      <p role="status" className="sr-only" data-testid="booking-confirmation">
        {booked ? `${booked.summary}. ${booked.attribution}.` : ""}
      </p>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(28rem,calc(100vw-1.5rem))] rounded-xl bg-white p-0 text-left shadow-xl backdrop:bg-slate-900/40"
      >
        {open ? <MarkBookedForm key={opened} conversationId={conversationId} callbackId={callbackId} headingId={headingId} onBooked={onBooked} onCancel={close} /> : null}
      </dialog>
    </>
  );
}
