// Joint buying (issue 16, item 4): the councils taking part in a project, with their status and
// shares, as the project page, the participants page and the printable record show them.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { PARTICIPANT_STATUS_LABELS, type ParticipantStatus } from "~/models/project-participants.schema";
import { formatPence } from "~/procurement/money";
import { formatDate } from "~/utils/format";
import { TableContainer } from "./table-container";

export interface ParticipantView {
  id: string;
  status: ParticipantStatus;
  sharePence: number;
  lockVersion: number;
  invitedAt: string | Date;
  invitedBy: string | null;
  respondedAt: string | Date | null;
  respondedBy: string | null;
  council: { officialName: string };
}

export interface JointBuyingView {
  leadCouncil: string;
  wholePence: number;
  leadPence: number;
  participants: ParticipantView[];
}

export function ParticipantStatusTag({ status }: { status: ParticipantStatus }) {
  const s = PARTICIPANT_STATUS_LABELS[status];
  return <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>;
}

function answered(p: ParticipantView): string {
  if (p.status === "invited") return `Invited by ${p.invitedBy ?? "a former user"} on ${formatDate(p.invitedAt)}`;
  if (p.status === "withdrawn") return `Withdrawn by the lead council (invited ${formatDate(p.invitedAt)})`;
  return `${p.status === "accepted" ? "Accepted" : "Declined"} by ${p.respondedBy ?? "a former user"}${p.respondedAt ? ` on ${formatDate(p.respondedAt)}` : ""}`;
}

const COLUMNS: { header: string; numeric?: boolean }[] = [
  { header: "Council" },
  { header: "Status" },
  { header: "Share of the estimated value", numeric: true },
  { header: "Record" },
];

/** Every council with a share: the lead (the remainder) first, then each invited council. */
export function ParticipantsTable({
  joint,
  caption = "Councils buying jointly and their shares",
  actions,
}: {
  joint: JointBuyingView;
  caption?: string;
  actions?: (p: ParticipantView) => ReactNode;
}) {
  return (
    <TableContainer label={caption}>
      <table className="govuk-table" data-testid="participants">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {[...COLUMNS, ...(actions ? [{ header: "Change" }] : [])].map((c) => (
              <th key={c.header} scope="col" className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {joint.leadCouncil}
            </th>
            <td className="govuk-table__cell">
              <strong className="govuk-tag govuk-tag--purple">Lead council</strong>
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(joint.leadPence)}</td>
            <td className="govuk-table__cell">The remainder of the whole</td>
            {actions ? <td className="govuk-table__cell" /> : null}
          </tr>
          {joint.participants.map((p) => (
            <tr className="govuk-table__row" key={p.id}>
              <th scope="row" className="govuk-table__header">
                {p.council.officialName}
              </th>
              <td className="govuk-table__cell">
                <ParticipantStatusTag status={p.status} />
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {p.status === "declined" || p.status === "withdrawn" ? (
                  <>
                    <span className="govuk-visually-hidden">No share (was </span>
                    <s>{formatPence(p.sharePence)}</s>
                    <span className="govuk-visually-hidden">)</span>
                  </>
                ) : (
                  formatPence(p.sharePence)
                )}
              </td>
              <td className="govuk-table__cell">{answered(p)}</td>
              {actions ? <td className="govuk-table__cell">{actions(p)}</td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header" colSpan={2}>
              The whole (the project&apos;s estimated value)
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              <strong>{formatPence(joint.wholePence)}</strong>
            </td>
            <td className="govuk-table__cell" colSpan={actions ? 2 : 1}>
              One route, worked out on the whole
            </td>
          </tr>
        </tfoot>
      </table>
    </TableContainer>
  );
}

/** On the project page: who is buying together, with a link to manage or read it. */
export function JointBuyingPanel({ joint, projectId }: { joint: JointBuyingView; projectId: string }) {
  const taking = joint.participants.filter((p) => p.status === "accepted" || p.status === "invited");
  return (
    <section aria-labelledby="joint-buying-heading">
      <h2 className="govuk-heading-m" id="joint-buying-heading">
        Joint buying
      </h2>
      {taking.length ? (
        <ParticipantsTable joint={joint} />
      ) : (
        <p className="govuk-body">No other council is taking part. {joint.leadCouncil} buys the whole.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/projects/${projectId}/participants`}>
          Councils buying jointly
        </Link>
      </p>
    </section>
  );
}
