"use client";

import { createContext, useContext } from "react";
import type { BookingMenu } from "@/lib/bookings/read-menu";
import { menuOf } from "@/lib/bookings/treatments";

// The page reads the menu once (lib/bookings/read-menu.ts) and every Mark booked dialog on it uses
// it. Without a provider: the common names, no values, values hidden (the safe side).
const BookingMenuContext = createContext<BookingMenu>({ items: menuOf([]), showValues: false });

export function BookingMenuProvider({ menu, children }: { menu: BookingMenu; children: React.ReactNode }) {
  return <BookingMenuContext.Provider value={menu}>{children}</BookingMenuContext.Provider>;
}

export function useBookingMenu(): BookingMenu {
  return useContext(BookingMenuContext);
}
