// Import of published OCDS release packages (Contracts Finder, Find a Tender) into the register:
// releases are applied in batches, one transaction each; a batch that fails is applied again one
// release per transaction, so a fault leaves no half-applied release and every good one is
// applied. A release no newer than what a record was last written from changes nothing (idempotent).
import type { Readable } from "node:stream";
import { prisma, type PrismaClient, type Tx } from "~/utils/db.server";
import { readReleasePackage, OcdsPackageError } from "~/ocds/package-stream";
import { parseRelease, type ParsedRelease } from "~/ocds/release";
import { councilMatcher, supplierMatcher, type CouncilRef, type Match } from "~/ocds/match";
import {
  createContracts,
  writeContract,
  type ContractChange,
  type ContractFields,
  type NewContract,
  type StoredContract,
} from "./contract.server";
import {
  createPipelineEntries,
  writePipelineEntry,
  type NewPipelineEntry,
  type PipelineFields,
  type StoredPipelineEntry,
} from "./pipeline.server";

export interface ImportProblem {
  /** The release's index in the package's `releases` array (0-based), or null for the file as a whole. */
  position: number | null;
  releaseId: string | null;
  message: string;
}

export interface ImportSummary {
  releases: number;
  applied: number;
  contracts: Record<ContractChange | "older", number>;
  pipeline: Record<ContractChange | "older", number>;
  /** Buyers by name: matched to a council (code and how) or not (why). */
  buyers: Map<string, { code: string | null; reason: string; releases: number }>;
  suppliers: { matched: number; unmatched: number; unmatchedNames: Map<string, string> };
  problems: ImportProblem[];
  /** A fault that stopped the import (the file is not JSON, not OCDS, cut short). */
  fatal: ImportProblem | null;
}

export function emptySummary(): ImportSummary {
  return {
    releases: 0,
    applied: 0,
    contracts: { created: 0, updated: 0, unchanged: 0, older: 0 },
    pipeline: { created: 0, updated: 0, unchanged: 0, older: 0 },
    buyers: new Map(),
    suppliers: { matched: 0, unmatched: 0, unmatchedNames: new Map() },
    problems: [],
    fatal: null,
  };
}

async function loadMatchers(db: PrismaClient) {
  const [councils, suppliers, areas] = await Promise.all([
    db.council.findMany({ select: { id: true, code: true, name: true, officialName: true, gssCode: true } }),
    db.supplier.findMany({
      where: { verifiedAt: { not: null } },
      select: { id: true, legalName: true, tradingName: true, companyNumber: true },
    }),
    db.serviceArea.findMany({ select: { id: true, slug: true } }),
  ]);
  return { council: councilMatcher(councils), supplier: supplierMatcher(suppliers), areas: new Map(areas.map((a) => [a.slug, a.id])) };
}

type Matchers = Awaited<ReturnType<typeof loadMatchers>>;

// CPV divisions that say which service area a notice belongs to, where one clearly does.
const CPV_SERVICE_AREAS: [prefix: string, slug: string][] = [
  ["7952", "customer-services"],
  ["8531", "adult-social-care"],
  ["8532", "adult-social-care"],
  ["9051", "waste-and-recycling"],
  ["9050", "waste-and-recycling"],
  ["452331", "highways-and-transport"],
  ["6011", "highways-and-transport"],
  ["7131", "planning"],
  ["7941", "finance"],
  ["6600", "finance"],
  ["7963", "hr-and-payroll"],
  ["7221", "it-infrastructure"],
  ["7222", "it-infrastructure"],
  ["7231", "it-infrastructure"],
  ["7241", "it-infrastructure"],
  ["7251", "it-infrastructure"],
  ["3021", "it-infrastructure"],
  ["8000", "education-and-send"],
  ["7000", "housing"],
  ["853", "childrens-services"],
  ["851", "public-health"],
  ["9252", "libraries"],
];

export function serviceAreaForCpv(codes: string[]): string | null {
  for (const code of codes) for (const [prefix, slug] of CPV_SERVICE_AREAS) if (code.startsWith(prefix)) return slug;
  return null;
}

/** What one batch of releases changed: merged into the summary only once its transaction commits. */
interface Tally {
  contracts: Record<ContractChange | "older", number>;
  pipeline: Record<ContractChange | "older", number>;
  matched: number;
  unmatched: number;
  unmatchedNames: Map<string, string>;
}

function emptyTally(): Tally {
  return {
    contracts: { created: 0, updated: 0, unchanged: 0, older: 0 },
    pipeline: { created: 0, updated: 0, unchanged: 0, older: 0 },
    matched: 0,
    unmatched: 0,
    unmatchedNames: new Map(),
  };
}

function noteBuyer(summary: ImportSummary, release: ParsedRelease, match: Match<CouncilRef>) {
  const name = release.buyer?.name ?? "(no buyer)";
  const seen = summary.buyers.get(name);
  if (seen) seen.releases += 1;
  else
    summary.buyers.set(name, {
      code: match.matched?.code ?? null,
      reason: match.matched ? match.how : match.why,
      releases: 1,
    });
}

function mergeTally(summary: ImportSummary, tally: Tally) {
  for (const k of ["created", "updated", "unchanged", "older"] as const) {
    summary.contracts[k] += tally.contracts[k];
    summary.pipeline[k] += tally.pipeline[k];
  }
  summary.suppliers.matched += tally.matched;
  summary.suppliers.unmatched += tally.unmatched;
  for (const [name, why] of tally.unmatchedNames) summary.suppliers.unmatchedNames.set(name, why);
}

/** A release read from the package, waiting in the batch: parsed, or refused with why. */
type Pending = { index: number; release: ParsedRelease; councilMatch: Match<CouncilRef> } | { index: number; release: null; error: string };

/**
 * The register's records for the batch's source keys, read in one query per 500 keys instead of
 * one per award: their release dates, and the rows themselves, which writeContract and
 * writePipelineEntry compare with the release instead of reading each again. Kept up to date as
 * the batch writes (a written row is dropped, so a later release of it in the batch reads it
 * afresh), so a later release of the same ocid in the same batch sees the earlier one.
 */
async function storedReleaseDates(tx: Tx, batch: Pending[]) {
  const contractKeys: string[] = [];
  const pipelineKeys: string[] = [];
  for (const p of batch) {
    if (!p.release) continue;
    for (const award of p.release.awards) contractKeys.push(contractSourceKey(p.release, award.awardId));
    if (p.release.pipeline) pipelineKeys.push(`ocds:${p.release.ocid}`);
  }
  const contracts = new Map<string, Date | null>();
  const pipeline = new Map<string, Date | null>();
  const contractRows = new Map<string, StoredContract>();
  const pipelineRows = new Map<string, StoredPipelineEntry>();
  // Chunks of 500 keys: well inside SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < contractKeys.length; i += 500)
    for (const row of await tx.contract.findMany({
      where: { sourceKey: { in: contractKeys.slice(i, i + 500) } },
      include: { products: { select: { productId: true } } },
    })) {
      contracts.set(row.sourceKey, row.releaseDate);
      contractRows.set(row.sourceKey, row);
    }
  for (let i = 0; i < pipelineKeys.length; i += 500)
    for (const row of await tx.pipelineEntry.findMany({ where: { sourceKey: { in: pipelineKeys.slice(i, i + 500) } } })) {
      pipeline.set(row.sourceKey, row.releaseDate);
      pipelineRows.set(row.sourceKey, row);
    }
  return {
    contracts,
    pipeline,
    contractRows,
    pipelineRows,
    newContracts: new Map<string, NewContract>(),
    newPipeline: new Map<string, NewPipelineEntry>(),
  };
}

/**
 * What the batch knows of the register: release dates by source key, and the new contracts and
 * pipeline entries it has yet to write (created in bulk at the end of the batch, or before a
 * later release of the same award or ocid in the batch revises one of them).
 */
type BatchState = Awaited<ReturnType<typeof storedReleaseDates>>;

async function writeNewContracts(tx: Tx, state: BatchState) {
  const items = [...state.newContracts.values()];
  state.newContracts.clear();
  await createContracts(tx, items);
}

async function writeNewPipelineEntries(tx: Tx, state: BatchState) {
  const items = [...state.newPipeline.values()];
  state.newPipeline.clear();
  await createPipelineEntries(tx, items);
}

async function writeNew(tx: Tx, state: BatchState) {
  await writeNewContracts(tx, state);
  await writeNewPipelineEntries(tx, state);
}

const contractSourceKey = (release: ParsedRelease, awardId: string) => `ocds:${release.ocid}/${awardId}`;

async function applyRelease(
  tx: Tx,
  release: ParsedRelease,
  matchers: Matchers,
  councilMatch: Match<CouncilRef>,
  stored: BatchState,
  tally: Tally,
) {
  const council = councilMatch.matched;
  const buyerName = release.buyer?.name ?? "";
  const areaSlug = serviceAreaForCpv(release.cpvCodes);
  const serviceAreaId = areaSlug ? (matchers.areas.get(areaSlug) ?? null) : null;

  for (const award of release.awards) {
    const sourceKey = contractSourceKey(release, award.awardId);
    const storedDate = stored.contracts.get(sourceKey);
    if (storedDate && storedDate > release.date) {
      tally.contracts.older += 1;
      continue;
    }
    const matches = award.suppliers.map((s) => ({ party: s, match: matchers.supplier(s) }));
    for (const m of matches) {
      if (m.match.matched) tally.matched += 1;
      else {
        tally.unmatched += 1;
        tally.unmatchedNames.set(m.party.name, m.match.why);
      }
    }
    const first = matches[0];
    const supplierName = !first ? "" : matches.length === 1 ? first.party.name : `${first.party.name} and ${matches.length - 1} others`;
    const fields: ContractFields = {
      councilId: council?.id ?? null,
      buyerName,
      supplierId: matches.length === 1 ? (first.match.matched?.id ?? null) : null,
      supplierName,
      supplierCompanyNumber: matches.length === 1 ? first.party.companyNumber : null,
      title: award.title || "(untitled notice)",
      description: award.description.slice(0, 4000),
      agreementId: null,
      lotId: null,
      procedure: release.procedure,
      valuePence: award.valuePence,
      valueExVatPence: null,
      unitPricePence: null,
      priceUnit: null,
      startDate: award.startDate,
      endDate: award.endDate,
      extensions: [],
      cpvCodes: release.cpvCodes,
      serviceAreaId,
      category: null,
      notices: award.notices,
      ocid: release.ocid,
      releaseId: release.id,
      releaseDate: release.date,
      visibility: "public",
      status: "active",
      projectId: null,
      productIds: [],
    };
    const meta = { reason: `Release ${release.id} (${release.tags.join(", ")})`, actorId: null };
    if (!stored.contracts.has(sourceKey)) {
      // New to the register: written with the batch's other new contracts.
      stored.newContracts.set(sourceKey, { sourceKey, source: "ocds", fields, meta });
      tally.contracts.created += 1;
    } else {
      if (stored.newContracts.has(sourceKey)) await writeNewContracts(tx, stored);
      const known = stored.contractRows.get(sourceKey);
      stored.contractRows.delete(sourceKey);
      tally.contracts[(await writeContract(tx, sourceKey, "ocds", fields, meta, known)).change] += 1;
    }
    stored.contracts.set(sourceKey, release.date);
  }

  if (release.pipeline) {
    const sourceKey = `ocds:${release.ocid}`;
    const storedDate = stored.pipeline.get(sourceKey);
    if (storedDate && storedDate > release.date) tally.pipeline.older += 1;
    else {
      const p = release.pipeline;
      const fields: PipelineFields = {
        councilId: council?.id ?? null,
        buyerName,
        stage: p.stage,
        title: p.title || "(untitled notice)",
        description: p.description.slice(0, 4000),
        serviceAreaId,
        cpvCodes: release.cpvCodes,
        estimatedValuePence: p.estimatedValuePence,
        expectedDate: p.expectedDate,
        routeConsidered: p.routeConsidered,
        noticeUrl: p.noticeUrl,
        ocid: release.ocid,
        releaseId: release.id,
        releaseDate: release.date,
        projectId: null,
      };
      if (!stored.pipeline.has(sourceKey)) {
        // New: written with the batch's other new entries.
        stored.newPipeline.set(sourceKey, { sourceKey, source: "ocds", fields, meta: { actorId: null } });
        tally.pipeline.created += 1;
      } else {
        if (stored.newPipeline.has(sourceKey)) await writeNewPipelineEntries(tx, stored);
        const known = stored.pipelineRows.get(sourceKey);
        stored.pipelineRows.delete(sourceKey);
        tally.pipeline[(await writePipelineEntry(tx, sourceKey, "ocds", fields, { actorId: null }, known)).change] += 1;
      }
      stored.pipeline.set(sourceKey, release.date);
    }
  }
}

/** Releases per transaction: one commit (and one disk flush) per batch rather than per release. */
export const IMPORT_BATCH_SIZE = 250;
// A batch of 250 takes well under a second; the app's 30 s limit is for requests, not imports.
const BATCH_TRANSACTION = { maxWait: 60_000, timeout: 300_000 };

/**
 * Applies a batch of releases in one transaction. If it fails (a fault in any release), nothing
 * of it stays, and each release is applied again in its own transaction: every good release is
 * applied whole, the faulty one is reported and none is applied in part.
 */
async function applyBatch(db: PrismaClient, batch: Pending[], matchers: Matchers, summary: ImportSummary) {
  const good = batch.filter((p): p is Extract<Pending, { release: ParsedRelease }> => p.release !== null);
  const commitGood = (tally: Tally, releases: typeof good) => {
    mergeTally(summary, tally);
    for (const p of releases) noteBuyer(summary, p.release, p.councilMatch);
    summary.applied += releases.length;
  };
  let whole = good.length > 0;
  if (whole) {
    const tally = emptyTally();
    try {
      await db.$transaction(async (tx) => {
        const stored = await storedReleaseDates(tx, good);
        for (const p of good) await applyRelease(tx, p.release, matchers, p.councilMatch, stored, tally);
        await writeNew(tx, stored);
      }, BATCH_TRANSACTION);
      commitGood(tally, good);
    } catch {
      whole = false;
    }
  }
  for (const p of batch) {
    if (!p.release) {
      summary.problems.push({ position: p.index, releaseId: null, message: p.error });
      continue;
    }
    if (whole) continue;
    // One transaction per release: its contracts and pipeline entry commit together or not at all.
    const tally = emptyTally();
    try {
      await db.$transaction(async (tx) => {
        const stored = await storedReleaseDates(tx, [p]);
        await applyRelease(tx, p.release, matchers, p.councilMatch, stored, tally);
        await writeNew(tx, stored);
      });
      commitGood(tally, [p]);
    } catch (error) {
      summary.problems.push({
        position: p.index,
        releaseId: p.release.id,
        message: `not applied: ${(error as Error).message.slice(0, 300)}`,
      });
    }
  }
}

export interface ImportOptions {
  /** Called after each batch of releases with how many have been read so far. */
  onProgress?: (releasesRead: number) => void;
  /** Called once the package's size is known (its releases have all been read). */
  onPackage?: (releaseCount: number) => void;
  /** The database to write to (the seed passes its own client); the app's by default. */
  db?: PrismaClient;
  /** Releases per transaction (IMPORT_BATCH_SIZE by default). */
  batchSize?: number;
}

/** Reads one release package from `input` and merges it into the register; never throws for bad input. */
export async function importReleasePackage(input: Readable, options: ImportOptions = {}, summary = emptySummary()): Promise<ImportSummary> {
  const db = options.db ?? prisma;
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const matchers = await loadMatchers(db);
  let batch: Pending[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const releases = batch;
    batch = [];
    await applyBatch(db, releases, matchers, summary);
    options.onProgress?.(summary.releases);
  };
  try {
    for await (const event of readReleasePackage(input)) {
      if (event.kind === "package") {
        await flush();
        if (event.version && !/^1\.[01]$/.test(event.version))
          summary.problems.push({
            position: null,
            releaseId: null,
            message: `the package says OCDS version ${event.version}; read as 1.1`,
          });
        options.onPackage?.(event.releaseCount);
        continue;
      }
      summary.releases += 1;
      const parsed = parseRelease(event.value);
      if (parsed.ok) batch.push({ index: event.index, release: parsed.release, councilMatch: matchers.council(parsed.release.buyer) });
      else batch.push({ index: event.index, release: null, error: parsed.error });
      if (batch.length >= batchSize) await flush();
    }
  } catch (error) {
    if (!(error instanceof OcdsPackageError)) throw error;
    // The releases read in full before the fault are applied; the one it cut is not.
    await flush();
    summary.fatal = { position: error.releasesRead, releaseId: null, message: error.message };
  }
  return summary;
}
