// Buying projects: a council's record of one purchase, from requirements to award.
// Prisma access only. Every change writes an AuditEvent in the same transaction;
// edits to the project's own fields and whole-set children (criteria, scores,
// outcome, notices) compare-and-increment BuyingProject.lockVersion; frozen
// searches are written once and never updated.
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { afterCommit } from "~/utils/after-commit.server";
import { conflict, invalid, notFoundFailure, ok, refused, type Failure, type Result } from "~/utils/result";
import { parseSearchParams, type SearchParams } from "~/services/search";
import { recordAudit } from "./audit.server";
import { contractFromAward, publishAwardContracts } from "./contract.server";
import { isContractRegisterNotice } from "./published-awards";
import { enqueueSearchUpdate } from "./search-outbox.server";
import { penceFromDbOrNull, penceToDb, penceToDbOrNull, withPence } from "./pence";
import { findBuyingRoutes } from "./buying-guide.server";
import { createCaseStudy } from "./case-study.server";
import { openApprovalRequest } from "./project-approval.server";
import { frameworkStatus, isOpenForNewCallOffs, lotDates } from "~/procurement/framework-status";
import { awardExceptions, callOffMonths, justificationProblem, supplierAwardRefusal, termRefusal } from "~/procurement/award-checks";
import { thresholdFor } from "~/procurement/thresholds";
import {
  CONCURRENCY_MESSAGE,
  PROJECT_MESSAGES,
  PROJECT_STATUS_FOR_OUTCOME,
  agreementSlugOf,
  caseStudyBuyingRoute,
  confineToRoute,
  isDirectAwardRoute,
  maxFrozenResults,
  parseSavedFilters,
  routeKindOf,
  savedSearchFromParams,
  savedSearchQueryString,
  searchLockedMessage,
  weightedTotal,
  type CreateProjectInput,
  type RouteSearchScope,
  type CriteriaInput,
  type OutcomeInput,
  type ScoresInput,
} from "./project.schema";

export interface Actor {
  id: string;
  ip?: string | null;
}

/** A form-level problem the officer can fix on the page (400, as before the Result shape). */
const invalidForm = (message: string, field = "form") => invalid({ [field]: [message] });

class StaleProjectError extends Error {}
/** The project is no longer open (an outcome was recorded meanwhile). */
class LockedProjectError extends Error {}
/** A refusal found after a guarded write: thrown so the transaction rolls that write back. */
class RollbackWith extends Error {
  constructor(public failure: Failure) {
    super("rolled back");
  }
}
const rollbackInvalid = (message: string, field = "form") => new RollbackWith({ kind: "invalid", errors: { [field]: [message] } });
const rollbackRefused = (message: string, field?: string) => new RollbackWith({ kind: "refused", message, field });

/**
 * Compare-and-increment: the write only happens if nobody changed the project since
 * `lockVersion` was read, and (with `status`) only while the project is still in that state.
 */
async function bumpLockVersion(
  tx: Tx,
  projectId: string,
  lockVersion: number,
  data: Prisma.BuyingProjectUpdateManyMutationInput = {},
  status?: string,
) {
  const { count } = await tx.buyingProject.updateMany({
    where: { id: projectId, lockVersion, ...(status ? { status } : {}) },
    data: { ...data, lockVersion: { increment: 1 }, updatedAt: now() },
  });
  if (count === 0) {
    const current = status ? await tx.buyingProject.findUnique({ where: { id: projectId }, select: { status: true } }) : null;
    throw current && current.status !== status ? new LockedProjectError() : new StaleProjectError();
  }
}

/**
 * For additions that do not make anyone's open form stale (saved and frozen searches,
 * shortlist entries): claims the project row only while it is still open, so such a change
 * and a recorded outcome never both happen; the row lock also queues two changes made at once.
 */
async function guardOpen(tx: Tx, projectId: string) {
  const { count } = await tx.buyingProject.updateMany({ where: { id: projectId, status: "open" }, data: { updatedAt: now() } });
  if (count === 0) throw new LockedProjectError();
}

/** guardOpen for a project that may not exist: false (and nothing claimed) when there is no such project. */
async function guardOpenIfFound(tx: Tx, projectId: string): Promise<boolean> {
  if (!(await tx.buyingProject.findUnique({ where: { id: projectId }, select: { id: true } }))) return false;
  await guardOpen(tx, projectId);
  return true;
}

/** One transaction with the project's write rules; every model write here returns a Result (ADR 0013). */
async function inTransaction<T>(work: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await prisma.$transaction((tx) => work(tx));
  } catch (error) {
    if (error instanceof StaleProjectError) return conflict(CONCURRENCY_MESSAGE);
    if (error instanceof LockedProjectError) return lockedFailure();
    if (error instanceof RollbackWith) return { ok: false, failure: error.failure };
    throw error;
  }
}

function audit(tx: Tx, actor: Actor, projectId: string, action: string, before: unknown, after: unknown) {
  return recordAudit(
    { actorId: actor.id, action: `project.${action}`, entityType: "project", entityId: projectId, before, after, ip: actor.ip },
    tx,
  );
}

const LOCKED_MESSAGE =
  "This project has an outcome recorded, so its requirements, searches, shortlist and evaluation can no longer be changed.";
const lockedFailure = () => conflict(LOCKED_MESSAGE);
/** Why a project read for a change cannot take it: there is no such project, or it is no longer open. */
const notOpenFailure = (project: { status: string } | null) => (project ? lockedFailure() : notFoundFailure("Project not found"));

// ───────────────────────────── reading ───────────────────────────────────────

/** Just enough to decide who may see or change a project. */
export function getProjectOwnership(id: string) {
  return prisma.buyingProject.findUnique({ where: { id }, select: { id: true, councilId: true } });
}

export async function listProjectsForCouncil(councilId: string | null) {
  const rows = await prisma.buyingProject.findMany({
    where: councilId ? { councilId } : {},
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      routeId: true,
      estimatedValuePence: true,
      updatedAt: true,
      council: { select: { name: true } },
      owner: { select: { name: true } },
    },
  });
  return rows.map((p) => withPence(p, "estimatedValuePence"));
}

export function listOpenProjectsForCouncil(councilId: string) {
  return prisma.buyingProject.findMany({
    where: { councilId, status: "open" },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, routeId: true, updatedAt: true },
  });
}

const frozenDocumentSelect = { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true } as const;

const projectInclude = {
  council: { select: { id: true, code: true, name: true, officialName: true, nation: true } },
  owner: { select: { name: true, email: true } },
  savedSearches: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  frozenSearches: {
    orderBy: [{ frozenAt: "asc" }, { id: "asc" }],
    include: {
      results: {
        orderBy: { position: "asc" },
        // The frozen version's documents (issue 19): a later version has its own rows, so these stay as they were frozen.
        include: { productVersion: { select: { versionNumber: true, documents: { select: frozenDocumentSelect } } } },
      },
    },
  },
  shortlist: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { frozenResult: true, scores: true } },
  setAside: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { frozenResult: true } },
  outcomeHistory: { orderBy: { sequence: "asc" } },
  criteria: { orderBy: [{ position: "asc" }, { id: "asc" }] },
  outcome: { include: { productVersion: { select: { id: true, name: true, versionNumber: true, productId: true } } } },
  notices: { orderBy: { id: "asc" }, include: { publications: { orderBy: [{ recordedAt: "asc" }, { id: "asc" }] } } },
} satisfies Prisma.BuyingProjectInclude;

type ProjectRow = Prisma.BuyingProjectGetPayload<{ include: typeof projectInclude }>;

/** The project with its money as number pence (see ./pence). */
function projectFromDb(p: ProjectRow) {
  return {
    ...withPence(p, "estimatedValuePence"),
    outcome: p.outcome ? withPence(p.outcome, "valuePence") : null,
    outcomeHistory: p.outcomeHistory.map((r) => withPence(r, "valuePence")),
  };
}

export type FullProject = ReturnType<typeof projectFromDb>;

export async function getProject(id: string): Promise<FullProject | null> {
  const project = await prisma.buyingProject.findUnique({ where: { id }, include: projectInclude });
  return project ? projectFromDb(project) : null;
}

/** The project header every project page shows (the layout route loads it once). */
export function getProjectHeader(id: string) {
  return prisma.buyingProject.findUnique({
    where: { id },
    select: { id: true, title: true, status: true, routeId: true, lockVersion: true, councilId: true, council: { select: { name: true } } },
  });
}

/** What the requirements page shows. */
export function getProjectRequirements(id: string) {
  return prisma.buyingProject.findUnique({
    where: { id },
    select: { id: true, title: true, status: true, lockVersion: true, requirements: true, budgetApproved: true, budgetApprovedAt: true },
  });
}

/** What the approvals page shows: the budget flag and the current outcome. */
export async function getProjectAwardSummary(id: string) {
  const p = await prisma.buyingProject.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      status: true,
      councilId: true,
      budgetApproved: true,
      outcome: { select: { kind: true, revision: true, valuePence: true, productVersion: { select: { name: true } } } },
    },
  });
  if (!p) return null;
  const o = p.outcome;
  return {
    ...p,
    outcome: o
      ? { kind: o.kind, revision: o.revision, valuePence: penceFromDbOrNull(o.valuePence), productName: o.productVersion?.name ?? null }
      : null,
  };
}

/** What the freeze page shows: the saved searches and every frozen search with its results (abandoned ones too). */
export function getProjectSearches(id: string) {
  return prisma.buyingProject.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      status: true,
      routeId: true,
      savedSearches: projectInclude.savedSearches,
      frozenSearches: projectInclude.frozenSearches,
    },
  });
}

/** What the notices page shows: the checklist with due dates and every recorded publication. */
export function getProjectNotices(id: string) {
  return prisma.buyingProject.findUnique({
    where: { id },
    select: { id: true, title: true, status: true, routeId: true, lockVersion: true, notices: projectInclude.notices },
  });
}

/** What the overview (task list) shows: the answers, the route and what each task needs to work out its status. */
export async function getProjectOverview(id: string) {
  const p = await prisma.buyingProject.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      status: true,
      routeId: true,
      category: true,
      estimatedValuePence: true,
      contractMonths: true,
      procurementStart: true,
      nation: true,
      securityClassification: true,
      termsUnchanged: true,
      requirements: true,
      budgetApproved: true,
      createdAt: true,
      council: { select: { name: true, officialName: true } },
      owner: { select: { name: true } },
      savedSearches: { select: { id: true } },
      frozenSearches: { select: { id: true } },
      criteria: { select: { id: true, weight: true } },
      shortlist: { select: { id: true, scores: { select: { criterionId: true } } } },
      notices: { select: { done: true } },
      outcome: { select: { kind: true, productVersion: { select: { name: true } } } },
    },
  });
  return p ? withPence(p, "estimatedValuePence") : null;
}

/** What the search page shows: the route (which confines a direct award's search) and the saved searches. */
export function getProjectSavedSearches(id: string) {
  return prisma.buyingProject.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      routeId: true,
      savedSearches: { orderBy: projectInclude.savedSearches.orderBy, select: { id: true, query: true, filters: true, createdAt: true } },
    },
  });
}

/**
 * What the shortlist page shows: the shortlist, what was set aside, the list of frozen searches,
 * and the results of one of them (`frozenSearchId`, else the one shortlisted from, else the latest).
 */
export async function getProjectShortlist(id: string, frozenSearchId: string | null) {
  const p = await prisma.buyingProject.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      routeId: true,
      frozenSearches: { orderBy: projectInclude.frozenSearches.orderBy, select: { id: true, frozenAt: true, query: true, filters: true } },
      shortlist: {
        orderBy: projectInclude.shortlist.orderBy,
        select: {
          id: true,
          reason: true,
          frozenResultId: true,
          frozenResult: { select: { productName: true, supplierName: true, frozenSearchId: true } },
        },
      },
      setAside: { select: { frozenResultId: true, reason: true } },
    },
  });
  if (!p) return null;
  const shortlistedFrom = p.shortlist[0]?.frozenResult.frozenSearchId;
  const chosen =
    p.frozenSearches.find((f) => f.id === frozenSearchId) ??
    p.frozenSearches.find((f) => f.id === shortlistedFrom) ??
    p.frozenSearches[p.frozenSearches.length - 1] ??
    null;
  const results = chosen
    ? await prisma.frozenResult.findMany({ where: { frozenSearchId: chosen.id }, ...projectInclude.frozenSearches.include.results })
    : [];
  return { ...p, frozen: chosen ? { ...chosen, results } : null };
}

/** What the evaluation page shows: the criteria and each shortlisted service with its scores. */
export function getProjectEvaluation(id: string) {
  return prisma.buyingProject.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      lockVersion: true,
      criteria: projectInclude.criteria,
      shortlist: {
        orderBy: projectInclude.shortlist.orderBy,
        select: {
          id: true,
          frozenResult: { select: { productName: true, supplierName: true, productVersionId: true } },
          scores: { select: { criterionId: true, score: true, notes: true } },
        },
      },
    },
  });
}

/** What the outcome page shows: the evaluation (to offer the shortlisted services with their totals) and the outcome. */
export async function getProjectOutcome(id: string) {
  const [evaluation, outcome] = await Promise.all([
    getProjectEvaluation(id),
    prisma.projectOutcome.findUnique({ where: { projectId: id }, include: { productVersion: { select: { name: true } } } }),
  ]);
  if (!evaluation) return null;
  return { ...evaluation, outcome: outcome ? withPence(outcome, "valuePence") : null };
}

export function listProjectHistory(projectId: string) {
  return prisma.auditEvent.findMany({
    // Refused attempts by other organisations are for administrators, not the project's history.
    where: { entityType: "project", entityId: projectId, action: { startsWith: "project." } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    include: { actor: { select: { name: true, email: true } } },
  });
}

// ───────────────────────────── starting a project ────────────────────────────

/** Creates the project with the notices checklist of the chosen route, if the route is open for these answers. */
export async function createProject(
  input: CreateProjectInput,
  actor: Actor & { councilId: string },
): Promise<Result<{ projectId: string }>> {
  const { title, routeId, ...answers } = input;
  const result = await findBuyingRoutes(answers, actor.councilId);
  const route = result.routes.find((r) => r.id === routeId);
  if (!route) return invalidForm(PROJECT_MESSAGES.routeNotOpen, "routeId");
  return inTransaction(async (tx) => {
    const at = now();
    const project = await tx.buyingProject.create({
      data: {
        councilId: actor.councilId,
        ownerId: actor.id,
        title,
        category: answers.category,
        estimatedValuePence: penceToDb(answers.valuePence, "estimated value"),
        contractMonths: answers.contractMonths,
        procurementStart: new Date(`${answers.startDate}T00:00:00.000Z`),
        nation: answers.nation,
        securityClassification: answers.security,
        termsUnchanged: answers.termsUnchanged,
        routeId,
        createdAt: at,
        updatedAt: at,
        notices: {
          create: route.notices.map((n) => ({ code: n.code, title: /^UK\d+$/.test(n.code) ? `${n.name} (${n.code})` : n.name })),
        },
      },
      select: { id: true },
    });
    await audit(tx, actor, project.id, "created", null, {
      title,
      routeId,
      routeTitle: route.title,
      answers,
      notices: route.notices.map((n) => n.code),
    });
    return ok({ projectId: project.id });
  });
}

// ───────────────────────────── (a) requirements and budget ───────────────────

/**
 * Saves the requirements (the old text stays in the audit trail). The buyer cannot approve the
 * budget themselves: ticking "ask for budget approval" opens a request an approver decides.
 */
export async function updateRequirements(
  projectId: string,
  input: { lockVersion: number; requirements: string; requestBudgetApproval: boolean },
  actor: Actor,
): Promise<Result<{ approvalRequested: boolean }>> {
  return inTransaction(async (tx) => {
    const before = await tx.buyingProject.findUnique({
      where: { id: projectId },
      select: { status: true, requirements: true, budgetApproved: true },
    });
    if (!before) return notFoundFailure("Project not found");
    if (before.status !== "open") return conflict(LOCKED_MESSAGE);
    await bumpLockVersion(tx, projectId, input.lockVersion, { requirements: input.requirements }, "open");
    const pending = await tx.projectApproval.count({ where: { projectId, subject: "budget", status: "requested" } });
    const approvalRequested = input.requestBudgetApproval && !before.budgetApproved && pending === 0;
    if (approvalRequested) await openApprovalRequest(tx, projectId, "budget", actor);
    await audit(
      tx,
      actor,
      projectId,
      "requirements-updated",
      { requirements: before.requirements },
      { requirements: input.requirements, budgetApprovalRequested: approvalRequested },
    );
    return ok({ approvalRequested });
  });
}

// ───────────────────────────── (b) saved searches ────────────────────────────

export type ParsedProjectSearch = { ok: true; params: SearchParams } | { ok: false; errors: string[] };

/** A /search query string as a products search; the same validation as /search. */
export function parseProjectSearch(search: URLSearchParams): ParsedProjectSearch {
  const copy = new URLSearchParams(search);
  const type = copy.get("type");
  if (type && type !== "all" && type !== "products")
    return { ok: false, errors: ["Only searches for products and services can be saved to a project"] };
  copy.set("type", "products");
  const parsed = parseSearchParams(copy);
  return parsed.success ? { ok: true, params: parsed.data } : { ok: false, errors: parsed.errors };
}

/**
 * For a direct award, what its search may cover (the route's agreement and its lots open for
 * new call-offs today); null for other routes, whose searches are a record of market research.
 */
export async function routeSearchScope(routeId: string, db: Tx | typeof prisma = prisma): Promise<RouteSearchScope | null> {
  if (!isDirectAwardRoute(routeId)) return null;
  const slug = agreementSlugOf(routeId);
  const agreement = slug
    ? await db.agreement.findUnique({
        where: { slug },
        select: {
          shortName: true,
          startDate: true,
          endDate: true,
          lots: { select: { number: true, startDate: true, endDate: true, routes: { select: { method: true } } } },
        },
      })
    : null;
  if (!agreement) return { agreement: slug ?? routeId, liveLots: [], closedLots: [] };
  const today = now();
  const label = (n: string) => `${agreement.shortName} lot ${n}`;
  const open = (l: (typeof agreement.lots)[number]) => {
    const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
    const d = lotDates(
      { startDate: iso(agreement.startDate), endDate: iso(agreement.endDate) },
      { startDate: iso(l.startDate) ?? undefined, endDate: iso(l.endDate) ?? undefined },
    );
    return l.routes.some((r) => r.method === "direct-award") && isOpenForNewCallOffs(frameworkStatus(d.startDate, d.endDate, today));
  };
  const sorted = [...agreement.lots].sort((a, b) => a.number.localeCompare(b.number));
  return {
    agreement: agreement.shortName,
    liveLots: sorted.filter(open).map((l) => label(l.number)),
    closedLots: sorted.filter((l) => !open(l)).map((l) => label(l.number)),
  };
}

/** A search as this project's route allows it: confined to a direct award's scope, or refused with why. */
export async function scopeProjectSearch(
  routeId: string,
  params: SearchParams,
): Promise<{ ok: true; params: SearchParams } | { ok: false; message: string }> {
  const scope = await routeSearchScope(routeId);
  return scope ? confineToRoute(params, scope) : { ok: true, params };
}

export async function saveSearch(projectId: string, requested: SearchParams, actor: Actor): Promise<Result<{ savedSearchId: string }>> {
  const route = await prisma.buyingProject.findUnique({ where: { id: projectId }, select: { routeId: true } });
  if (!route) return notFoundFailure("Project not found");
  const scoped = await scopeProjectSearch(route.routeId, requested);
  if (!scoped.ok) return invalidForm(scoped.message);
  const params = scoped.params;
  const { query, filters } = savedSearchFromParams(params);
  return inTransaction(async (tx) => {
    const project = await tx.buyingProject.findUnique({ where: { id: projectId }, select: { status: true, routeId: true } });
    if (project?.status !== "open") return notOpenFailure(project);
    await guardOpen(tx, projectId);
    const lockedAt = await directAwardSearchLockedAt(tx, projectId, project.routeId);
    if (lockedAt) throw new RollbackWith(conflict(searchLockedMessage(lockedAt)).failure);
    const saved = await tx.savedSearch.create({
      data: { projectId, type: "products", query, filters: JSON.stringify(filters), createdById: actor.id, createdAt: now() },
      select: { id: true },
    });
    await audit(tx, actor, projectId, "search-saved", null, { savedSearchId: saved.id, query, filters });
    return ok({ savedSearchId: saved.id });
  });
}

/**
 * On a direct award the first search frozen (and not abandoned) is the only one: no other may be
 * saved or frozen after it. When that search was frozen, or null if the project may still search.
 */
async function directAwardSearchLockedAt(db: Tx | typeof prisma, projectId: string, routeId: string): Promise<Date | null> {
  if (!isDirectAwardRoute(routeId)) return null;
  const first = await db.frozenSearch.findFirst({
    where: { projectId, abandonedAt: null },
    orderBy: { frozenAt: "asc" },
    select: { frozenAt: true },
  });
  return first?.frozenAt ?? null;
}

export function savedSearchParams(saved: { query: string; filters: string }): SearchParams | null {
  const parsed = parseProjectSearch(new URLSearchParams(savedSearchQueryString(saved.query, saved.filters)));
  return parsed.ok ? parsed.params : null;
}

// ───────────────────────────── (c) freezing ──────────────────────────────────

export function frozenLimitMessage(total: number, max: number, directAward: boolean): string {
  return directAward
    ? `This search has ${total} results. For a direct award, narrow your search to ${max} results or fewer; do not combine searches. Refine the search, save it again and freeze that one.`
    : `This search has ${total} results. Narrow your search to ${max} results or fewer before freezing it.`;
}

/**
 * Freezes a saved search: runs it now and stores the query, filters, time and each
 * listing's exact published version with the details the officer saw. Never updated.
 */
/** Runs a search as it is published now (the search service; passed in so models do not import services). */
export type RunProductSearch = (params: SearchParams, pageSize: number) => Promise<{ total: number; ids: string[] }>;

export async function freezeSavedSearch(
  projectId: string,
  savedSearchId: string,
  actor: Actor,
  runSearch: RunProductSearch,
): Promise<Result<{ frozenSearchId: string; count: number }>> {
  const project = await prisma.buyingProject.findUnique({ where: { id: projectId }, select: { status: true, routeId: true } });
  if (project?.status !== "open") return notOpenFailure(project);
  const saved = await prisma.savedSearch.findFirst({ where: { id: savedSearchId, projectId } });
  if (!saved) return refused(PROJECT_MESSAGES.savedSearch);
  const stored = savedSearchParams(saved);
  if (!stored) return refused("This saved search can no longer be run. Save the search again.");
  const lockedAt = await directAwardSearchLockedAt(prisma, projectId, project.routeId);
  if (lockedAt) return conflict(searchLockedMessage(lockedAt));
  // Checked again now: a saved search from before this rule, or a lot that has closed since.
  const scoped = await scopeProjectSearch(project.routeId, stored);
  if (!scoped.ok) return refused(scoped.message);
  const params = scoped.params;

  const max = maxFrozenResults(project.routeId);
  const response = await runSearch(params, max);
  if (response.total > max) return refused(frozenLimitMessage(response.total, max, isDirectAwardRoute(project.routeId)));
  if (response.total === 0)
    return refused("This search has no results, so there is nothing to freeze. Change the search and save it again.");

  const ids = response.ids;
  const products = await prisma.product.findMany({
    where: { id: { in: ids }, status: "published", publishedVersionId: { not: null } },
    select: {
      id: true,
      publishedVersion: { select: { id: true, name: true, priceFromPence: true, priceUnit: true } },
      supplier: { select: { tradingName: true, computedSize: true } },
    },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  const rows = ids
    .map((id) => byId.get(id))
    .filter((p): p is NonNullable<typeof p> => Boolean(p?.publishedVersion))
    .map((p, position) => ({
      position: position + 1,
      productId: p.id,
      productVersionId: p.publishedVersion!.id,
      productName: p.publishedVersion!.name,
      supplierName: p.supplier.tradingName,
      supplierSize: p.supplier.computedSize,
      priceFromPence: p.publishedVersion!.priceFromPence,
      priceUnit: p.publishedVersion!.priceUnit,
    }));

  return inTransaction(async (tx) => {
    // The project may have been awarded while the search ran.
    await guardOpen(tx, projectId);
    // Under the row claim: of two freezes at once on a direct award, only the first is kept.
    const lockedAt = await directAwardSearchLockedAt(tx, projectId, project.routeId);
    if (lockedAt) throw new RollbackWith(conflict(searchLockedMessage(lockedAt)).failure);
    const frozen = await tx.frozenSearch.create({
      data: {
        projectId,
        query: saved.query,
        filters: saved.filters,
        resultCount: rows.length,
        frozenAt: now(),
        frozenById: actor.id,
        results: { create: rows },
      },
      select: { id: true, frozenAt: true },
    });
    await audit(tx, actor, projectId, "search-frozen", null, {
      frozenSearchId: frozen.id,
      savedSearchId,
      query: saved.query,
      filters: parseSavedFilters(saved.filters),
      frozenAt: frozen.frozenAt.toISOString(),
      results: rows.map((r) => ({ position: r.position, productId: r.productId, productVersionId: r.productVersionId })),
    });
    return ok({ frozenSearchId: frozen.id, count: rows.length });
  });
}

/**
 * Starting over (issue 13, item 1): the frozen search is marked abandoned with why and stays in
 * the record; only then can another search be saved and frozen. Refused while services from it
 * are on the shortlist (remove them first, which is recorded too).
 */
export async function abandonFrozenSearch(
  projectId: string,
  input: { frozenSearchId: string; reason: string },
  actor: Actor,
): Promise<Result<{ frozenSearchId: string }>> {
  return inTransaction(async (tx) => {
    const frozen = await tx.frozenSearch.findFirst({
      where: { id: input.frozenSearchId, projectId },
      select: { id: true, frozenAt: true, abandonedAt: true, query: true, results: { select: { shortlist: { select: { id: true } } } } },
    });
    if (!frozen) return notFoundFailure("That frozen search is not on this project.");
    if (frozen.abandonedAt)
      return conflict(`This frozen search was already abandoned on ${frozen.abandonedAt.toISOString().slice(0, 10)}.`);
    await guardOpen(tx, projectId);
    const shortlisted = frozen.results.filter((r) => r.shortlist.length).length;
    if (shortlisted)
      return refused(
        `${shortlisted} ${shortlisted === 1 ? "service from this search is" : "services from this search are"} on the shortlist. Remove them from the shortlist before abandoning the search.`,
        { field: "frozenSearchId" },
      );
    const at = now();
    const { count } = await tx.frozenSearch.updateMany({
      where: { id: frozen.id, projectId, abandonedAt: null },
      data: { abandonedAt: at, abandonedById: actor.id, abandonReason: input.reason },
    });
    if (count !== 1) return conflict("This frozen search was abandoned meanwhile.");
    await audit(
      tx,
      actor,
      projectId,
      "search-abandoned",
      { frozenSearchId: frozen.id, frozenAt: frozen.frozenAt.toISOString() },
      {
        frozenSearchId: frozen.id,
        reason: input.reason,
        abandonedAt: at.toISOString(),
      },
    );
    return ok({ frozenSearchId: frozen.id });
  });
}

export function getFrozenSearch(projectId: string, frozenSearchId: string) {
  return prisma.frozenSearch.findFirst({
    where: { id: frozenSearchId, projectId },
    include: {
      results: projectInclude.frozenSearches.include.results,
      project: { select: { id: true, title: true, routeId: true, council: { select: { name: true } } } },
    },
  });
}

// ───────────────────────────── (d) shortlist ─────────────────────────────────

export async function addToShortlist(
  projectId: string,
  input: { frozenResultId: string; reason: string },
  actor: Actor,
): Promise<Result<void>> {
  return inTransaction(async (tx) => {
    // First, so the shortlist read below is the one this change is checked against.
    if (!(await guardOpenIfFound(tx, projectId))) return notFoundFailure("Project not found");
    const project = await tx.buyingProject.findUnique({
      where: { id: projectId },
      select: {
        status: true,
        routeId: true,
        shortlist: {
          select: {
            frozenResultId: true,
            frozenResult: { select: { frozenSearchId: true, frozenSearch: { select: { frozenAt: true } } } },
          },
        },
      },
    });
    if (project?.status !== "open") return notOpenFailure(project);
    // The owner check is in the where clause: only results frozen for this project.
    const result = await tx.frozenResult.findFirst({
      where: { id: input.frozenResultId, frozenSearch: { projectId, abandonedAt: null } },
      select: { id: true, frozenSearchId: true, productName: true, productVersionId: true },
    });
    if (!result) throw rollbackInvalid(PROJECT_MESSAGES.frozenResult);
    if (project.shortlist.some((e) => e.frozenResultId === result.id))
      throw rollbackInvalid(`${result.productName} is already on the shortlist.`);
    const other = project.shortlist.find((e) => e.frozenResult.frozenSearchId !== result.frozenSearchId);
    if (isDirectAwardRoute(project.routeId) && other) {
      throw rollbackInvalid(
        "Do not combine searches: for a direct award your shortlist must come from one frozen search. Remove the services from the other search first.",
      );
    }
    const entry = await tx.shortlistEntry.create({
      data: { projectId, frozenResultId: result.id, reason: input.reason, createdAt: now() },
      select: { id: true },
    });
    await audit(tx, actor, projectId, "shortlist-added", null, {
      entryId: entry.id,
      frozenResultId: result.id,
      productVersionId: result.productVersionId,
      productName: result.productName,
      reason: input.reason,
    });
    return ok();
  });
}

export async function removeFromShortlist(projectId: string, entryId: string, actor: Actor): Promise<Result<void>> {
  return inTransaction(async (tx) => {
    const project = await tx.buyingProject.findUnique({ where: { id: projectId }, select: { status: true } });
    if (project?.status !== "open") return notOpenFailure(project);
    await guardOpen(tx, projectId);
    const entry = await tx.shortlistEntry.findFirst({
      where: { id: entryId, projectId },
      include: { frozenResult: { select: { productName: true } }, scores: true },
    });
    if (!entry) throw rollbackInvalid("That service is no longer on the shortlist.");
    const removed = await tx.shortlistEntry.deleteMany({ where: { id: entry.id, projectId } });
    if (removed.count !== 1) throw rollbackInvalid("That service is no longer on the shortlist.");
    await audit(
      tx,
      actor,
      projectId,
      "shortlist-removed",
      {
        entryId: entry.id,
        productName: entry.frozenResult.productName,
        reason: entry.reason,
        scores: entry.scores.map((s) => ({ criterionId: s.criterionId, score: s.score })),
      },
      null,
    );
    return ok();
  });
}

// ───────────────────────────── (e) evaluation ────────────────────────────────

/** Replaces the criteria (keeping the ids of rows that stay, so their scores survive); weights sum to 100 (checked by the schema). */
export async function saveCriteria(projectId: string, input: CriteriaInput, actor: Actor): Promise<Result<void>> {
  return inTransaction(async (tx) => {
    const project = await tx.buyingProject.findUnique({
      where: { id: projectId },
      select: { status: true, criteria: { orderBy: { position: "asc" } } },
    });
    if (project?.status !== "open") return notOpenFailure(project);
    const assessment = await countUnassessed(tx, projectId);
    if (assessment.unassessed > 0) return invalidForm(unassessedMessage(assessment));
    await bumpLockVersion(tx, projectId, input.lockVersion, {}, "open");
    const existing = new Set(project.criteria.map((c) => c.id));
    const keep = new Set(input.criteria.map((c) => c.id).filter((id): id is string => Boolean(id && existing.has(id))));
    await tx.evaluationCriterion.deleteMany({ where: { projectId, id: { notIn: [...keep] } } });
    for (const c of input.criteria) {
      const data = { name: c.name, weight: c.weight, description: c.description, position: c.position };
      if (c.id && keep.has(c.id)) await tx.evaluationCriterion.update({ where: { id: c.id }, data });
      else await tx.evaluationCriterion.create({ data: { ...data, projectId } });
    }
    await audit(
      tx,
      actor,
      projectId,
      "criteria-saved",
      project.criteria.map((c) => ({ name: c.name, weight: c.weight, description: c.description })),
      input.criteria.map((c) => ({ name: c.name, weight: c.weight, description: c.description })),
    );
    return ok();
  });
}

export async function saveScores(projectId: string, input: ScoresInput, actor: Actor): Promise<Result<void>> {
  return inTransaction(async (tx) => {
    const project = await tx.buyingProject.findUnique({
      where: { id: projectId },
      select: { status: true, criteria: { select: { id: true } }, shortlist: { select: { id: true, scores: true } } },
    });
    if (project?.status !== "open") return notOpenFailure(project);
    const assessment = await countUnassessed(tx, projectId);
    if (assessment.unassessed > 0) return invalidForm(unassessedMessage(assessment));
    const criteria = new Set(project.criteria.map((c) => c.id));
    const entries = new Set(project.shortlist.map((e) => e.id));
    // A row for a criterion or listing that has gone means the page is out of date.
    if (input.scores.some((s) => !criteria.has(s.criterionId) || !entries.has(s.entryId))) throw new StaleProjectError();
    await bumpLockVersion(tx, projectId, input.lockVersion, {}, "open");
    const before = project.shortlist.flatMap((e) =>
      e.scores.map((s) => ({ entryId: e.id, criterionId: s.criterionId, score: s.score, notes: s.notes })),
    );
    for (const s of input.scores) {
      const key = { criterionId_shortlistEntryId: { criterionId: s.criterionId, shortlistEntryId: s.entryId } };
      if (s.score === null) await tx.evaluationScore.deleteMany({ where: { criterionId: s.criterionId, shortlistEntryId: s.entryId } });
      else
        await tx.evaluationScore.upsert({
          where: key,
          create: { criterionId: s.criterionId, shortlistEntryId: s.entryId, score: s.score, notes: s.notes },
          update: { score: s.score, notes: s.notes },
        });
    }
    await audit(tx, actor, projectId, "scores-saved", before, input.scores);
    return ok();
  });
}

// ───────────────────────────── (f) outcome ───────────────────────────────────

/** Records the outcome; an award makes the product count as "used by" this council, in search too. */
export async function recordOutcome(projectId: string, input: OutcomeInput, actor: Actor): Promise<Result<{ revision: number }>> {
  // The notices checklist is recomputed from the award as recorded (value, term, route), before
  // the transaction because the guide reads the reference data.
  const planned = await prisma.buyingProject.findUnique({
    where: { id: projectId },
    select: {
      routeId: true,
      councilId: true,
      category: true,
      procurementStart: true,
      termsUnchanged: true,
      securityClassification: true,
      nation: true,
    },
  });
  let awardNotices: { code: string; title: string }[] | null = null;
  if (planned && input.kind === "awarded" && input.valuePence !== null && input.startDate && input.endDate) {
    const guide = await findBuyingRoutes(
      {
        category: planned.category,
        valuePence: input.valuePence,
        contractMonths: Math.min(Math.max(callOffMonths(input.startDate, input.endDate), 1), 120),
        startDate: planned.procurementStart.toISOString().slice(0, 10),
        termsUnchanged: planned.termsUnchanged,
        security: planned.securityClassification,
        nation: planned.nation,
      } as Parameters<typeof findBuyingRoutes>[0],
      planned.councilId,
    ).catch(() => null);
    const route = guide?.routes.find((r) => r.id === planned.routeId);
    if (route)
      awardNotices = route.notices.map((n) => ({ code: n.code, title: /^UK\d+$/.test(n.code) ? `${n.name} (${n.code})` : n.name }));
  }
  const result = await inTransaction(async (tx): Promise<Result<{ revision: number }>> => {
    if (!(await tx.buyingProject.findUnique({ where: { id: projectId }, select: { id: true } })))
      return notFoundFailure("Project not found");
    // The guard first: only from the version of the project the officer saw, so of two
    // outcomes recorded at once exactly one wins; everything below is read after it.
    await bumpLockVersion(tx, projectId, input.lockVersion, { status: PROJECT_STATUS_FOR_OUTCOME[input.kind] });
    const project = await tx.buyingProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { status: true, outcome: { include: { productVersion: { select: { productId: true } } } } },
    });
    let award: { productVersionId: string; productId: string; supplierId: string; productName: string } | null = null;
    let exceptions: { code: string; rule: string }[] = [];
    if (input.kind === "awarded") {
      const entry = await tx.shortlistEntry.findFirst({
        where: { id: input.entryId!, projectId, frozenResult: { frozenSearch: { abandonedAt: null } } },
        select: {
          id: true,
          frozenResult: {
            select: {
              productVersionId: true,
              productId: true,
              productName: true,
              supplierName: true,
              product: { select: { supplierId: true } },
            },
          },
        },
      });
      if (!entry) throw rollbackRefused(PROJECT_MESSAGES.awardedEntry, "entryId");
      const r = entry.frozenResult;
      award = {
        productVersionId: r.productVersionId,
        productId: r.productId,
        supplierId: r.product.supplierId,
        productName: r.productName,
      };
      exceptions = await checkAward(tx, projectId, input, entry.id, { ...award, supplierName: r.supplierName });
    }
    const data = {
      kind: input.kind,
      productVersionId: award?.productVersionId ?? null,
      supplierId: award?.supplierId ?? null,
      valuePence: penceToDbOrNull(input.valuePence, "contract value"),
      startDate: input.startDate ? new Date(`${input.startDate}T00:00:00.000Z`) : null,
      endDate: input.endDate ? new Date(`${input.endDate}T00:00:00.000Z`) : null,
      justification: input.justification,
      exceptions: JSON.stringify(exceptions),
      decidedById: actor.id,
      decidedAt: now(),
    };
    const before = project.outcome;
    // Nothing overwritten: every outcome is a new revision; ProjectOutcome points at the latest.
    const last = await tx.outcomeRevision.findFirst({ where: { projectId }, orderBy: { sequence: "desc" }, select: { sequence: true } });
    const revision = (last?.sequence ?? 0) + 1;
    await tx.outcomeRevision.create({ data: { ...data, projectId, sequence: revision, productName: award?.productName ?? null } });
    await tx.projectOutcome.upsert({ where: { projectId }, create: { ...data, projectId, revision }, update: { ...data, revision } });
    // The register follows the latest outcome: an award is a (private) contract, another outcome withdraws it.
    await contractFromAward(tx, projectId, { id: actor.id, ip: actor.ip });
    // Four eyes: the award decision waits for a second officer; another outcome withdraws an open request.
    if (input.kind === "awarded") await openApprovalRequest(tx, projectId, "award", actor, revision);
    else
      await tx.projectApproval.updateMany({ where: { projectId, subject: "award", status: "requested" }, data: { status: "withdrawn" } });
    if (input.kind === "awarded" && awardNotices) await recomputeNotices(tx, projectId, awardNotices, data.startDate ?? data.decidedAt);
    await audit(
      tx,
      actor,
      projectId,
      "outcome-recorded",
      before
        ? {
            kind: before.kind,
            productVersionId: before.productVersionId,
            valuePence: penceFromDbOrNull(before.valuePence),
            justification: before.justification,
          }
        : null,
      {
        kind: input.kind,
        revision,
        productVersionId: data.productVersionId,
        productName: award?.productName ?? null,
        valuePence: input.valuePence,
        startDate: input.startDate,
        endDate: input.endDate,
        justification: input.justification,
        exceptions,
      },
    );
    // "Used by N councils" is in the products index: queue the product(s) whose count may change.
    const affected = [award?.productId, before?.productVersion?.productId].filter((id): id is string => Boolean(id));
    await enqueueSearchUpdate(
      tx,
      [...new Set(affected)].map((entityId) => ({ entityType: "product" as const, entityId })),
    );
    return ok({ revision });
  });
  if (result.ok) await afterCommit();
  return result;
}

/**
 * The award against the route (issue 13, item 3): every frozen result assessed; the term within
 * the lot's maximum call-off length (refused, with the rule and its source); and what only needs
 * explaining (over the estimate, across the threshold, not the highest score) needs a real
 * justification. Returns the exceptions the justification answers, for the record.
 */
async function checkAward(
  tx: Tx,
  projectId: string,
  input: OutcomeInput,
  entryId: string,
  award: { productVersionId: string; productName: string; supplierId: string; supplierName: string },
) {
  const { productVersionId, productName } = award;
  const project = await tx.buyingProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      routeId: true,
      estimatedValuePence: true,
      procurementStart: true,
      criteria: { select: { id: true, weight: true } },
      shortlist: {
        select: { id: true, frozenResult: { select: { productName: true } }, scores: { select: { criterionId: true, score: true } } },
      },
    },
  });
  const unassessed = await countUnassessed(tx, projectId);
  if (unassessed.unassessed > 0) throw rollbackRefused(unassessedMessage(unassessed));

  const slug = agreementSlugOf(project.routeId);
  const method = isDirectAwardRoute(project.routeId) ? "direct-award" : "further-competition";
  if (slug && input.startDate && input.endDate) {
    const lots = await tx.productVersionLot.findMany({
      where: { versionId: productVersionId, lot: { agreement: { slug } } },
      select: {
        lot: {
          select: {
            number: true,
            startDate: true,
            endDate: true,
            awards: { where: { supplierId: award.supplierId }, select: { verified: true, awardedAt: true } },
            agreement: { select: { shortName: true, sourceUrl: true, startDate: true, endDate: true } },
            routes: { where: { method }, select: { maxContractMonths: true, sourceUrl: true } },
          },
        },
      },
    });
    const limits = lots.flatMap((l) =>
      l.lot.routes.map((r) => ({
        lotLabel: `${l.lot.agreement.shortName} lot ${l.lot.number}`,
        maxContractMonths: r.maxContractMonths,
        sourceUrl: r.sourceUrl ?? l.lot.agreement.sourceUrl,
      })),
    );
    const refusal = termRefusal(callOffMonths(input.startDate, input.endDate), limits);
    if (refusal) throw rollbackRefused(refusal.message, "endDate");
    // The supplier must hold a verified place on the lot, live on the day of the award.
    const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
    const supplierAwards = lots.flatMap((l) => {
      const window = lotDates(
        { startDate: iso(l.lot.agreement.startDate), endDate: iso(l.lot.agreement.endDate) },
        { startDate: iso(l.lot.startDate) ?? undefined, endDate: iso(l.lot.endDate) ?? undefined },
      );
      return l.lot.awards.map((a) => ({
        lotLabel: `${l.lot.agreement.shortName} lot ${l.lot.number}`,
        verified: a.verified,
        awardedAt: a.awardedAt.toISOString(),
        lotStart: window.startDate,
        lotEnd: window.endDate,
        sourceUrl: l.lot.agreement.sourceUrl,
      }));
    });
    const lotLabels = lots.map((l) => `${l.lot.agreement.shortName} lot ${l.lot.number}`);
    const awardRefusal = supplierAwardRefusal(
      award.supplierName,
      lotLabels,
      supplierAwards,
      now().toISOString(),
      lots[0]?.lot.agreement.sourceUrl,
    );
    if (awardRefusal) throw rollbackRefused(awardRefusal.message, "entryId");
  }

  const totals = project.shortlist.map((e) => ({
    id: e.id,
    name: e.frozenResult.productName,
    total: weightedTotal(project.criteria, e.scores),
  }));
  const scored = totals.filter((t): t is typeof t & { total: number } => t.total !== null);
  const best = scored.length ? scored.reduce((a, b) => (b.total > a.total ? b : a)) : null;
  const exceptions = awardExceptions({
    estimatePence: Number(project.estimatedValuePence),
    valuePence: input.valuePence ?? 0,
    thresholdPence: thresholdFor(project.procurementStart)?.amountPence ?? null,
    awardedTotal: totals.find((t) => t.id === entryId)?.total ?? null,
    bestTotal: best?.total ?? null,
    bestName: best?.name ?? null,
    awardedName: productName,
  });
  if (exceptions.length) {
    const problem = justificationProblem(input.justification);
    if (problem) throw rollbackRefused(`${exceptions.map((e) => e.rule).join(" ")} ${problem}`, "justification");
  }
  return exceptions.map((e) => ({ code: e.code, rule: e.rule, sources: e.sources }));
}

/** Adds the notices the award needs, drops unticked ones it no longer needs, and sets due dates. */
async function recomputeNotices(tx: Tx, projectId: string, notices: { code: string; title: string }[], contractStart: Date) {
  const existing = await tx.noticeChecklistItem.findMany({ where: { projectId } });
  const wanted = new Set(notices.map((n) => n.code));
  const due = (code: string) =>
    /UK7|CONTRACT_DETAILS|CONTRACTS_FINDER/.test(code) ? new Date(contractStart.getTime() + 30 * 86_400_000) : null;
  for (const n of notices) {
    const item = existing.find((i) => i.code === n.code);
    if (item) await tx.noticeChecklistItem.update({ where: { id: item.id }, data: { dueAt: due(n.code) } });
    else await tx.noticeChecklistItem.create({ data: { projectId, code: n.code, title: n.title, dueAt: due(n.code) } });
  }
  await tx.noticeChecklistItem.deleteMany({ where: { projectId, done: false, code: { notIn: [...wanted] } } });
}

// ───────────────────────────── assessing every frozen result ─────────────────

export async function countUnassessed(db: Tx | typeof prisma, projectId: string) {
  const [total, shortlisted, setAside] = await Promise.all([
    db.frozenResult.count({ where: { frozenSearch: { projectId, abandonedAt: null } } }),
    db.shortlistEntry.count({ where: { projectId, frozenResult: { frozenSearch: { abandonedAt: null } } } }),
    db.setAsideResult.count({ where: { projectId, frozenResult: { frozenSearch: { abandonedAt: null } } } }),
  ]);
  return { total, assessed: shortlisted + setAside, unassessed: Math.max(total - shortlisted - setAside, 0) };
}

export const unassessedMessage = (c: { total: number; unassessed: number }) =>
  `${c.unassessed} of the ${c.total} frozen results ${c.unassessed === 1 ? "has" : "have"} not been assessed. Shortlist each result with a reason or set it aside with a reason (you can set several aside with one reason) before the evaluation and award.`;

/** Sets frozen results aside with one reason (written once; shown in the record). */
export async function setAsideResults(
  projectId: string,
  input: { frozenResultIds: string[]; reason: string },
  actor: Actor,
): Promise<Result<void>> {
  return inTransaction(async (tx) => {
    if (!(await guardOpenIfFound(tx, projectId))) return notFoundFailure("Project not found");
    const ids = [...new Set(input.frozenResultIds)];
    const results = await tx.frozenResult.findMany({
      where: { id: { in: ids }, frozenSearch: { projectId, abandonedAt: null } },
      select: { id: true, productName: true, shortlist: { select: { id: true } }, setAside: { select: { id: true } } },
    });
    if (results.length !== ids.length || ids.length === 0) throw rollbackInvalid(PROJECT_MESSAGES.frozenResult, "frozenResultIds");
    const taken = results.find((r) => r.shortlist.length || r.setAside.length);
    if (taken) throw rollbackInvalid(`${taken.productName} has already been assessed.`, "frozenResultIds");
    const at = now();
    for (const r of results)
      await tx.setAsideResult.create({
        data: { projectId, frozenResultId: r.id, reason: input.reason, createdById: actor.id, createdAt: at },
      });
    await audit(tx, actor, projectId, "results-set-aside", null, {
      reason: input.reason,
      results: results.map((r) => ({ frozenResultId: r.id, productName: r.productName })),
    });
    return ok();
  });
}

// ───────────────────────────── (g) notices ───────────────────────────────────

export async function saveNotices(projectId: string, input: { lockVersion: number; done: string[] }, actor: Actor): Promise<Result<void>> {
  const result = await inTransaction(async (tx): Promise<Result<void>> => {
    const items = await tx.noticeChecklistItem.findMany({ where: { projectId } });
    await bumpLockVersion(tx, projectId, input.lockVersion);
    const done = new Set(input.done);
    const at = now();
    for (const item of items) {
      const ticked = done.has(item.code);
      if (ticked !== item.done)
        await tx.noticeChecklistItem.update({ where: { id: item.id }, data: { done: ticked, doneAt: ticked ? at : null } });
    }
    await audit(
      tx,
      actor,
      projectId,
      "notices-updated",
      items.filter((i) => i.done).map((i) => i.code),
      items.filter((i) => done.has(i.code)).map((i) => i.code),
    );
    // An award counts in "used by N councils" once its contract notice is ticked
    // (./published-awards): queue the awarded product so search's count follows.
    const outcome = await tx.projectOutcome.findUnique({
      where: { projectId },
      select: { kind: true, productVersion: { select: { productId: true } } },
    });
    if (outcome?.kind === "awarded" && outcome.productVersion) {
      await enqueueSearchUpdate(tx, [{ entityType: "product" as const, entityId: outcome.productVersion.productId }]);
    }
    // ... and its contracts join the public register (also for a notice ticked before that rule
    // existed: publishing is a no-op for a contract already public).
    if (outcome?.kind === "awarded" && items.some((i) => done.has(i.code) && isContractRegisterNotice(i.code)))
      await publishAwardContracts(tx, projectId, null, actor);
    return ok();
  });
  if (result.ok) await afterCommit();
  return result;
}

/**
 * Where a notice was published (its notice ID and https address on Find a Tender, Contracts
 * Finder, Public Contracts Scotland or Sell2Wales). A correction adds a row: earlier ones stay.
 * Recording it also ticks the notice as done.
 */
export async function recordNoticePublication(
  projectId: string,
  input: { lockVersion: number; code: string; noticeId: string; url: string },
  actor: Actor,
): Promise<Result<void>> {
  const result = await inTransaction(async (tx) => {
    const item = await tx.noticeChecklistItem.findUnique({
      where: { projectId_code: { projectId, code: input.code } },
      include: { publications: { orderBy: { recordedAt: "desc" }, take: 1 } },
    });
    if (!item) return notFoundFailure("That notice is not on this project's checklist.");
    await bumpLockVersion(tx, projectId, input.lockVersion);
    const at = now();
    await tx.noticePublication.create({
      data: { noticeItemId: item.id, noticeId: input.noticeId, url: input.url, recordedById: actor.id, recordedAt: at },
    });
    if (!item.done) await tx.noticeChecklistItem.updateMany({ where: { id: item.id, done: false }, data: { done: true, doneAt: at } });
    if (isContractRegisterNotice(item.code)) {
      const outcome = await tx.projectOutcome.findUnique({ where: { projectId }, select: { kind: true } });
      if (outcome?.kind === "awarded") await publishAwardContracts(tx, projectId, { id: input.noticeId, url: input.url }, actor);
    }
    const previous = item.publications[0];
    await audit(
      tx,
      actor,
      projectId,
      "notice-published",
      previous ? { code: item.code, noticeId: previous.noticeId, url: previous.url } : null,
      { code: item.code, noticeId: input.noticeId, url: input.url },
    );
    return ok();
  });
  if (result.ok) await afterCommit();
  return result;
}

// ───────────────────────────── case study ────────────────────────────────────

const FALLBACK_SERVICE_AREA = "it-infrastructure";

/** A draft case study for the council, filled in from an awarded project; the council finishes it on the case study pages. */
export async function createCaseStudyFromProject(
  projectId: string,
  actor: Actor & { name: string; email: string; councilId: string },
): Promise<Result<{ slug: string }>> {
  const project = await prisma.buyingProject.findUnique({
    where: { id: projectId },
    include: {
      council: { select: { name: true } },
      outcome: {
        include: {
          productVersion: {
            select: {
              name: true,
              productId: true,
              product: { select: { supplier: { select: { tradingName: true } } } },
              lots: {
                select: {
                  lot: {
                    select: { id: true, number: true, name: true, agreement: { select: { slug: true, shortName: true, number: true } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!project) return notFoundFailure("Project not found");
  const outcome = project.outcome;
  if (!outcome || outcome.kind !== "awarded" || !outcome.productVersion) {
    return invalidForm("Record the award before turning the project into a case study.");
  }
  const previous = await prisma.auditEvent.findFirst({
    where: { entityType: "project", entityId: projectId, action: "project.case-study-created" },
    orderBy: { createdAt: "desc" },
  });
  if (previous?.after) {
    const slug = (JSON.parse(previous.after) as { slug?: string }).slug;
    if (slug && (await prisma.caseStudy.findUnique({ where: { slug }, select: { id: true } }))) return ok({ slug });
  }
  const area =
    (await prisma.serviceArea.findUnique({ where: { slug: FALLBACK_SERVICE_AREA }, select: { id: true } })) ??
    (await prisma.serviceArea.findFirst({ orderBy: { sortOrder: "asc" }, select: { id: true } }));
  if (!area) return invalidForm("No service areas are set up, so a case study cannot be created yet.");

  const version = outcome.productVersion;
  const routeAgreement = agreementSlugOf(project.routeId);
  const lot = version.lots.map((l) => l.lot).find((l) => l.agreement.slug === routeAgreement) ?? version.lots[0]?.lot ?? null;
  const supplierName = version.product.supplier.tradingName;
  const how = lot ? `${lot.agreement.shortName} (${lot.agreement.number}) lot ${lot.number}, ${lot.name}` : "our own procurement";

  const created = await createCaseStudy(
    {
      intent: "save-draft",
      lockVersion: null,
      title: `${version.name} at ${project.council.name}`.slice(0, 200),
      serviceAreaId: area.id,
      summary: `${project.council.name} bought ${version.name} from ${supplierName}.`,
      problem: project.requirements,
      approach: `We bought it through ${how}. ${outcome.justification}`.trim(),
      metrics: [],
      outcomeNarrative: "",
      costExactPence: penceFromDbOrNull(outcome.valuePence),
      costBand: null,
      funding: "",
      startDate: outcome.startDate,
      endDate: outcome.endDate,
      productIds: [version.productId],
      unlisted: [],
      lotId: lot?.id ?? null,
      buyingRoute: caseStudyBuyingRoute(project.routeId),
      assets: [],
      lessons: "",
      contactName: actor.name,
      contactEmail: actor.email,
    },
    { id: actor.id, ip: actor.ip, councilId: project.councilId },
  );
  if (!created.ok) {
    return invalidForm(
      created.failure.kind === "invalid"
        ? (Object.values(created.failure.errors).flat()[0] ?? "The case study could not be created.")
        : "The case study could not be created.",
    );
  }
  await recordAudit({
    actorId: actor.id,
    action: "project.case-study-created",
    entityType: "project",
    entityId: projectId,
    after: { slug: created.value.slug },
    ip: actor.ip,
  });
  return ok({ slug: created.value.slug });
}

// ───────────────────────────── exports ───────────────────────────────────────

/** The awarded listing version and its supplier, as an OCDS release names them. */
const awardedVersionSelect = {
  id: true,
  name: true,
  versionNumber: true,
  productId: true,
  product: { select: { supplier: { select: { id: true, legalName: true, tradingName: true, companyNumber: true, computedSize: true } } } },
} as const;

/** Everything the OCDS release needs for an awarded project. */
export async function getProjectAward(projectId: string) {
  const project = await prisma.buyingProject.findUnique({
    where: { id: projectId },
    include: {
      council: { select: { code: true, name: true, officialName: true, nation: true } },
      outcome: {
        include: {
          productVersion: { select: awardedVersionSelect },
        },
      },
    },
  });
  if (!project) return null;
  const slug = agreementSlugOf(project.routeId);
  const agreement = slug
    ? await prisma.agreement.findUnique({ where: { slug }, select: { number: true, name: true, sourceUrl: true } })
    : null;
  return {
    project: { ...withPence(project, "estimatedValuePence"), outcome: project.outcome ? withPence(project.outcome, "valuePence") : null },
    agreement,
  };
}

/** Every outcome revision with the listing each awarded (for one OCDS release per revision), oldest first. */
export async function getOutcomeRevisions(projectId: string) {
  const rows = await prisma.outcomeRevision.findMany({ where: { projectId }, orderBy: { sequence: "asc" } });
  const versionIds = [...new Set(rows.map((r) => r.productVersionId).filter((id): id is string => Boolean(id)))];
  const versions = await prisma.productVersion.findMany({
    where: { id: { in: versionIds } },
    select: awardedVersionSelect,
  });
  return rows.map((r) => ({
    ...withPence(r, "valuePence"),
    productVersion: versions.find((v) => v.id === r.productVersionId) ?? null,
  }));
}

// ───────────────────────────── presenting ────────────────────────────────────

const ROUTE_KIND_LABELS: Record<string, string> = {
  "framework-direct-award": "Direct award",
  "framework-further-competition": "Further competition",
  "own-rules-under-30k": "Your council's contract procedure rules (under £30,000)",
  "notifiable-below-threshold": "Below-threshold procurement (notifiable below-threshold contract)",
  "open-procedure": "Open procedure",
  "competitive-flexible-procedure": "Competitive flexible procedure",
  "direct-award-schedule-5": "Direct award outside a framework (Schedule 5)",
  "scotland-below-regulated": "Your council's standing orders (Scotland, below the regulated procurement threshold)",
  "scotland-regulated-procurement": "Regulated procurement advertised on Public Contracts Scotland",
};

/** "Direct award from G-Cloud 15 (RM1557.15)" for a stored route id. */
export async function describeRoute(routeId: string): Promise<{ label: string; agreement: { number: string; name: string } | null }> {
  const kind = routeKindOf(routeId);
  const slug = agreementSlugOf(routeId);
  const agreement = slug ? await prisma.agreement.findUnique({ where: { slug }, select: { number: true, name: true } }) : null;
  const base = (kind && ROUTE_KIND_LABELS[kind]) ?? routeId;
  return { label: agreement ? `${base} from ${agreement.name} (${agreement.number})` : base, agreement };
}

export type TaskKey = "requirements" | "search" | "freeze" | "shortlist" | "evaluation" | "outcome" | "notices";
export type TaskState = "not-started" | "in-progress" | "completed" | "cannot-start" | "optional";

type TaskInputs = Pick<FullProject, "routeId" | "requirements" | "budgetApproved"> & {
  savedSearches: unknown[];
  frozenSearches: unknown[];
  criteria: { id: string; weight: number }[];
  shortlist: { scores: { criterionId: string }[] }[];
  notices: { done: boolean }[];
  outcome: unknown;
};

/** Each task's status on the task list, worked out from the record. */
export function projectTaskStates(project: TaskInputs): Record<TaskKey, TaskState> {
  const catalogueRoute = Boolean(agreementSlugOf(project.routeId));
  const optionalUnlessStarted = (started: boolean, done: boolean): TaskState =>
    done ? "completed" : started ? "in-progress" : catalogueRoute ? "not-started" : "optional";
  const criteriaTotal = project.criteria.reduce((s, c) => s + c.weight, 0);
  const allScored =
    project.criteria.length > 0 &&
    project.shortlist.length > 0 &&
    project.shortlist.every((e) => project.criteria.every((c) => e.scores.some((s) => s.criterionId === c.id)));
  const noticesDone = project.notices.filter((n) => n.done).length;
  return {
    requirements:
      project.requirements && project.budgetApproved
        ? "completed"
        : project.requirements || project.budgetApproved
          ? "in-progress"
          : "not-started",
    search: optionalUnlessStarted(false, project.savedSearches.length > 0),
    freeze:
      project.savedSearches.length === 0 && project.frozenSearches.length === 0
        ? "cannot-start"
        : optionalUnlessStarted(false, project.frozenSearches.length > 0),
    shortlist: project.frozenSearches.length === 0 ? "cannot-start" : optionalUnlessStarted(false, project.shortlist.length > 0),
    evaluation:
      project.shortlist.length === 0
        ? "cannot-start"
        : criteriaTotal === 100 && allScored
          ? "completed"
          : project.criteria.length
            ? "in-progress"
            : "not-started",
    outcome: project.outcome ? "completed" : "not-started",
    notices:
      project.notices.length === 0
        ? "optional"
        : noticesDone === project.notices.length
          ? "completed"
          : noticesDone > 0
            ? "in-progress"
            : "not-started",
  };
}
