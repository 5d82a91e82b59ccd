// An administrator's review queue (listings, case studies, framework awards): one table, oldest
// first, counted in its caption, with one sentence in its place when nothing is waiting.
import { DataTable, type DataTableProps } from "./data-table";

export function QueueTable<Row>({
  empty = "Nothing is waiting for review.",
  ...table
}: Omit<DataTableProps<Row>, "caption" | "empty"> & { empty?: string }) {
  return <DataTable caption={`${table.rows.length} waiting, oldest first`} empty={<p className="govuk-body">{empty}</p>} {...table} />;
}
