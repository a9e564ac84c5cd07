import { TableSkeleton } from "@/components/tables/table-skeleton";

export default function Loading() {
  return (
    <div>
      <div className="h-[4.5rem] border-b border-slate-200 bg-white" />
      <TableSkeleton />
    </div>
  );
}
