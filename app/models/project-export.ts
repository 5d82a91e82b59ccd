// Exports of a buying project's record: the frozen search as CSV and the award
// as an OCDS 1.1 release. Pure functions, so they are unit-tested directly.
// Both read what app/models/project-presenter.ts shapes (labels, money, dates, statuses), as the
// project pages and the printable record do, so the four views cannot disagree.
import { penceToPoundsNumber } from "~/procurement/money";
import { routeKindOf } from "./project.schema";
import type { FrozenSearchView, OutcomeView } from "./project-presenter";

// ── CSV (RFC 4180) ─────────────────────────────────────────────────────────

/** Characters that make a spreadsheet treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralises formulas with a leading single quote, then quotes per RFC 4180 when needed. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text with CRLF line endings (RFC 4180), ending with a line break. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** What the CSV is written from: the frozen search as the presenter shapes it for every view. */
export interface FrozenSearchForCsv {
  council: string;
  project: string;
  search: FrozenSearchView;
}

export const FROZEN_CSV_HEADER = [
  "Council",
  "Project",
  "Search query",
  "Filters",
  "Frozen at (UTC)",
  "Position",
  "Product ID",
  "Product version ID",
  "Version number",
  "Product name",
  "Supplier",
  "Supplier size",
  "Price from (GBP)",
  "Price unit",
] as const;

/** Every row repeats the search, its filters and the freeze time, so each line stands on its own. */
export function frozenSearchCsv({ council, project, search }: FrozenSearchForCsv): string {
  const shared = [council, project, search.query, search.filters, search.at.toISOString()];
  return toCsv([
    FROZEN_CSV_HEADER,
    ...search.results.map((r) => [
      ...shared,
      r.position,
      r.productId,
      r.versionId,
      r.version,
      r.name,
      r.supplierName,
      r.supplierSize,
      r.pricePounds,
      r.priceUnit,
    ]),
  ]);
}

// ── OCDS 1.1 release ───────────────────────────────────────────────────────

/** The listing version an award names, with its supplier (for the OCDS parties). */
export interface AwardedVersion {
  id: string;
  name: string;
  versionNumber: number;
  productId: string;
  product: { supplier: { id: string; legalName: string; tradingName: string; companyNumber: string | null; computedSize: string } };
}

export interface ProjectAwardForOcds {
  project: {
    id: string;
    title: string;
    requirements: string;
    routeId: string;
    /** The buying route as the project pages name it (describeRoute). */
    route: string;
    /** Integer pence. */
    estimatedValuePence: number;
    council: { code: string; name: string; officialName: string; nation: string };
  };
  /** The outcome revision this release publishes, as presentOutcome shapes it, with the listing version it awarded. */
  outcome: (OutcomeView & { productVersion: AwardedVersion | null }) | null;
  agreement: { number: string; name: string; sourceUrl: string } | null;
}

/** org-id.guide registers for UK local authorities, keyed by the same codes (mySociety local-authority-code). */
const COUNCIL_SCHEMES: Record<string, string> = {
  England: "GB-LAE",
  Wales: "GB-PLA",
  Scotland: "GB-LAS",
  "Northern Ireland": "GB-LAN",
};

/**
 * tender.procurementMethod, from the OCDS method codelist:
 * - a framework direct award is "limited" ("the procuring entity contacts a
 *   number of suppliers of its choice"): the council assesses the services in
 *   its own frozen search of framework suppliers, may ask them clarification
 *   questions, and picks one. It is not "direct" (one supplier chosen with no
 *   competition from the outset), and the framework's own competition is the
 *   related "framework" process;
 * - further competition is "selective": only suppliers qualified onto the
 *   framework may bid;
 * - the council's own procedures are "open" (open procedure) or "selective"
 *   (competitive flexible, which usually has a participation stage);
 * - quotes under the council's rules are "limited"; a Schedule 5 direct award
 *   outside any framework is "direct".
 */
export function procurementMethodFor(routeId: string): "open" | "selective" | "limited" | "direct" {
  switch (routeKindOf(routeId)) {
    case "direct-award-schedule-5":
      return "direct";
    case "framework-further-competition":
    case "competitive-flexible-procedure":
      return "selective";
    case "open-procedure":
      return "open";
    default:
      return "limited";
  }
}

const iso = (d: Date) => d.toISOString();

/** Each outcome revision is its own release: a changed outcome is a new release, never a replacement of the old one. */
export const ocdsReleaseId = (ocid: string, revision: number) => `${ocid}-award-rev${revision}`;

const describeEarlier = (e: OutcomeView) =>
  e.kind === "awarded"
    ? `award to ${e.product ?? "a shortlisted service"}${e.value !== null ? ` for ${e.value}` : ""}`
    : e.kind === "cancelled"
      ? "the procurement cancelled"
      : "no suitable service";

/**
 * An OCDS 1.1 release for an awarded outcome revision, or null when it is not an award. A
 * revision with earlier outcomes (oldest first) is tagged "awardUpdate" and its award carries an
 * amendment for each (date, rationale, the release it amends and the release that amends it).
 * The award is "pending" until its award decision is approved (or nobody else could approve it).
 */
export function ocdsAwardRelease(
  { project, outcome, agreement }: ProjectAwardForOcds,
  ocidPrefix: string,
  earlier: readonly OutcomeView[] = [],
) {
  const version = outcome?.productVersion;
  if (!outcome || outcome.kind !== "awarded" || !version) return null;
  const supplier = version.product.supplier;
  const ocid = `${ocidPrefix}-${project.id}`;
  const scheme = COUNCIL_SCHEMES[project.council.nation] ?? "GB-LAE";
  const buyerId = `${scheme}-${project.council.code}`;
  const supplierId = supplier.companyNumber ? `GB-COH-${supplier.companyNumber}` : `${ocidPrefix}-supplier-${supplier.id}`;
  // OCDS amounts are in the currency's units (pounds), written exactly from the pence.
  const value = { amount: penceToPoundsNumber(outcome.valuePence ?? 0), currency: "GBP" };

  const revision = outcome.sequence;
  const releaseId = ocdsReleaseId(ocid, revision);
  const amendments = earlier.map((e, i) => {
    const next = earlier[i + 1];
    const amendedBy = next ? ocdsReleaseId(ocid, next.sequence) : releaseId;
    return {
      id: `${ocid}-amendment-${next?.sequence ?? revision}`,
      date: iso(next?.at ?? outcome.at),
      rationale: next?.justification ?? outcome.justification,
      description: `Outcome revision ${next?.sequence ?? revision} replaces revision ${e.sequence} (${describeEarlier(e)}, recorded ${iso(e.at)}).`,
      amendsReleaseID: ocdsReleaseId(ocid, e.sequence),
      releaseID: amendedBy,
    };
  });

  return {
    ocid,
    id: releaseId,
    date: iso(outcome.at),
    tag: earlier.length ? ["awardUpdate"] : ["award"],
    initiationType: "tender",
    language: "en",
    parties: [
      {
        id: buyerId,
        name: project.council.officialName,
        identifier: { scheme, id: project.council.code, legalName: project.council.officialName },
        address: { countryName: "United Kingdom" },
        roles: ["buyer"],
      },
      {
        id: supplierId,
        name: supplier.legalName,
        ...(supplier.companyNumber ? { identifier: { scheme: "GB-COH", id: supplier.companyNumber, legalName: supplier.legalName } } : {}),
        roles: ["supplier"],
        // OCDS partyScale: micro, small and medium enterprises are all "sme".
        details: { scale: supplier.computedSize === "large" ? "large" : "sme" },
      },
    ],
    buyer: { id: buyerId, name: project.council.officialName },
    tender: {
      id: `${ocid}-tender`,
      title: project.title,
      ...(project.requirements ? { description: project.requirements } : {}),
      status: "complete",
      procurementMethod: procurementMethodFor(project.routeId),
      procurementMethodDetails: project.route,
      procurementMethodRationale: outcome.justification,
      mainProcurementCategory: "services",
      value: { amount: penceToPoundsNumber(project.estimatedValuePence), currency: "GBP" },
    },
    awards: [
      {
        id: `${ocid}-award-1`,
        title: version.name,
        description: `${outcome.product ?? version.name} from ${supplier.tradingName}`,
        status: outcome.approved ? "active" : "pending",
        date: iso(outcome.at),
        value,
        suppliers: [{ id: supplierId, name: supplier.legalName }],
        items: [
          {
            id: version.id,
            description: version.name,
            quantity: 1,
          },
        ],
        ...(outcome.startDate && outcome.endDate
          ? { contractPeriod: { startDate: iso(outcome.startDate), endDate: iso(outcome.endDate) } }
          : {}),
        ...(amendments.length ? { amendments } : {}),
      },
    ],
    ...(agreement
      ? {
          // The framework's own OCID is not known here, so the agreement is identified by title, number and page rather than scheme "ocid".
          relatedProcesses: [
            {
              id: "framework",
              relationship: ["framework"],
              title: `${agreement.name} (${agreement.number})`,
              identifier: agreement.number,
              uri: agreement.sourceUrl,
            },
          ],
        }
      : {}),
  };
}

/** Every release of the contracting process, oldest first, as an OCDS 1.1 release package. */
export function ocdsReleasePackage(
  releases: readonly NonNullable<ReturnType<typeof ocdsAwardRelease>>[],
  publishedDate: Date,
  publisher: string,
) {
  return {
    uri: `urn:${releases[0]?.ocid ?? "ocds"}:releases`,
    version: "1.1",
    publishedDate: iso(publishedDate),
    publisher: { name: publisher },
    releases,
  };
}
