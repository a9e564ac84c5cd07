import { Badge } from "@/components/ui/badge";
import { formatCallTime } from "@/lib/bookings/attribution";
import { formatDuration, type SlaState } from "@/lib/callbacks/sla";

/** Where the task stands against its SLA, in words (colour is never the only signal). */
export function SlaBadge({ state, timezone }: { state: SlaState; timezone: string }) {
  switch (state.kind) {
    case "overdue":
      return (
        <Badge tone="red" className="font-semibold">
          Overdue by {formatDuration(state.overdueMs)}
        </Badge>
      );
    case "on_time":
      return state.paused ? (
        <Badge tone="slate">Closed now · {formatDuration(state.leftMs)} left at opening</Badge>
      ) : (
        <Badge tone="amber">{formatDuration(state.leftMs)} left</Badge>
      );
    case "waiting_for_opening":
      return <Badge tone="sky">Due {formatCallTime(state.dueAt, timezone)} · came in while closed</Badge>;
    case "scheduled":
      return <Badge tone="sky">Due {formatCallTime(state.dueAt, timezone)}</Badge>;
    case "snoozed":
      return <Badge tone="violet">Snoozed until {formatCallTime(state.until, timezone)}</Badge>;
  }
}
