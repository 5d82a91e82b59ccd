// Import of published OCDS release packages (Contracts Finder, Find a Tender) into the register:
// each release is applied in its own transaction, so a fault leaves no half-applied release; a
// release no newer than what a record was last written from changes nothing (idempotent).
import type { Readable } from "node:stream";
import { prisma, type PrismaClient, type Tx } from "~/utils/db.server";
import { readReleasePackage, OcdsPackageError } from "~/ocds/package-stream";
import { parseRelease, type ParsedRelease } from "~/ocds/release";
import { councilMatcher, supplierMatcher, type CouncilRef, type Match } from "~/ocds/match";
import { writeContract, type ContractChange } from "./contract.server";
import { pipelineReleaseDate, writePipelineEntry } from "./pipeline.server";

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

async function applyRelease(tx: Tx, release: ParsedRelease, matchers: Matchers, summary: ImportSummary, councilMatch: Match<CouncilRef>) {
  const council = councilMatch.matched;
  const buyerName = release.buyer?.name ?? "";
  const areaSlug = serviceAreaForCpv(release.cpvCodes);
  const serviceAreaId = areaSlug ? (matchers.areas.get(areaSlug) ?? null) : null;
  const counts = { contracts: { ...summary.contracts }, pipeline: { ...summary.pipeline }, matched: 0, unmatched: 0 };
  const unmatchedNames = new Map<string, string>();

  for (const award of release.awards) {
    const sourceKey = `ocds:${release.ocid}/${award.awardId}`;
    const stored = await tx.contract.findUnique({ where: { sourceKey }, select: { releaseDate: true, releaseId: true } });
    if (stored?.releaseDate && stored.releaseDate > release.date) {
      counts.contracts.older += 1;
      continue;
    }
    const matches = award.suppliers.map((s) => ({ party: s, match: matchers.supplier(s) }));
    for (const m of matches) {
      if (m.match.matched) counts.matched += 1;
      else {
        counts.unmatched += 1;
        unmatchedNames.set(m.party.name, m.match.why);
      }
    }
    const first = matches[0];
    const supplierName = !first ? "" : matches.length === 1 ? first.party.name : `${first.party.name} and ${matches.length - 1} others`;
    const written = await writeContract(
      tx,
      sourceKey,
      "ocds",
      {
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
      },
      { reason: `Release ${release.id} (${release.tags.join(", ")})`, actorId: null },
    );
    counts.contracts[written.change] += 1;
  }

  if (release.pipeline) {
    const sourceKey = `ocds:${release.ocid}`;
    const storedDate = await pipelineReleaseDate(tx, sourceKey);
    if (storedDate && storedDate > release.date) counts.pipeline.older += 1;
    else {
      const p = release.pipeline;
      const written = await writePipelineEntry(
        tx,
        sourceKey,
        "ocds",
        {
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
        },
        { actorId: null },
      );
      counts.pipeline[written.change] += 1;
    }
  }
  return { counts, unmatchedNames };
}

export interface ImportOptions {
  /** Called after each release with how many have been read so far. */
  onProgress?: (releasesRead: number) => void;
  /** Called once the package's size is known (its releases have all been read). */
  onPackage?: (releaseCount: number) => void;
  /** The database to write to (the seed passes its own client); the app's by default. */
  db?: PrismaClient;
}

/** Reads one release package from `input` and merges it into the register; never throws for bad input. */
export async function importReleasePackage(input: Readable, options: ImportOptions = {}, summary = emptySummary()): Promise<ImportSummary> {
  const db = options.db ?? prisma;
  const matchers = await loadMatchers(db);
  try {
    for await (const event of readReleasePackage(input)) {
      if (event.kind === "package") {
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
      if (!parsed.ok) {
        summary.problems.push({ position: event.index, releaseId: null, message: parsed.error });
        options.onProgress?.(summary.releases);
        continue;
      }
      const release = parsed.release;
      const councilMatch = matchers.council(release.buyer);
      try {
        // One transaction per release: its contracts and pipeline entry commit together or not at all.
        const { counts, unmatchedNames } = await db.$transaction((tx) => applyRelease(tx, release, matchers, summary, councilMatch));
        summary.contracts = counts.contracts;
        summary.pipeline = counts.pipeline;
        summary.suppliers.matched += counts.matched;
        summary.suppliers.unmatched += counts.unmatched;
        for (const [name, why] of unmatchedNames) summary.suppliers.unmatchedNames.set(name, why);
        noteBuyer(summary, release, councilMatch);
        summary.applied += 1;
      } catch (error) {
        summary.problems.push({
          position: event.index,
          releaseId: release.id,
          message: `not applied: ${(error as Error).message.slice(0, 300)}`,
        });
      }
      options.onProgress?.(summary.releases);
    }
  } catch (error) {
    if (!(error instanceof OcdsPackageError)) throw error;
    summary.fatal = { position: error.releasesRead, releaseId: null, message: error.message };
  }
  return summary;
}
