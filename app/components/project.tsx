// Shared pieces of the buying-project pages.
import { Link, useLocation, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { PROJECT_STATUS_LABELS } from "~/models/project.schema";
import { formatDateTime } from "~/utils/format";
import { SectionNav } from "./admin-nav";
import { BackLink, InsetText } from "./buying";
import { ErrorSummary, type FieldErrors } from "./forms";
import { formatBytes } from "./service-definition";

export function ProjectStatusTag({ status }: { status: string }) {
  const s = PROJECT_STATUS_LABELS[status] ?? { label: status, tag: "govuk-tag--grey" };
  return <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>;
}

/** What the projects.$id layout route loads once for every page of a project. */
export type ProjectHeaderData = {
  project: { id: string; title: string; status: string; council: string; route: string };
};

/** The project's header from the layout route (null outside a project's pages, e.g. in a unit render). */
export function useProjectHeader(): ProjectHeaderData["project"] | null {
  return (useRouteLoaderData("routes/projects.$id") as ProjectHeaderData | undefined)?.project ?? null;
}

const PROJECT_SECTIONS = [
  { path: "", label: "Overview" },
  { path: "/requirements", label: "Requirements" },
  { path: "/search", label: "Search" },
  { path: "/freeze", label: "Frozen results" },
  { path: "/shortlist", label: "Shortlist" },
  { path: "/evaluation", label: "Evaluation" },
  { path: "/outcome", label: "Outcome" },
  { path: "/notices", label: "Notices" },
  { path: "/approvals", label: "Approvals" },
  { path: "/history", label: "History" },
  { path: "/record", label: "Printable record" },
] as const;

/** The header every page of a project shares: council, buying route, status, and the project's sections. */
export function ProjectAreaHeader({ project }: ProjectHeaderData) {
  const { pathname } = useLocation();
  const base = `/projects/${project.id}`;
  // The overview answers at its path with or without the trailing slash.
  const here = pathname === `${base}/` ? base : pathname;
  return (
    <SectionNav
      label="Project sections"
      small
      links={PROJECT_SECTIONS.map((s) => ({ to: `${base}${s.path}`, label: s.label }))}
      current={(to) => (to === here ? "page" : undefined)}
    >
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {project.council}: {project.route} <ProjectStatusTag status={project.status} />
      </p>
    </SectionNav>
  );
}

/** Caption with the project's name (from the layout route), the page heading and a back link to the task list. */
export function ProjectPageHeader({
  project,
  title,
  back = true,
}: {
  /** Only where a page is shown outside the layout route. */
  project?: { id: string; title: string };
  title: ReactNode;
  back?: boolean;
}) {
  const header = useProjectHeader();
  const shown = project ?? header;
  return (
    <>
      {back && shown ? <BackLink to={`/projects/${shown.id}`}>Back to the project</BackLink> : null}
      {shown ? <span className="govuk-caption-l">{shown.title}</span> : null}
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}

/** Why a buyer cannot act yet: `message`, then how to confirm their email address. */
export function VerifyEmailNotice({ message }: { message: string }) {
  return (
    <InsetText>
      {message}{" "}
      <Link className="govuk-link" to="/verify-email">
        Find out how to confirm your email address
      </Link>
      .
    </InsetText>
  );
}

/** Why the forms are missing: unconfirmed email, someone else's council (admin), or a decided project. */
export function ReadOnlyNotice({ verified, canEdit, locked }: { verified: boolean; canEdit: boolean; locked?: boolean }) {
  if (!verified)
    return <VerifyEmailNotice message="You need to confirm your email address before you can start or change a buying project." />;
  if (!canEdit) return <InsetText>You can view this project, but only its council&apos;s buyers can change it.</InsetText>;
  if (locked)
    return <InsetText>The outcome of this project has been recorded, so this part of the record can no longer be changed.</InsetText>;
  return null;
}

/**
 * The top of a project page with forms: the error summary, the caption, heading and back link,
 * then why the forms are missing, if they are.
 */
export function ProjectFormHeader({
  errors,
  title,
  project,
  access,
  locked,
}: {
  errors: FieldErrors;
  title: ReactNode;
  /** Only where a page is shown outside the layout route. */
  project?: { id: string; title: string };
  /** Whose page it is: loadProjectPage's `access`, in the loader's data. */
  access: { verified: boolean; canEdit: boolean };
  locked?: boolean;
}) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <ProjectPageHeader project={project} title={title} />
      <ReadOnlyNotice verified={access.verified} canEdit={access.canEdit} locked={locked} />
    </>
  );
}

/** The version of the project the page showed; registered with react-hook-form when the form uses it. */
export function HiddenLock({ lockVersion, register }: { lockVersion: number; register?: UseFormRegister<FieldValues> }) {
  return register ? (
    <input type="hidden" {...register("lockVersion")} value={lockVersion} />
  ) : (
    <input type="hidden" name="lockVersion" value={lockVersion} />
  );
}

/**
 * After a refused form (a stale version, a duplicate, invalid input) reload the page's
 * data too, as a no-JavaScript post would: the officer then sees the latest record
 * and its current version, so a retry is not refused again.
 */
export const revalidateAfterErrors: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? true : defaultShouldRevalidate;

type ApprovalView = {
  status: string;
  requestedBy: string | null;
  requestedAt: string | Date;
  decidedBy: string | null;
  decidedAt: string | Date | null;
  reason: string;
} | null;

/** Where a four-eyes decision stands, with who and when. */
export function ApprovalStatusText({ approval, none }: { approval: ApprovalView; none: string }) {
  if (!approval) return <>{none}</>;
  const by = (name: string | null, at: string | Date | null) =>
    `${name ?? "someone"} on ${at ? formatDateTime(at) : "a date not recorded"}`;
  switch (approval.status) {
    case "requested":
      return <>Waiting for an approver: asked by {by(approval.requestedBy, approval.requestedAt)}.</>;
    case "approved":
      return (
        <>
          Approved by {by(approval.decidedBy, approval.decidedAt)} (asked by {approval.requestedBy ?? "someone"})
          {approval.reason ? `: ${approval.reason}` : "."}
        </>
      );
    case "rejected":
      return (
        <>
          Rejected by {by(approval.decidedBy, approval.decidedAt)}
          {approval.reason ? `: ${approval.reason}` : "."}
        </>
      );
    case "no-second-person":
      return (
        <>
          No second person was available: recorded by {by(approval.decidedBy, approval.decidedAt)}, because {approval.reason}
        </>
      );
    default:
      return <>{none}</>;
  }
}

type FrozenDocumentLink = { id: string; kindLabel: string; fileName: string; typeLabel: string; sizeBytes: number };

/**
 * The documents of the listing version that was frozen (issue 19), linked to that version's own
 * files: a later version the supplier publishes has its own, so these never change.
 */
export function FrozenResultDocuments({ documents, service }: { documents: readonly FrozenDocumentLink[]; service: string }) {
  if (!documents.length) return null;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-2" aria-label={`Documents of ${service} as frozen`}>
      {documents.map((d) => (
        <li key={d.id}>
          <a className="govuk-link" href={`/documents/${d.id}`} download>
            {d.kindLabel}
            <span className="govuk-visually-hidden"> for {service}</span>
          </a>{" "}
          ({d.typeLabel}, {formatBytes(d.sizeBytes)})
        </li>
      ))}
    </ul>
  );
}
