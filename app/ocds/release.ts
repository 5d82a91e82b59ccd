// Pure reading of one OCDS 1.1 release as Contracts Finder and Find a Tender publish it, into
// the few shapes the register stores: awarded contracts, pipeline entries (planning, UK1) and
// open opportunities (tender). No database, no clock: the importer decides what to write.

export interface OcdsParty {
  name: string;
  /** "SCHEME-ID" for the party's main and additional identifiers, e.g. "GB-COH-01234567". */
  identifiers: string[];
  companyNumber: string | null;
  postalCode: string | null;
}

export interface ParsedAward {
  awardId: string;
  title: string;
  description: string;
  /** Integer pence as published (Contracts Finder does not say whether VAT is included). */
  valuePence: number | null;
  startDate: Date | null;
  endDate: Date | null;
  suppliers: OcdsParty[];
  notices: { id: string; url: string }[];
}

export interface ParsedPipeline {
  stage: "planned" | "open" | "closed";
  title: string;
  description: string;
  estimatedValuePence: number | null;
  /** Planned: the first milestone's due date (or contract start); open: the tender closing date. */
  expectedDate: Date | null;
  routeConsidered: string;
  noticeUrl: string | null;
}

export interface ParsedRelease {
  ocid: string;
  id: string;
  date: Date;
  tags: string[];
  buyer: OcdsParty | null;
  cpvCodes: string[];
  procedure: string;
  awards: ParsedAward[];
  pipeline: ParsedPipeline | null;
}

export type ReleaseParse = { ok: true; release: ParsedRelease } | { ok: false; error: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Json => (isObject(v) ? v : {});

/** OCDS amounts are in pounds, sometimes with pence (178045.63): to whole pence, or null. */
export function amountToPence(value: unknown): number | null {
  const amount = obj(value).amount;
  const currency = str(obj(value).currency) || "GBP";
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0 || currency !== "GBP") return null;
  const pence = Math.round(amount * 100);
  return Number.isSafeInteger(pence) ? pence : null;
}

export function ocdsDate(value: unknown): Date | null {
  const text = str(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const ID_SCHEME_COMPANIES_HOUSE = "GB-COH";

/** Companies House numbers are 8 characters: short numeric ones are zero-padded ("1234567" → "01234567"). */
export function normaliseCompanyNumber(raw: string): string | null {
  const value = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z0-9]{1,8}$/.test(value)) return null;
  return /^\d+$/.test(value) ? value.padStart(8, "0") : value;
}

function readParty(raw: Json): OcdsParty {
  const ids = [obj(raw.identifier), ...arr(raw.additionalIdentifiers).map(obj)];
  const identifiers = ids.map((i) => (str(i.scheme) && str(i.id) ? `${str(i.scheme)}-${str(i.id)}` : "")).filter(Boolean);
  const coh = ids.find((i) => str(i.scheme) === ID_SCHEME_COMPANIES_HOUSE);
  return {
    name: str(raw.name) || str(obj(raw.identifier).legalName),
    identifiers,
    companyNumber: coh ? normaliseCompanyNumber(str(coh.id)) : null,
    postalCode: str(obj(raw.address).postalCode) || null,
  };
}

/** Parties by id, so a `{id, name}` reference (buyer, award supplier) gets the full party. */
function partyIndex(release: Json): Map<string, Json> {
  const index = new Map<string, Json>();
  for (const p of arr(release.parties).map(obj)) if (str(p.id)) index.set(str(p.id), p);
  return index;
}

function resolve(ref: unknown, parties: Map<string, Json>): OcdsParty | null {
  const r = obj(ref);
  const full = parties.get(str(r.id));
  const party = readParty({ ...r, ...(full ?? {}) });
  // A reference's own id is a party id ("GB-COH-01234567"), which is an identifier too.
  if (!full && str(r.id).startsWith(`${ID_SCHEME_COMPANIES_HOUSE}-`) && !party.companyNumber)
    party.companyNumber = normaliseCompanyNumber(str(r.id).slice(ID_SCHEME_COMPANIES_HOUSE.length + 1));
  return party.name ? party : null;
}

function cpvCodes(tender: Json): string[] {
  const all = [obj(tender.classification), ...arr(tender.additionalClassifications).map(obj)];
  for (const item of arr(tender.items).map(obj)) all.push(obj(item.classification), ...arr(item.additionalClassifications).map(obj));
  const codes = all.filter((c) => str(c.scheme).toUpperCase() === "CPV" && /^\d{8}$/.test(str(c.id))).map((c) => str(c.id));
  return [...new Set(codes)];
}

function noticeDocuments(docs: unknown): { id: string; url: string }[] {
  return arr(docs)
    .map(obj)
    .filter((d) => /^https?:\/\//.test(str(d.url)))
    .map((d) => ({ id: str(d.documentType) || str(d.id), url: str(d.url) }));
}

const PIPELINE_TAGS = new Set(["planning", "planningUpdate"]);
const TENDER_TAGS = new Set(["tender", "tenderAmendment", "tenderUpdate"]);
const AWARD_TAGS = new Set(["award", "awardUpdate", "contract", "contractUpdate"]);

/** One release, checked for what the register needs; `error` says what is missing. */
export function parseRelease(raw: unknown): ReleaseParse {
  if (!isObject(raw)) return { ok: false, error: "the release is not a JSON object" };
  const ocid = str(raw.ocid);
  if (!ocid) return { ok: false, error: "the release has no ocid" };
  const id = str(raw.id);
  if (!id) return { ok: false, error: `release of ${ocid} has no id` };
  const date = ocdsDate(raw.date);
  if (!date) return { ok: false, error: `release ${id} has no valid date` };
  const tags = arr(raw.tag).map(str).filter(Boolean);
  if (!tags.length) return { ok: false, error: `release ${id} has no tag` };

  const parties = partyIndex(raw);
  const tender = obj(raw.tender);
  const buyerRef = isObject(raw.buyer) ? raw.buyer : [...parties.values()].find((p) => arr(p.roles).map(str).includes("buyer"));
  const buyer = buyerRef ? resolve(buyerRef, parties) : null;
  const procedure = str(tender.procurementMethodDetails) || str(tender.procurementMethod);
  const title = str(tender.title) || str(raw.title);
  const description = str(tender.description);

  const awards: ParsedAward[] = [];
  if (tags.some((t) => AWARD_TAGS.has(t))) {
    for (const a of arr(raw.awards).map(obj)) {
      if (str(a.status) && !["active", "pending"].includes(str(a.status))) continue;
      const period = isObject(a.contractPeriod) ? a.contractPeriod : obj(tender.contractPeriod);
      awards.push({
        awardId: str(a.id) || `${ocid}-award`,
        title: str(a.title) || title,
        description: str(a.description) || description,
        valuePence: amountToPence(a.value) ?? null,
        startDate: ocdsDate(period.startDate),
        endDate: ocdsDate(period.endDate),
        suppliers: arr(a.suppliers)
          .map((s) => resolve(s, parties))
          .filter((s): s is OcdsParty => s !== null),
        notices: noticeDocuments(a.documents),
      });
    }
  }

  let pipeline: ParsedPipeline | null = null;
  const isPlanning = tags.some((t) => PIPELINE_TAGS.has(t)) || str(tender.status) === "planned" || str(tender.status) === "planning";
  const isTender = tags.some((t) => TENDER_TAGS.has(t));
  if (isPlanning || isTender) {
    const planning = obj(raw.planning);
    const milestone = arr(planning.milestones)
      .map(obj)
      .map((m) => ocdsDate(m.dueDate))
      .find((d): d is Date => d !== null);
    const closing = ocdsDate(obj(tender.tenderPeriod).endDate);
    const start = ocdsDate(obj(tender.contractPeriod).startDate);
    pipeline = {
      stage: isTender && !isPlanning ? (str(tender.status) === "active" || !str(tender.status) ? "open" : "closed") : "planned",
      title,
      description,
      estimatedValuePence: amountToPence(tender.value) ?? amountToPence(obj(planning.budget).amount),
      expectedDate: isTender && !isPlanning ? (closing ?? start) : (milestone ?? start),
      routeConsidered: procedure,
      noticeUrl: [...noticeDocuments(tender.documents), ...noticeDocuments(planning.documents)][0]?.url ?? null,
    };
  }

  return { ok: true, release: { ocid, id, date, tags, buyer, cpvCodes: cpvCodes(tender), procedure, awards, pipeline } };
}
