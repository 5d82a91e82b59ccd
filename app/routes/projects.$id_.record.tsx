import { HistoryTable } from "~/components/history-table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Paragraphs, SummaryList } from "~/components/buying";
import { FrozenResultDocuments, ProjectStatusTag } from "~/components/project";
import { DataTable } from "~/components/data-table";
import { loadProjectPage } from "~/utils/project-route.server";
import { describeRoute, getProject, listProjectHistory } from "~/models/project.server";
import { listApprovals } from "~/models/project-approval.server";
import { presentProjectRecord } from "~/models/project-presenter";
import { formatDate, formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { ParticipantsTable } from "~/components/joint-buying";
import { jointBuyingSummary } from "~/models/project-participants.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Record: ${data.project.title}` : "Project record");
export const handle = { title: "Project record" };

export async function loader(args: LoaderFunctionArgs) {
  const { projectId, project: p } = await loadProjectPage(args, getProject);
  const [route, history, approvals, joint] = await Promise.all([
    describeRoute(p.routeId),
    listProjectHistory(projectId),
    listApprovals(projectId),
    jointBuyingSummary(projectId),
  ]);
  return { ...presentProjectRecord(p, { route, history, approvals }), joint };
}

/** Printing needs JavaScript (window.print); without it the page says how to print. */
function PrintButton() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? (
    <button
      type="button"
      className="govuk-button govuk-button--secondary cm-no-print"
      data-module="govuk-button"
      onClick={() => window.print()}
    >
      Print this record
    </button>
  ) : (
    <p className="govuk-body cm-no-print">To print this record, use your browser&apos;s print option.</p>
  );
}

export default function ProjectRecord() {
  const data = useLoaderData<typeof loader>();
  const { project } = data;
  return (
    <>
      <p className="govuk-body cm-no-print">
        <Link className="govuk-link" to={`/projects/${project.id}`}>
          Back to the project
        </Link>
      </p>
      <span className="govuk-caption-l">Buying project record</span>
      <h1 className="govuk-heading-l">{project.title}</h1>
      <p className="govuk-body">
        <ProjectStatusTag status={project.status} />
      </p>
      <PrintButton />

      <h2 className="govuk-heading-m">The purchase</h2>
      <SummaryList rows={project.details} />
      {data.joint?.participants.length ? <ParticipantsTable joint={data.joint} caption="Councils buying jointly (joint buying)" /> : null}

      <h2 className="govuk-heading-m">Requirements</h2>
      <Paragraphs text={project.requirements} empty="Not written." />
      <p className="govuk-body">
        <strong>Budget:</strong> {project.budget}
      </p>

      <h2 className="govuk-heading-m">Saved searches</h2>
      {data.saved.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {data.saved.map((s) => (
            <li key={s.id}>
              {formatDateTime(s.at)}: “{s.query || "(no words)"}”. {s.filters}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None.</p>
      )}

      <h2 className="govuk-heading-m">Frozen results</h2>
      {data.frozen.length ? (
        data.frozen.map((f) => (
          <div key={f.id}>
            <h3 className="govuk-heading-s">
              Frozen {formatDateTime(f.at)}: “{f.query || "(no words)"}”{f.abandoned ? " (abandoned)" : ""}
            </h3>
            <p className="govuk-body-s">{f.filters}</p>
            {f.abandoned ? (
              <p className="govuk-body">
                <strong>Abandoned</strong> on {formatDateTime(f.abandoned.at)}: {f.abandoned.reason}
              </p>
            ) : null}
            <DataTable
              caption={`Results frozen ${formatDateTime(f.at)}`}
              captionSize="none"
              rows={f.results}
              rowKey={(r) => r.id}
              columns={[
                { header: "#", numeric: true, cell: (r) => r.position },
                {
                  header: "Service and listing version",
                  cell: (r) => (
                    <>
                      {r.name} (version {r.version}, {r.versionId})
                      <FrozenResultDocuments documents={r.documents} service={r.name} />
                    </>
                  ),
                },
                { header: "Supplier", cell: (r) => r.supplier },
                { header: "Price", cell: (r) => r.price },
                { header: "Assessment", cell: (r) => r.assessment },
              ]}
            />
          </div>
        ))
      ) : (
        <p className="govuk-body">None.</p>
      )}

      <h2 className="govuk-heading-m">Shortlist and evaluation</h2>
      {data.criteria.length ? (
        <p className="govuk-body">Criteria: {data.criteria.map((c) => `${c.name} (${c.weight}%)`).join(", ")}.</p>
      ) : null}
      <DataTable
        caption="Shortlisted services and their scores"
        captionSize="none"
        rows={data.shortlist}
        rowKey={(e) => e.id}
        empty={<p className="govuk-body">Nothing shortlisted.</p>}
        columns={[
          {
            header: "Service",
            rowHeader: true,
            cell: (e) => (
              <>
                {e.name}
                <br />
                <span className="govuk-body-s">{e.supplier}</span>
              </>
            ),
          },
          { header: "Reason shortlisted", cell: (e) => e.reason },
          ...data.criteria.map((c, i) => ({
            header: c.name,
            numeric: true,
            cell: (e: (typeof data.shortlist)[number]) => {
              const s = e.scores[i];
              return (
                <>
                  {s ? s.score : "–"}
                  {s?.notes ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{s.notes}</span>
                    </>
                  ) : null}
                </>
              );
            },
          })),
          { header: "Weighted total", numeric: true, cell: (e) => (e.total === null ? "–" : e.total.toFixed(1)) },
        ]}
      />

      <h2 className="govuk-heading-m">Outcome</h2>
      {data.outcome ? (
        <SummaryList
          rows={[
            { key: "Outcome", value: data.outcome.label },
            ...(data.outcome.product ? [{ key: "Awarded to", value: data.outcome.product }] : []),
            ...(data.outcome.value !== null ? [{ key: "Contract value", value: data.outcome.value }] : []),
            ...(data.outcome.period ? [{ key: "Contract period", value: data.outcome.period }] : []),
            { key: "Reasons", value: data.outcome.justification },
            ...(data.outcome.exceptions.length ? [{ key: "Explained against", value: data.outcome.exceptions.join(" ") }] : []),
            { key: "Recorded", value: formatDateTime(data.outcome.at) },
            { key: "Award decision (four eyes)", value: data.outcome.approval },
          ]}
        />
      ) : (
        <p className="govuk-body">Not recorded yet.</p>
      )}
      {data.outcomeHistory.length > 1 ? (
        <>
          <h3 className="govuk-heading-s">Earlier outcomes (kept, never overwritten)</h3>
          <ol className="govuk-list govuk-list--number">
            {data.outcomeHistory.slice(0, -1).map((r) => (
              <li key={r.sequence}>
                {r.label}, recorded {formatDateTime(r.at)}
                {r.product ? `: ${r.product}` : ""}
                {r.value !== null ? `, ${r.value}` : ""}
                {r.period ? `, ${r.period}` : ""}. Reasons: {r.justification}
                {r.exceptions.length ? ` Explained against: ${r.exceptions.join(" ")}` : ""}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Notices</h2>
      {data.notices.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {data.notices.map((n) => (
            <li key={n.id}>
              {n.title}: {n.done ? `done ${formatDate(n.at)}` : "not done"}
              {n.dueAt ? ` (due by ${formatDate(n.dueAt)})` : ""}
              {n.publications.map((x, i) => (
                <span key={x.id}>
                  . {i < n.publications.length - 1 ? "Earlier entry: " : "Published as "}
                  {x.noticeId} on {x.publisher ?? "the notice service"} ({x.url}), recorded {formatDateTime(x.at)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None needed for this route.</p>
      )}

      <h2 className="govuk-heading-m">Approvals (four eyes)</h2>
      {data.approvals.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {data.approvals.map((a) => (
            <li key={a.id}>
              {a.subject === "budget" ? "Budget" : `Award decision (outcome revision ${a.outcomeRevision ?? "–"})`}: {a.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None asked for.</p>
      )}

      <h2 className="govuk-heading-m">History</h2>
      <HistoryTable events={data.history} />
    </>
  );
}
