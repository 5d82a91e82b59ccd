// Zod schemas for buying-project forms, shared by the pages (react-hook-form)
// and the actions. Messages follow the GOV.UK error message style.
import { z, type ZodTypeAny } from "zod";
import { nestFormFields } from "~/utils/forms";
import { parsePounds, routeFinderFields, type RouteKind } from "~/procurement";
import { INDEX_DEFINITIONS, type SearchParams } from "~/services/search";
import { publishedNoticeUrlProblem } from "~/procurement/notices";
import { datePartFields, isoFromDateParts, type DateMessages } from "./buying-guide-steps";

// ── routes, statuses and limits ────────────────────────────────────────────

/** G-Cloud rule for a direct award: one saved search of 30 results or fewer. */
export const DIRECT_AWARD_MAX_RESULTS = 30;
/** Any other route: a frozen search is a record, not a catalogue dump. */
export const FROZEN_MAX_RESULTS = 100;
export const MAX_CRITERIA = 10;

export const ROUTE_KINDS: readonly RouteKind[] = [
  "framework-direct-award",
  "framework-further-competition",
  "own-rules-under-30k",
  "notifiable-below-threshold",
  "open-procedure",
  "competitive-flexible-procedure",
  "direct-award-schedule-5",
  "scotland-below-regulated",
  "scotland-regulated-procurement",
];

/** "framework-direct-award-rm1557-15" → "framework-direct-award". */
export function routeKindOf(routeId: string): RouteKind | null {
  return ROUTE_KINDS.find((k) => routeId === k || routeId.startsWith(`${k}-`)) ?? null;
}

/** The agreement slug in a framework route id, e.g. "rm1557-15". */
export function agreementSlugOf(routeId: string): string | null {
  const kind = routeKindOf(routeId);
  if (kind !== "framework-direct-award" && kind !== "framework-further-competition") return null;
  return routeId.slice(kind.length + 1) || null;
}

export function isDirectAwardRoute(routeId: string): boolean {
  return routeKindOf(routeId) === "framework-direct-award";
}

/** The most results a search may have to be frozen for this route. */
export function maxFrozenResults(routeId: string): number {
  return isDirectAwardRoute(routeId) ? DIRECT_AWARD_MAX_RESULTS : FROZEN_MAX_RESULTS;
}

/** The case study's buying-route vocabulary (BUYING_ROUTE_OPTIONS in case-study.schema.ts) for a guide route. */
export function caseStudyBuyingRoute(routeId: string): string {
  switch (routeKindOf(routeId)) {
    case "framework-direct-award":
      return "direct-award";
    case "framework-further-competition":
      return "further-competition";
    case "notifiable-below-threshold":
    case "own-rules-under-30k":
    case "scotland-below-regulated":
      return "below-threshold";
    case "competitive-flexible-procedure":
      return "competitive-flexible";
    case "direct-award-schedule-5":
      return "direct-award-schedule-5";
    default:
      return "open-procedure";
  }
}

export const PROJECT_STATUS_LABELS: Record<string, { label: string; tag: string }> = {
  open: { label: "Open", tag: "govuk-tag--blue" },
  awarded: { label: "Awarded", tag: "govuk-tag--green" },
  "no-award": { label: "None suitable", tag: "govuk-tag--grey" },
  cancelled: { label: "Cancelled", tag: "govuk-tag--red" },
};

export const OUTCOME_KINDS = ["awarded", "none-suitable", "cancelled"] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  awarded: "Contract awarded",
  "none-suitable": "No service was suitable",
  cancelled: "Procurement cancelled",
};
export const PROJECT_STATUS_FOR_OUTCOME: Record<OutcomeKind, string> = {
  awarded: "awarded",
  "none-suitable": "no-award",
  cancelled: "cancelled",
};

// ── shared pieces ──────────────────────────────────────────────────────────

export const CONCURRENCY_MESSAGE =
  "This project has changed since you opened this page, so your changes were not saved. Check the latest version below and try again.";

const lockVersion = z.coerce.number({ invalid_type_error: "Reload the page and try again" }).int().min(1);

const text = (max: number, missing: string, tooLong: string) =>
  z.string({ required_error: missing, invalid_type_error: missing }).trim().min(1, missing).max(max, tooLong);

const id = (message: string) => z.string({ required_error: message, invalid_type_error: message }).trim().min(1, message).max(60, message);

/** Turns "criteria.0.name" style keys (from a plain form post) into nested arrays, like react-hook-form's values (the shared, prototype-safe nesting in app/utils/forms.ts). */
export const nestDotted = (input: unknown): unknown => nestFormFields(input);

const dateMessages = (label: string): DateMessages => ({
  missing: `Enter the ${label.toLowerCase()}`,
  invalid: `${label} must be a real date`,
  year: "Year must include 4 numbers",
  include: (parts) => `${label} must include a ${parts.join(" and ")}`,
});

// ── starting a project ──────────────────────────────────────────────────────

export const PROJECT_MESSAGES = {
  title: "Enter a name for the project",
  titleLong: "Project name must be 200 characters or fewer",
  route: "Select the buying route you will use",
  routeNotOpen: "That buying route is not open for these answers. Choose one of the routes shown.",
  requirements: "Enter your requirements",
  requirementsLong: "Requirements must be 10,000 characters or fewer",
  search: "This search could not be read. Start the search again.",
  project: "Select the project to save this search to",
  savedSearch: "Select a saved search to freeze",
  frozenResult: "Select a service from the frozen results",
  reason: "Enter why you are shortlisting this service",
  reasonLong: "Reason must be 1,000 characters or fewer",
  criteriaNone: "Add at least one evaluation criterion",
  criteriaTooMany: `You can have up to ${MAX_CRITERIA} criteria`,
  weightsTotal: (total: number) => `The weights must add up to 100. At the moment they add up to ${total}.`,
  outcomeKind: "Select the outcome of the procurement",
  awardedEntry: "Select the shortlisted service you awarded the contract to",
  awardedValue: "Enter the value of the contract",
  justification: "Enter the reasons for your decision",
  justificationLong: "Reasons must be 5,000 characters or fewer",
  endBeforeStart: "Contract end date must be after the start date",
} as const;

const P = PROJECT_MESSAGES;
const title = text(200, P.title, P.titleLong);

/** Starting from a blank project: the guide's questions on one page, with the start date as a date input. */
export const projectDetailsSchema = z
  .object({
    title,
    category: routeFinderFields.category,
    value: routeFinderFields.value,
    contractMonths: routeFinderFields.contractMonths,
    termsUnchanged: routeFinderFields.termsUnchanged,
    security: routeFinderFields.security,
    nation: routeFinderFields.nation,
    ...datePartFields("startDate"),
  })
  .transform((v, ctx) => {
    const date = isoFromDateParts(
      v["startDate-day"],
      v["startDate-month"],
      v["startDate-year"],
      dateMessages("Date the procurement starts"),
    );
    if (!date.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: date.message, path: ["startDate"] });
      return z.NEVER;
    }
    return {
      title: v.title,
      category: v.category,
      valuePence: v.value,
      contractMonths: v.contractMonths,
      termsUnchanged: v.termsUnchanged,
      security: v.security,
      nation: v.nation,
      startDate: date.iso,
    };
  });

/** Creating the project: the guide's answers (hidden fields) plus a name and the chosen route. */
export const createProjectSchema = z
  .object({
    title,
    routeId: z.string({ required_error: P.route, invalid_type_error: P.route }).trim().min(1, P.route).max(120, P.route),
    category: routeFinderFields.category,
    value: routeFinderFields.value,
    contractMonths: routeFinderFields.contractMonths,
    startDate: routeFinderFields.startDate,
    termsUnchanged: routeFinderFields.termsUnchanged,
    security: routeFinderFields.security,
    nation: routeFinderFields.nation,
  })
  .transform(({ value, ...rest }) => ({ ...rest, valuePence: value }));
export type CreateProjectInput = z.output<typeof createProjectSchema>;

// ── tasks ──────────────────────────────────────────────────────────────────

/** Budget approval is not a box the buyer ticks: they can only ask an approver for it (four eyes). */
export const requirementsSchema = z.object({
  lockVersion,
  requirements: text(10_000, P.requirements, P.requirementsLong),
  requestBudgetApproval: z.union([z.literal("yes"), z.literal(""), z.undefined(), z.boolean()]).transform((v) => v === "yes" || v === true),
});

export const saveSearchSchema = z.object({
  /** The search's query string, exactly as /search takes it. */
  search: z.string({ required_error: P.search }).max(4_000, P.search),
});

export const saveSearchToProjectSchema = saveSearchSchema.extend({ projectId: id(P.project) });

export const freezeSchema = z.object({ savedSearchId: id(P.savedSearch) });

export const shortlistAddSchema = z.object({
  frozenResultId: id(P.frozenResult),
  reason: text(1_000, P.reason, P.reasonLong),
});

export const shortlistRemoveSchema = z.object({ entryId: id("Select a shortlisted service to remove") });

type IntentInput<T extends Record<string, ZodTypeAny>> = { [K in keyof T & string]: { intent: K; input: z.output<T[K]> } }[keyof T &
  string];

/**
 * One schema for a page with several forms posting to one action: the posted `intent` picks the
 * schema (an unknown or missing intent is `fallback`), so the action still reads and parses the
 * body once through handleForm, and its errors keep their field paths.
 */
export function byIntent<T extends Record<string, ZodTypeAny>>(schemas: T, fallback: keyof T & string) {
  return z.record(z.unknown()).transform((form, ctx): IntentInput<T> => {
    const posted = typeof form.intent === "string" && Object.hasOwn(schemas, form.intent) ? form.intent : fallback;
    const parsed = schemas[posted].safeParse(form);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { intent: posted, input: parsed.data as unknown } as IntentInput<T>;
  });
}

const weightField = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined ? "" : String(v).trim()));

const criterionRow = z.object({
  id: z
    .string()
    .max(60)
    .optional()
    .transform((v) => v?.trim() || undefined),
  name: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim()),
  weight: weightField,
  description: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim()),
});

export const criteriaSchema = z.preprocess(
  nestDotted,
  z
    .object({
      lockVersion,
      criteria: z.array(criterionRow).max(50).optional().default([]),
    })
    .transform((v, ctx) => {
      const rows = v.criteria
        .map((row, index) => ({ ...row, index }))
        .filter((row) => row.name !== "" || row.weight !== "" || row.description !== "");
      const criteria: { id?: string; name: string; weight: number; description: string; position: number }[] = [];
      for (const row of rows) {
        const n = row.index + 1;
        let ok = true;
        if (!row.name) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["criteria", row.index, "name"], message: `Enter a name for criterion ${n}` });
          ok = false;
        } else if (row.name.length > 200) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ["criteria", row.index, "name"],
            message: `Name of criterion ${n} must be 200 characters or fewer`,
          });
          ok = false;
        }
        if (!/^\d{1,3}$/.test(row.weight) || Number(row.weight) < 1 || Number(row.weight) > 100) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ["criteria", row.index, "weight"],
            message:
              row.weight === "" ? `Enter a weight for criterion ${n}` : `Weight of criterion ${n} must be a whole number from 1 to 100`,
          });
          ok = false;
        }
        if (row.description.length > 1_000) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ["criteria", row.index, "description"],
            message: `Description of criterion ${n} must be 1,000 characters or fewer`,
          });
          ok = false;
        }
        if (ok)
          criteria.push({
            id: row.id,
            name: row.name,
            weight: Number(row.weight),
            description: row.description,
            position: criteria.length,
          });
      }
      if (rows.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["criteria"], message: P.criteriaNone });
      if (rows.length > MAX_CRITERIA) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["criteria"], message: P.criteriaTooMany });
      if (criteria.length === rows.length && rows.length > 0) {
        const total = criteria.reduce((sum, c) => sum + c.weight, 0);
        if (total !== 100) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["criteria"], message: P.weightsTotal(total) });
      }
      return { lockVersion: v.lockVersion, criteria };
    }),
);
export type CriteriaInput = z.output<typeof criteriaSchema>;

const scoreRow = z.object({
  entryId: z.string().max(60),
  criterionId: z.string().max(60),
  score: z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined ? "" : String(v).trim())),
  notes: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim()),
  /** For messages: "Price for Acme Cloud". */
  label: z.string().max(300).optional(),
});

export const scoresSchema = z.preprocess(
  nestDotted,
  z.object({ lockVersion, scores: z.array(scoreRow).max(2_000).optional().default([]) }).transform((v, ctx) => {
    const scores: { entryId: string; criterionId: string; score: number | null; notes: string }[] = [];
    v.scores.forEach((row, index) => {
      const label = row.label ? ` for ${row.label}` : "";
      if (row.score !== "" && (!/^\d{1,3}$/.test(row.score) || Number(row.score) > 100)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["scores", index, "score"],
          message: `Score${label} must be a whole number from 0 to 100`,
        });
        return;
      }
      if (row.notes.length > 2_000) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["scores", index, "notes"],
          message: `Notes${label} must be 2,000 characters or fewer`,
        });
        return;
      }
      scores.push({
        entryId: row.entryId,
        criterionId: row.criterionId,
        score: row.score === "" ? null : Number(row.score),
        notes: row.notes,
      });
    });
    return { lockVersion: v.lockVersion, scores };
  }),
);
export type ScoresInput = z.output<typeof scoresSchema>;

export const outcomeSchema = z
  .object({
    lockVersion,
    kind: z.string().optional(),
    entryId: z.string().max(60).optional(),
    value: z.union([z.string(), z.number()]).optional(),
    justification: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim()),
    ...datePartFields("startDate"),
    ...datePartFields("endDate"),
  })
  .transform((v, ctx) => {
    let failed = false;
    const fail = (path: string, message: string) => {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
      failed = true;
    };
    const kind = OUTCOME_KINDS.find((k) => k === v.kind);
    if (!kind) fail("kind", P.outcomeKind);
    if (!v.justification) fail("justification", P.justification);
    else if (v.justification.length > 5_000) fail("justification", P.justificationLong);
    if (kind !== "awarded") {
      if (failed || !kind) return z.NEVER;
      return {
        lockVersion: v.lockVersion,
        kind,
        justification: v.justification,
        entryId: null,
        valuePence: null,
        startDate: null,
        endDate: null,
      };
    }
    if (!v.entryId?.trim()) fail("entryId", P.awardedEntry);
    let valuePence: number | null = null;
    const parsed = parsePounds(v.value === undefined ? "" : String(v.value));
    if (!parsed.ok) {
      fail(
        "value",
        {
          empty: P.awardedValue,
          "not-a-number": "Enter the contract value as a number, like 148000",
          negative: "Contract value must be £0 or more",
          "too-many-decimals": "Contract value must have no more than 2 decimal places",
          "too-large": "Contract value must be £10,000,000,000 or less",
        }[parsed.reason],
      );
    } else if (parsed.pence > 1_000_000_000_000) {
      fail("value", "Contract value must be £10,000,000,000 or less");
    } else valuePence = parsed.pence;
    const start = isoFromDateParts(v["startDate-day"], v["startDate-month"], v["startDate-year"], dateMessages("Contract start date"));
    const end = isoFromDateParts(v["endDate-day"], v["endDate-month"], v["endDate-year"], dateMessages("Contract end date"));
    if (!start.ok) fail("startDate", start.message);
    if (!end.ok) fail("endDate", end.message);
    if (start.ok && end.ok && end.iso <= start.iso) fail("endDate", P.endBeforeStart);
    if (failed || !start.ok || !end.ok || valuePence === null) return z.NEVER;
    return {
      lockVersion: v.lockVersion,
      kind,
      justification: v.justification,
      entryId: v.entryId!.trim(),
      valuePence,
      startDate: start.iso,
      endDate: end.iso,
    };
  });
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const noticesSchema = z.object({
  lockVersion,
  done: z.array(z.string().max(60)).max(50).optional().default([]),
});

// ── saved searches: what is stored, and the /search query string it stands for ──

export interface SavedFilters {
  /** Product facet → chosen values, as on /search. */
  facets: Record<string, string[]>;
  frameworks: "live" | "all";
  sort: string;
}

const PRODUCT_FACETS = new Set(INDEX_DEFINITIONS.products.facets.map((f) => f.name));

/** What a saved or frozen search stores for a validated /search query (products only). */
export function savedSearchFromParams(params: SearchParams): { query: string; filters: SavedFilters } {
  const facets = Object.fromEntries(Object.entries(params.filters).filter(([name]) => PRODUCT_FACETS.has(name)));
  return { query: params.q, filters: { facets, frameworks: params.frameworks, sort: params.sort } };
}

/** Bad or old JSON reads as "no filters" rather than breaking a page. */
export function parseSavedFilters(json: string | null | undefined): SavedFilters {
  const empty: SavedFilters = { facets: {}, frameworks: "live", sort: "relevance" };
  if (!json) return empty;
  try {
    const value = JSON.parse(json) as Partial<SavedFilters>;
    const facets: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(value.facets ?? {}))
      if (Array.isArray(v)) facets[k] = v.filter((x): x is string => typeof x === "string");
    return {
      facets,
      frameworks: value.frameworks === "all" ? "all" : "live",
      sort: typeof value.sort === "string" ? value.sort : "relevance",
    };
  } catch {
    return empty;
  }
}

/** The /search query string for a stored search. */
export function savedSearchQueryString(query: string, filtersJson: string): string {
  const f = parseSavedFilters(filtersJson);
  const sp = new URLSearchParams();
  if (query) sp.set("q", query);
  sp.set("type", "products");
  for (const [facet, values] of Object.entries(f.facets)) for (const v of values) sp.append(facet, v);
  if (f.frameworks !== "live") sp.set("frameworks", f.frameworks);
  if (f.sort !== "relevance") sp.set("sort", f.sort);
  return sp.toString();
}

/** "Framework: G-Cloud 15; Supplier size: Small" – how a search's filters read in records and exports. */
export function describeFilters(filtersJson: string): string {
  const f = parseSavedFilters(filtersJson);
  const labels = new Map(INDEX_DEFINITIONS.products.facets.map((d) => [d.name, d]));
  const parts = Object.entries(f.facets).map(([name, values]) => {
    const def = labels.get(name);
    return `${def?.label ?? name}: ${values.map((v) => def?.labels?.[v] ?? v).join(", ")}`;
  });
  parts.push(f.frameworks === "all" ? "Including products only on expired frameworks" : "Live frameworks only");
  if (f.sort !== "relevance") parts.push(`Sorted by ${f.sort}`);
  return parts.join("; ");
}

// ── evaluation ─────────────────────────────────────────────────────────────

/** Weighted total out of 100 (one decimal place), or null until every criterion has a score. */
export function weightedTotal(
  criteria: readonly { id: string; weight: number }[],
  scores: readonly { criterionId: string; score: number }[],
): number | null {
  if (!criteria.length) return null;
  let total = 0;
  for (const c of criteria) {
    const s = scores.find((x) => x.criterionId === c.id);
    if (!s) return null;
    total += s.score * c.weight;
  }
  return Math.round(total / 10) / 10;
}

// ── the route governs the search (issue 13, item 1) ────────────────────────

/** What a direct award's search may cover: the route's agreement and its lots open for new call-offs. */
export interface RouteSearchScope {
  /** The agreement's short name, as the products index's "framework" facet holds it. */
  agreement: string;
  /** "G-Cloud 15 lot 2a": the lots of the agreement open today, as the "lot" facet holds them. */
  liveLots: string[];
  /** The agreement's lots that are closed for new call-offs. */
  closedLots: string[];
}

export type ScopedSearch = { ok: true; params: SearchParams } | { ok: false; message: string };

/**
 * Confines a search to a direct award's scope: refused if it asks for another agreement, a lot
 * outside the route's live lots, or expired frameworks; otherwise narrowed to the route's
 * agreement (and to its live lots when some of its lots have closed).
 */
export function confineToRoute(params: SearchParams, scope: RouteSearchScope): ScopedSearch {
  const route = `a direct award from ${scope.agreement}`;
  if (scope.liveLots.length === 0)
    return {
      ok: false,
      message: `None of ${scope.agreement}'s lots is open for new call-offs today, so ${route} cannot go ahead. Choose another route.`,
    };
  if (params.frameworks === "all") {
    return {
      ok: false,
      message: `This project is ${route}, so its search cannot include products only on expired frameworks. Untick "Include products only on expired frameworks".`,
    };
  }
  const otherAgreements = (params.filters.framework ?? []).filter((f) => f !== scope.agreement);
  if (otherAgreements.length) {
    return {
      ok: false,
      message: `This project is ${route}, so its search cannot cover ${otherAgreements.join(", ")}: a direct award can only be made from the framework the project's route names. Remove that filter, or start a project for that framework's route.`,
    };
  }
  const badLots = (params.filters.lot ?? []).filter((l) => !scope.liveLots.includes(l));
  if (badLots.length) {
    const closed = badLots.filter((l) => scope.closedLots.includes(l));
    return {
      ok: false,
      message: `This project is ${route}, so its search can only use ${scope.liveLots.join(", ")}. ${badLots.join(", ")} ${badLots.length === 1 ? "is" : "are"} ${closed.length === badLots.length ? "closed for new call-offs" : "not a lot of this route"}.`,
    };
  }
  const filters: Record<string, string[]> = { ...params.filters, framework: [scope.agreement] };
  if (!filters.lot?.length && scope.closedLots.length) filters.lot = [...scope.liveLots];
  return { ok: true, params: { ...params, filters } };
}

/** The refusal for a second freeze on a direct award. */
export function searchLockedMessage(frozenAt: Date): string {
  return `This project's search was frozen on ${frozenAt.toISOString().slice(0, 10)}. A direct award is assessed and awarded from that one frozen search (the Digital Marketplace locked a project once its results were exported), so another search cannot be saved or frozen. To start again, abandon that freeze with the reason; it stays in this record and you can then freeze another search.`;
}

/** Setting frozen results aside: one or more results, one reason (e.g. "does not meet must-have X"). */
export const setAsideSchema = z.object({
  frozenResultIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(60)).min(1, "Select the results you are setting aside").max(100),
  ),
  reason: text(1_000, "Enter why you are setting these results aside", "Reason must be 1,000 characters or fewer"),
});

/** The shortlist page's three forms (add with a reason, remove, set several aside with one reason). */
export const shortlistFormSchema = byIntent({ add: shortlistAddSchema, remove: shortlistRemoveSchema, "set-aside": setAsideSchema }, "add");

/** The evaluation page's two forms: the criteria and their weights, and the scores. */
export const evaluationFormSchema = byIntent({ criteria: criteriaSchema, scores: scoresSchema }, "criteria");

/** Starting over on a direct award: the first freeze is abandoned with why (it stays in the record). */
export const abandonFreezeSchema = z.object({
  frozenSearchId: id("Select the frozen search to abandon"),
  reason: text(1_000, "Enter why you are abandoning this frozen search", "Reason must be 1,000 characters or fewer").refine(
    (v) => v.length >= 20,
    "Explain in at least 20 characters why you are abandoning this frozen search",
  ),
});

const APPROVAL_SUBJECTS = ["budget", "award"] as const;

/** An approver's decision on a budget or award request. */
export const approvalDecisionSchema = z.object({
  approvalId: id("Select the request you are deciding"),
  decision: z.enum(["approve", "reject"], { errorMap: () => ({ message: "Select whether you approve or reject the request" }) }),
  note: z
    .string()
    .max(2_000, "Note must be 2,000 characters or fewer")
    .optional()
    .transform((v) => (v ?? "").trim()),
});

/** A council with one officer: why no second person could decide. */
export const noSecondPersonSchema = z.object({
  subject: z.enum(APPROVAL_SUBJECTS, { errorMap: () => ({ message: "Select what you are recording" }) }),
  reason: text(2_000, "Enter why no second person was available", "Reason must be 2,000 characters or fewer").refine(
    (v) => v.length >= 20,
    "Explain in at least 20 characters why no second person was available",
  ),
});

/** Where a notice was published: the notice ID the service gave and its https address on the service. */
export const noticePublicationSchema = z
  .object({
    lockVersion,
    code: id("Select the notice"),
    noticeId: text(60, "Enter the notice ID", "Notice ID must be 60 characters or fewer").refine(
      (v) => /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(v),
      "Notice ID must only include letters, numbers, hyphens, slashes, full stops and underscores",
    ),
    url: text(500, "Enter the notice's web address", "Web address must be 500 characters or fewer"),
  })
  .superRefine((v, ctx) => {
    const problem = publishedNoticeUrlProblem(v.url);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["url"], message: problem });
  });
