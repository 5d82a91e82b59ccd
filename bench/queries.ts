// A fixed, realistic mix of search queries (one word, two words, typos, prefixes) with
// 0–3 filters, generated deterministically so every run measures the same work.
import { createRng } from "../seed/random";

const ONE_WORD = [
  "revenues",
  "housing",
  "planning",
  "waste",
  "recycling",
  "crm",
  "portal",
  "hosting",
  "payments",
  "libraries",
  "gis",
  "mapping",
  "benefits",
  "social",
  "care",
  "edrms",
  "analytics",
  "payroll",
  "cyber",
  "licensing",
];
const TWO_WORDS = [
  "revenues benefits",
  "housing management",
  "waste collection",
  "planning applications",
  "citizen portal",
  "my account",
  "adult social",
  "document management",
  "cloud hosting",
  "committee management",
  "council tax",
  "case management",
  "data platform",
  "contact centre",
  "managed service",
];
const TYPOS = ["revnues", "hosuing", "planing", "recyling", "libraires", "paymnets", "managment", "analytcs", "bennefits", "licencing"];
const PREFIXES = ["revenu", "hous", "plann", "wast", "citiz", "docum", "host", "paym"];
const SIZES = ["micro", "small", "medium", "large"];
const LOCATIONS = ["UK", "EEA"];
const ACCREDITATIONS = ["cyber-essentials", "cyber-essentials-plus", "iso-27001"];
const PRICE_BANDS = ["under-100", "100-1000", "1000-10000"];

export interface BenchQuery {
  q: string;
  filters: Record<string, string[]>;
}

export function queryMix(count = 1000, seed = 42): BenchQuery[] {
  const rng = createRng(seed);
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    const q = rng.pick(kind === 0 ? ONE_WORD : kind === 1 ? TWO_WORDS : kind === 2 ? TYPOS : PREFIXES);
    const filters: Record<string, string[]> = {};
    const n = rng.int(0, 3);
    const facets = rng.shuffle(["supplierSize", "dataLocation", "accreditations", "priceBand"]).slice(0, n);
    for (const f of facets) {
      if (f === "supplierSize") filters[f] = rng.sample(SIZES, rng.int(1, 2));
      if (f === "dataLocation") filters[f] = [rng.pick(LOCATIONS)];
      if (f === "accreditations") filters[f] = [rng.pick(ACCREDITATIONS)];
      if (f === "priceBand") filters[f] = rng.sample(PRICE_BANDS, rng.int(1, 2));
    }
    out.push({ q, filters });
  }
  return out;
}

export function toQueryString(query: BenchQuery, type = "products"): string {
  const sp = new URLSearchParams({ q: query.q, type });
  for (const [k, values] of Object.entries(query.filters)) for (const v of values) sp.append(k, v);
  return sp.toString();
}
