// Exports of a buying project's record: the frozen search as CSV and the award
// as an OCDS 1.1 release. Pure functions, so they are unit-tested directly.
import { formatPence, penceToPounds, penceToPoundsNumber } from "~/procurement/money";
import { describeFilters, routeKindOf } from "./project.schema";

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

export interface FrozenSearchForCsv {
  id: string;
  query: string;
  filters: string;
  frozenAt: Date;
  project: { title: string; council: { name: string } };
  results: {
    position: number;
    productId: string;
    productVersionId: string;
    productName: string;
    supplierName: string;
    supplierSize: string;
    /** Integer pence. */
    priceFromPence: number;
    priceUnit: string;
    productVersion: { versionNumber: number };
  }[];
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
export function frozenSearchCsv(frozen: FrozenSearchForCsv): string {
  const search = [
    frozen.project.council.name,
    frozen.project.title,
    frozen.query,
    describeFilters(frozen.filters),
    frozen.frozenAt.toISOString(),
  ];
  return toCsv([
    FROZEN_CSV_HEADER,
    ...frozen.results.map((r) => [
      ...search,
      r.position,
      r.productId,
      r.productVersionId,
      r.productVersion.versionNumber,
      r.productName,
      r.supplierName,
      r.supplierSize,
      penceToPounds(r.priceFromPence, { wholePounds: "with-pence" }),
      r.priceUnit,
    ]),
  ]);
}

// ── OCDS 1.1 release ───────────────────────────────────────────────────────

export interface ProjectAwardForOcds {
  project: {
    id: string;
    title: string;
    requirements: string;
    routeId: string;
    /** Integer pence. */
    estimatedValuePence: number;
    council: { code: string; name: string; officialName: string; nation: string };
    outcome: {
      id: string;
      kind: string;
      /** Integer pence. */
      valuePence: number | null;
      startDate: Date | null;
      endDate: Date | null;
      justification: string;
      decidedAt: Date;
      productVersion: {
        id: string;
        name: string;
        versionNumber: number;
        productId: string;
        product: { supplier: { id: string; legalName: string; tradingName: string; companyNumber: string | null; computedSize: string } };
      } | null;
    } | null;
  };
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

export const PROCUREMENT_METHOD_DETAILS: Record<string, string> = {
  "framework-direct-award": "Call-off from a framework by direct award",
  "framework-further-competition": "Call-off from a framework by further competition",
  "own-rules-under-30k": "Quotes under the council's contract procedure rules",
  "notifiable-below-threshold": "Below-threshold procurement (Procurement Act 2023, Part 6)",
  "open-procedure": "Open procedure (Procurement Act 2023, section 20)",
  "competitive-flexible-procedure": "Competitive flexible procedure (Procurement Act 2023, section 20)",
  "direct-award-schedule-5": "Direct award (Procurement Act 2023, section 41 and Schedule 5)",
  "scotland-below-regulated":
    "Quotes under the council's standing orders (below the Procurement Reform (Scotland) Act 2014 regulated threshold)",
  "scotland-regulated-procurement":
    "Regulated procurement (Procurement Reform (Scotland) Act 2014, advertised on Public Contracts Scotland)",
};

const iso = (d: Date) => d.toISOString();

/** An earlier outcome the release amends (OutcomeRevision). */
export interface EarlierOutcome {
  sequence: number;
  kind: string;
  productName: string | null;
  /** Integer pence. */
  valuePence: number | null;
  justification: string;
  decidedAt: Date;
}

export interface ReleaseHistory {
  /** The OutcomeRevision.sequence this release publishes. */
  revision: number;
  /** The outcomes recorded before it, oldest first. */
  earlier: readonly EarlierOutcome[];
  /** Whether a second officer approved the award (or it was recorded that nobody else could): until then the award is "pending". */
  approved: boolean;
}

/** Each outcome revision is its own release: a changed outcome is a new release, never a replacement of the old one. */
export const ocdsReleaseId = (ocid: string, revision: number) => `${ocid}-award-rev${revision}`;

const describeEarlier = (e: EarlierOutcome) =>
  e.kind === "awarded"
    ? `award to ${e.productName ?? "a shortlisted service"}${e.valuePence !== null ? ` for ${formatPence(e.valuePence)}` : ""}`
    : e.kind === "cancelled"
      ? "the procurement cancelled"
      : "no suitable service";

/**
 * An OCDS 1.1 release for an awarded project, or null when there is no award. With history, a
 * revision after the first is tagged "awardUpdate" and its award carries an amendment for each
 * earlier outcome (date, rationale, the release it amends and the release that amends it).
 */
export function ocdsAwardRelease({ project, agreement }: ProjectAwardForOcds, ocidPrefix: string, history?: ReleaseHistory) {
  const outcome = project.outcome;
  const version = outcome?.productVersion;
  if (!outcome || outcome.kind !== "awarded" || !version) return null;
  const supplier = version.product.supplier;
  const ocid = `${ocidPrefix}-${project.id}`;
  const scheme = COUNCIL_SCHEMES[project.council.nation] ?? "GB-LAE";
  const buyerId = `${scheme}-${project.council.code}`;
  const supplierId = supplier.companyNumber ? `GB-COH-${supplier.companyNumber}` : `${ocidPrefix}-supplier-${supplier.id}`;
  const kind = routeKindOf(project.routeId);
  // OCDS amounts are in the currency's units (pounds), written exactly from the pence.
  const value = { amount: penceToPoundsNumber(outcome.valuePence ?? 0), currency: "GBP" };

  const revision = history?.revision ?? 1;
  const releaseId = ocdsReleaseId(ocid, revision);
  const earlier = history?.earlier ?? [];
  const amendments = earlier.map((e, i) => {
    const next = earlier[i + 1];
    const amendedBy = next ? ocdsReleaseId(ocid, next.sequence) : releaseId;
    return {
      id: `${ocid}-amendment-${next?.sequence ?? revision}`,
      date: iso(next?.decidedAt ?? outcome.decidedAt),
      rationale: next?.justification ?? outcome.justification,
      description: `Outcome revision ${next?.sequence ?? revision} replaces revision ${e.sequence} (${describeEarlier(e)}, recorded ${iso(e.decidedAt)}).`,
      amendsReleaseID: ocdsReleaseId(ocid, e.sequence),
      releaseID: amendedBy,
    };
  });

  return {
    ocid,
    id: releaseId,
    date: iso(outcome.decidedAt),
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
      procurementMethodDetails: kind ? PROCUREMENT_METHOD_DETAILS[kind] : project.routeId,
      procurementMethodRationale: outcome.justification,
      mainProcurementCategory: "services",
      value: { amount: penceToPoundsNumber(project.estimatedValuePence), currency: "GBP" },
    },
    awards: [
      {
        id: `${ocid}-award-1`,
        title: version.name,
        description: `${version.name} (listing version ${version.versionNumber}) from ${supplier.tradingName}`,
        status: history && !history.approved ? "pending" : "active",
        date: iso(outcome.decidedAt),
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
