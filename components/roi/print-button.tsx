"use client";

// One click to the browser's print dialog; the page's print styles turn it into the monthly report.
import { Button } from "@/components/ui/button";

export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print report
    </Button>
  );
}
