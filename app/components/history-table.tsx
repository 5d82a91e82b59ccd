import { formatDateTime } from "~/utils/format";
import { DataTable } from "~/components/data-table";

export interface HistoryRow {
  id: string;
  at: string | Date;
  who: string;
  label: string;
  detail?: string | null;
}

/** Who did what and when, newest first: the audit trail as people read it. */
export function HistoryTable({
  events,
  caption = "Who did what and when",
  captionVisible = false,
}: {
  events: HistoryRow[];
  caption?: string;
  captionVisible?: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      captionSize={captionVisible ? "m" : "none"}
      rows={events}
      rowKey={(e) => e.id}
      columns={[
        { header: "When", cell: (e) => formatDateTime(e.at) },
        { header: "Who", cell: (e) => e.who },
        { header: "What", cell: (e) => e.label },
        { header: "Details", cell: (e) => e.detail },
      ]}
    />
  );
}
