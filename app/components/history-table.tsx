import { formatDateTime } from "~/utils/format";
import { TableContainer } from "~/components/table-container";

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
    <TableContainer label={caption}>
      <table className="govuk-table">
        <caption className={`govuk-table__caption ${captionVisible ? "govuk-table__caption--m" : "govuk-visually-hidden"}`}>
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell">{formatDateTime(e.at)}</td>
              <td className="govuk-table__cell">{e.who}</td>
              <td className="govuk-table__cell">{e.label}</td>
              <td className="govuk-table__cell">{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
