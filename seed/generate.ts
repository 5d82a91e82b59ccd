// Pure, deterministic generators for the seed: no database, no I/O, no clock.
// Given counts and the reference data (councils, frameworks), they return plain rows
// with explicit ids, ready for Prisma `createMany`, consistent with each other and
// with prisma/schema.prisma. The same inputs always give the same rows.
//
// Ids: sup_00001, acc_000001, awd_000001, prd_000001 (its one version is prv_000001),
// cs_00001, csm_000001, csp_000001, css_000001, ra_000001; reference data uses
// readable ids (cncl_BNH, sa_housing, agr_rm1557-15, lot_rm1557-15_2a).
import { computeSupplierSize, SIZE_RULE, type SupplierSize } from "../app/models/supplier-size";
import { costBandForPence } from "../app/utils/labels";
import { createRng, type Rng } from "./random";
import { predecessorsOf } from "./reference/frameworks";
import { serviceDefinitionFor, serviceKindOf, type ServiceDefinitionRow } from "./service-definition";
import { DEMO_ACCOUNTS, DEMO_COUNCIL_DOMAINS } from "./demo-accounts";
import { SERVICE_AREA_SLUGS, serviceAreaId, serviceAreas, type ServiceAreaSlug } from "./service-areas";
import {
  FAMILIES,
  FAMILY_BY_KEY,
  BRAND_ENDINGS,
  BRAND_STEMS,
  PRODUCT_BRANDS,
  PRODUCT_EDITIONS,
  type BuyingCategory,
  type FamilyKey,
  type ProductFamily,
} from "./content/products";
import {
  DRAMA_PHONE_PREFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  NAME_NOUNS,
  NAME_PREFIXES,
  PLACE_NAME_REGIONS,
  NAME_QUALIFIERS,
  REGION_TOWNS,
  REGION_WEIGHTS,
  type UkRegion,
} from "./content/names";
import {
  COUNCIL_TYPES_BY_SERVICE_AREA,
  GENERIC_FUNDING,
  GENERIC_LESSONS,
  MY_ACCOUNT_THEME,
  SUPPLIER_RESPONSES,
  THEMES,
  THEME_BY_KEY,
  type MetricTemplate,
  type Theme,
} from "./content/themes";

/** The date the seed treats as "today": certificates, awards and case studies are placed around it. */
export const SEED_TODAY = new Date("2026-11-23T00:00:00Z");
export const DEFAULT_SEED = 20261123;

// ───────────────────────────── supplier size rule ────────────────────────────
//
// computedSize uses the app's rule (app/models/supplier-size.ts), the SME definition
// CCS/GCA applies: micro <10 staff and turnover ≤ £2m; small <50 and ≤ £10m;
// medium <250 and ≤ £44m (≈ €50m); otherwise large. Both tests must hold for a band.
export { computeSupplierSize, SIZE_RULE, type SupplierSize };

// ───────────────────────────── input and row types ───────────────────────────

export type CouncilInput = {
  code: string;
  officialName: string;
  name: string;
  gssCode: string | null;
  nation: string;
  region: string;
  type: string;
  typeName: string;
  population: number | null;
  govUkSlug: string | null;
};

/** The shape of seed/reference/frameworks.ts `agreements`, as far as the generators need it. */
export type AgreementInput = {
  number: string;
  slug: string;
  name: string;
  shortName: string;
  description: string;
  regulation: string;
  type: string;
  startDate: string | null;
  endDate: string | null;
  verified: boolean;
  sourceUrl: string;
  notes: string;
  lots: {
    number: string;
    name: string;
    description: string;
    categories: readonly string[];
    securityAboveOfficial: boolean;
    startDate?: string | null;
    endDate?: string | null;
    verified: boolean;
    routes: {
      method: string;
      minValuePence: number | null;
      maxValuePence: number | null;
      maxContractMonths: number | null;
      verified: boolean;
      sourceUrl?: string;
    }[];
  }[];
};

export type CouncilRow = CouncilInput & { id: string };
export type ServiceAreaRow = { id: string; slug: string; name: string; sortOrder: number };
export type AgreementRow = {
  id: string;
  number: string;
  slug: string;
  name: string;
  shortName: string;
  description: string;
  regulation: string;
  type: string;
  startDate: Date | null;
  endDate: Date | null;
  verified: boolean;
  sourceUrl: string;
  notes: string;
};
export type LotRow = {
  id: string;
  agreementId: string;
  number: string;
  name: string;
  description: string;
  categories: string;
  securityAboveOfficial: boolean;
  startDate: Date | null;
  endDate: Date | null;
  verified: boolean;
};
export type LotRouteRow = {
  id: string;
  lotId: string;
  method: string;
  /** Integer pence including VAT. */
  minValuePence: number | null;
  maxValuePence: number | null;
  maxContractMonths: number | null;
  verified: boolean;
  sourceUrl: string | null;
};
export type SupplierRow = {
  id: string;
  slug: string;
  legalName: string;
  tradingName: string;
  companyNumber: string;
  staffCount: number;
  /** Integer pence a year. */
  turnoverPence: number;
  declaredSize: SupplierSize;
  computedSize: SupplierSize;
  region: string;
  description: string;
  website: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  /** Every seeded organisation has been verified by an admin (issue 12 finding 10). */
  verifiedAt: Date;
  createdAt: Date;
  updatedAt: Date;
};
export type AccreditationKind = "cyber-essentials" | "cyber-essentials-plus" | "iso-27001" | "iso-9001";
export type AccreditationRow = {
  id: string;
  supplierId: string;
  kind: AccreditationKind;
  certificateNumber: string;
  expiresAt: Date;
  createdAt: Date;
};
export type LotAwardRow = {
  id: string;
  supplierId: string;
  lotId: string;
  awardedAt: Date;
  reference: string;
  verified: boolean;
  verifiedAt: Date | null;
  createdAt: Date;
};
export type ProductStatus = "draft" | "submitted" | "published" | "withdrawn";
/** ProductVersion.status; a withdrawn product keeps its version "published", as withdrawListing does. */
export type VersionStatus = "draft" | "submitted" | "published";
export type ProductRow = {
  id: string;
  supplierId: string;
  status: ProductStatus;
  publishedVersionId: string | null;
  createdAt: Date;
  updatedAt: Date;
};
export type ProductVersionRow = {
  id: string;
  productId: string;
  versionNumber: number;
  status: VersionStatus;
  name: string;
  summary: string;
  description: string;
  features: string;
  benefits: string;
  category: string;
  /** Integer pence. */
  priceFromPence: number;
  priceUnit: string;
  vatIncluded: boolean;
  freeTrial: boolean;
  pricingDocumentUrl: string | null;
  dataLocation: "UK" | "EEA" | "other";
  security: string;
  accessibilityStatementUrl: string | null;
  standards: string;
  integrations: string;
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
} & ServiceDefinitionRow;
export type ProductVersionLotRow = { versionId: string; lotId: string };
export type CaseStudyStatus = "draft" | "submitted" | "published";
export type CostBand = "under-30k" | "30k-100k" | "100k-250k" | "250k-1m" | "over-1m";
export type CaseStudyRow = {
  id: string;
  slug: string;
  title: string;
  councilId: string;
  serviceAreaId: string;
  status: CaseStudyStatus;
  summary: string;
  problem: string;
  approach: string;
  outcomeNarrative: string;
  /** Integer pence. */
  costExactPence: number | null;
  costBand: CostBand;
  funding: string;
  startDate: Date;
  endDate: Date | null;
  lessons: string;
  contactName: string;
  contactEmail: string;
  lotId: string | null;
  buyingRoute: string;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
export type CaseStudyMetricRow = {
  id: string;
  caseStudyId: string;
  name: string;
  before: number;
  after: number;
  unit: string;
  higherIsBetter: boolean;
  position: number;
};
export type CaseStudyProductRow = {
  id: string;
  caseStudyId: string;
  productId: string | null;
  unlistedName: string | null;
  unlistedSupplierName: string | null;
};
export type CaseStudySupplierRow = {
  id: string;
  caseStudyId: string;
  supplierId: string;
  response: string | null;
  respondedAt: Date | null;
};
export type ReusableAssetRow = {
  id: string;
  caseStudyId: string;
  title: string;
  type: "code" | "pattern" | "service-design" | "other";
  url: string;
  licence: "MIT" | "OGL v3.0" | "Apache-2.0" | "CC BY 4.0";
  description: string;
};

export type ReferenceRows = {
  councils: CouncilRow[];
  serviceAreas: ServiceAreaRow[];
  agreements: AgreementRow[];
  lots: LotRow[];
  lotRoutes: LotRouteRow[];
};

export type GeneratedRows = {
  suppliers: SupplierRow[];
  accreditations: AccreditationRow[];
  lotAwards: LotAwardRow[];
  products: ProductRow[];
  productVersions: ProductVersionRow[];
  productVersionLots: ProductVersionLotRow[];
  caseStudies: CaseStudyRow[];
  caseStudyMetrics: CaseStudyMetricRow[];
  caseStudyProducts: CaseStudyProductRow[];
  caseStudySuppliers: CaseStudySupplierRow[];
  reusableAssets: ReusableAssetRow[];
};

export type GenerateOptions = { suppliers: number; products: number; caseStudies: number; seed?: number };

// ───────────────────────────── small helpers ─────────────────────────────────

const DAY_MS = 86_400_000;
const EARLIEST_CASE_STUDY = new Date("2019-01-01T00:00:00Z");
/** Procurement Act 2023 threshold for sub-central authorities' goods and services (including VAT), in pence. */
const SUB_CENTRAL_THRESHOLD_PENCE = 21_490_400;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const maxDate = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
const addMonths = (d: Date, months: number) => {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
};
/** A working-hours time on a random day in [from, to]. */
function dateBetween(rng: Rng, from: Date, to: Date): Date {
  const days = Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  return addMinutes(addDays(day, rng.int(0, days)), rng.int(8 * 60, 17 * 60 + 30));
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, key: string) => (key in vars ? vars[key] : m));
const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const withArticle = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);
const joinList = (items: string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** Thousands separators without relying on the host's ICU data. */
function formatNumber(value: number, decimals = 0): string {
  const fixed = value.toFixed(decimals);
  const [whole, frac] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}

function emailLocalPart(first: string, last: string): string {
  return `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
}

function councilWebSlug(council: CouncilInput): string {
  return council.govUkSlug || slugify(council.name);
}

/** E-mail domain for a council's staff: the demo councils' real domains, otherwise <gov-uk-slug>.gov.uk. */
function councilEmailDomain(council: CouncilInput): string {
  return DEMO_COUNCIL_DOMAINS.find((d) => d.councilCode === council.code)?.domain ?? `${councilWebSlug(council)}.gov.uk`;
}

/** The app's cost bands (app/models/case-study.schema.ts), so seeded bands match what the form would store. */
export function costBandFor(costPence: number): CostBand {
  return costBandForPence(costPence);
}

// ───────────────────────────── reference rows ────────────────────────────────

export const councilId = (code: string) => `cncl_${code}`;
export const agreementId = (slug: string) => `agr_${slug}`;
export const lotId = (agreementSlug: string, lotNumber: string) => `lot_${agreementSlug}_${slugify(lotNumber)}`;

const toDate = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export function buildReferenceRows(agreements: readonly AgreementInput[], councils: readonly CouncilInput[]): ReferenceRows {
  const agreementRows: AgreementRow[] = [];
  const lotRows: LotRow[] = [];
  const routeRows: LotRouteRow[] = [];
  for (const a of agreements) {
    const aId = agreementId(a.slug);
    agreementRows.push({
      id: aId,
      number: a.number,
      slug: a.slug,
      name: a.name,
      shortName: a.shortName,
      description: a.description,
      regulation: a.regulation,
      type: a.type,
      startDate: toDate(a.startDate),
      endDate: toDate(a.endDate),
      verified: a.verified,
      sourceUrl: a.sourceUrl,
      notes: a.notes,
    });
    for (const lot of a.lots) {
      const lId = lotId(a.slug, lot.number);
      lotRows.push({
        id: lId,
        agreementId: aId,
        number: lot.number,
        name: lot.name,
        description: lot.description,
        categories: JSON.stringify(lot.categories),
        securityAboveOfficial: lot.securityAboveOfficial,
        startDate: toDate(lot.startDate),
        endDate: toDate(lot.endDate),
        verified: lot.verified,
      });
      lot.routes.forEach((r, i) => {
        routeRows.push({
          id: `lrt_${a.slug}_${slugify(lot.number)}_${i + 1}`,
          lotId: lId,
          method: r.method,
          minValuePence: r.minValuePence,
          maxValuePence: r.maxValuePence,
          maxContractMonths: r.maxContractMonths,
          verified: r.verified,
          sourceUrl: r.sourceUrl ?? a.sourceUrl,
        });
      });
    }
  }
  return {
    councils: councils.map((c) => ({ ...c, id: councilId(c.code) })),
    serviceAreas: serviceAreas.map((s) => ({ id: serviceAreaId(s.slug), slug: s.slug, name: s.name, sortOrder: s.sortOrder })),
    agreements: agreementRows,
    lots: lotRows,
    lotRoutes: routeRows,
  };
}

// A lot with its agreement and effective dates, for the generators.
type LotInfo = {
  id: string;
  number: string;
  name: string;
  agreementNumber: string;
  agreementName: string;
  agreementType: string;
  categories: string[];
  securityAboveOfficial: boolean;
  start: Date | null;
  end: Date | null;
  status: "live" | "upcoming" | "expired" | "unknown";
  methods: string[];
};

function describeLots(ref: ReferenceRows, today: Date): LotInfo[] {
  const agreementsById = new Map(ref.agreements.map((a) => [a.id, a]));
  return ref.lots.map((lot) => {
    const a = agreementsById.get(lot.agreementId)!;
    const start = lot.startDate ?? a.startDate;
    const end = lot.endDate ?? a.endDate;
    let status: LotInfo["status"];
    if (!start && !end) status = "unknown";
    else if (end && end.getTime() < today.getTime()) status = "expired";
    else if (start && start.getTime() > today.getTime()) status = "upcoming";
    else status = "live";
    return {
      id: lot.id,
      number: lot.number,
      name: lot.name,
      agreementNumber: a.number,
      agreementName: a.name,
      agreementType: a.type,
      categories: JSON.parse(lot.categories) as string[],
      securityAboveOfficial: lot.securityAboveOfficial,
      start,
      end,
      status,
      methods: ref.lotRoutes.filter((r) => r.lotId === lot.id).map((r) => r.method),
    };
  });
}

// ───────────────────────────── suppliers ─────────────────────────────────────

/** How a supplier describes what it sells, by product family. */
const FAMILY_BLURB: Record<FamilyKey, string> = {
  revenues: "revenues and benefits",
  housing: "housing management",
  planning: "planning and building control",
  waste: "waste and recycling",
  crm: "resident accounts and contact centres",
  "adult-social-care": "adult social care",
  childrens: "children's services",
  send: "SEND and education",
  edrms: "records management",
  gis: "mapping and address data",
  libraries: "libraries",
  democracy: "committee management",
  payments: "payments and income management",
  hosting: "cloud hosting",
  support: "cloud migration and managed services",
  cyber: "cyber security",
  data: "data and analytics",
  hr: "HR and payroll",
  finance: "finance systems",
  highways: "highways and parking",
  "environmental-health": "environmental health and licensing",
  "public-health": "public health services",
  digital: "digital service design and delivery",
};

/** Families whose software is infrastructure-like (G-Cloud 15 lot 2a rather than 2b). */
const INFRASTRUCTURE_SOFTWARE: FamilyKey[] = ["cyber", "data", "edrms", "hosting", "support"];

type SupplierPlan = {
  row: SupplierRow;
  families: FamilyKey[];
  town: string;
  accreditations: AccreditationRow[];
  awards: LotAwardRow[];
};

type DemoSupplierSpec = {
  legalName: string;
  tradingName: string;
  slug: string;
  region: UkRegion;
  town: string;
  staffCount: number;
  /** Integer pence a year. */
  turnoverPence: number;
  founded: number;
  families: FamilyKey[];
  contact: [string, string];
  products: { family: FamilyKey; name: string; status: ProductStatus }[];
};

/** The two suppliers the demo accounts belong to; always sup_00001 and sup_00002. */
export const DEMO_SUPPLIERS: DemoSupplierSpec[] = [
  {
    legalName: "Kestrel Civic Software Ltd",
    tradingName: "Kestrel Civic Software",
    slug: "kestrel-civic-software",
    region: "East of England",
    town: "Cambridge",
    staffCount: 24,
    turnoverPence: 315_000_000,
    founded: 2014,
    families: ["crm", "waste", "democracy"],
    contact: ["Hannah", "Fletcher"],
    products: [
      { family: "crm", name: "Kestrel My Account", status: "published" },
      { family: "waste", name: "Kestrel Round Optimiser", status: "published" },
      { family: "democracy", name: "Kestrel Committees", status: "published" },
      { family: "waste", name: "Kestrel Bin Collections", status: "published" },
      { family: "crm", name: "Kestrel Contact Centre", status: "draft" },
    ],
  },
  {
    legalName: "Brightwater Digital Ltd",
    tradingName: "Brightwater Digital",
    slug: "brightwater-digital",
    region: "South West",
    town: "Bristol",
    staffCount: 38,
    turnoverPence: 430_000_000,
    founded: 2017,
    families: ["digital", "data", "crm"],
    contact: ["Owain", "Parry"],
    products: [
      { family: "data", name: "Brightwater Insight", status: "published" },
      { family: "digital", name: "Brightwater Service Design", status: "published" },
      { family: "crm", name: "Brightwater Resident Account", status: "published" },
      { family: "digital", name: "Brightwater User Research", status: "submitted" },
    ],
  },
];

const SIZE_TARGETS: [SupplierSize, number][] = [
  ["micro", 22],
  ["small", 33],
  ["medium", 30],
  ["large", 15],
];

/** Staff and turnover (integer pence) for a supplier of the given size; turnover is drawn in pounds and rounded to £5,000 or £50,000. */
function staffAndTurnover(rng: Rng, size: SupplierSize): [number, number] {
  const logUniform = (min: number, max: number) => Math.exp(rng.float(Math.log(min), Math.log(max)));
  const roundTurnover = (t: number) => (t < 1_000_000 ? Math.round(t / 5_000) * 500_000 : Math.round(t / 50_000) * 5_000_000);
  switch (size) {
    case "micro":
      return [rng.int(2, 9), roundTurnover(logUniform(90_000, 1_900_000))];
    case "small":
      return [rng.int(10, 49), roundTurnover(logUniform(700_000, 9_800_000))];
    case "medium":
      return [rng.int(50, 249), roundTurnover(logUniform(4_500_000, 43_000_000))];
    case "large":
      return [Math.round(logUniform(250, 4_000)), roundTurnover(logUniform(46_000_000, 450_000_000))];
  }
}

const SIZE_ORDER: SupplierSize[] = ["micro", "small", "medium", "large"];

function pickFamilies(rng: Rng, index: number, size: SupplierSize): FamilyKey[] {
  // The first suppliers after the demo two take each family in turn, so even a
  // small seed covers every kind of product.
  const primary: FamilyKey =
    index - DEMO_SUPPLIERS.length < FAMILIES.length
      ? FAMILIES[index - DEMO_SUPPLIERS.length].key
      : rng.pickWeighted(FAMILIES.map((f) => [f.key, f.weight] as const));
  const count = rng.pickWeighted<number>(
    size === "large"
      ? [
          [1, 2],
          [2, 4],
          [3, 4],
        ]
      : size === "medium"
        ? [
            [1, 3],
            [2, 4],
            [3, 2],
          ]
        : [
            [1, 5],
            [2, 4],
            [3, 1],
          ],
  );
  const families: FamilyKey[] = [primary];
  while (families.length < count) {
    const related = FAMILY_BY_KEY[primary].related.filter((k) => !families.includes(k));
    const next =
      related.length > 0 && rng.chance(0.75)
        ? rng.pick(related)
        : rng.pickWeighted(FAMILIES.filter((f) => !families.includes(f.key)).map((f) => [f.key, f.weight] as const));
    families.push(next);
  }
  return families;
}

function makeSupplierName(
  rng: Rng,
  usedSlugs: Set<string>,
  size: SupplierSize,
  region: UkRegion,
): { legal: string; trading: string; slug: string; llp: boolean } {
  // A firm named after a place (a river, hills, a district) is based in that place's region.
  const prefixes = NAME_PREFIXES.filter((p) => PLACE_NAME_REGIONS[p]?.includes(region) ?? true);
  for (let attempt = 0; attempt < 200; attempt++) {
    const prefix = rng.pick(prefixes);
    const noun = rng.pick(NAME_NOUNS);
    let base: string;
    if (rng.chance(0.45)) {
      base = `${prefix} ${noun}`;
    } else {
      const qualifier = rng.pick(NAME_QUALIFIERS);
      if (qualifier === noun) continue;
      base = `${prefix} ${qualifier} ${noun}`;
    }
    const slug = slugify(base);
    if (usedSlugs.has(slug)) continue;
    usedSlugs.add(slug);
    const llp = (noun === "Consulting" || noun === "Partners") && rng.chance(0.5);
    const suffix = llp ? "LLP" : size === "large" && rng.chance(0.25) ? "plc" : rng.chance(0.15) ? "Limited" : "Ltd";
    // Trading names usually drop the suffix; some firms trade under a shorter name.
    const words = base.split(" ");
    const trading = words.length === 3 && rng.chance(0.2) ? `${words[0]} ${words[1]}` : base;
    return { legal: `${base} ${suffix}`, trading, slug, llp };
  }
  // Extremely unlikely with the word lists above; a numbered name keeps slugs unique.
  const n = usedSlugs.size + 1;
  const base = `${rng.pick(prefixes)} Digital ${n}`;
  usedSlugs.add(slugify(base));
  return { legal: `${base} Ltd`, trading: base, slug: slugify(base), llp: false };
}

function makeCompanyNumber(rng: Rng, used: Set<string>, region: string, llp: boolean, founded: number): string {
  for (;;) {
    let number: string;
    if (llp) number = `OC${pad(rng.int(300_000, 459_999), 6)}`;
    else if (region === "Scotland" && rng.chance(0.8)) number = `SC${pad(rng.int(150_000, 849_999), 6)}`;
    else if (region === "Northern Ireland" && rng.chance(0.8)) number = `NI${pad(rng.int(30_000, 699_999), 6)}`;
    else if (founded >= 2016) number = `1${pad(rng.int(0, 5_999_999), 7)}`;
    else number = `0${pad(rng.int(2_000_000, 9_999_999), 7)}`;
    if (!used.has(number)) {
      used.add(number);
      return number;
    }
  }
}

function makeAccreditations(
  rng: Rng,
  supplierId: string,
  size: SupplierSize,
  createdAt: Date,
  today: Date,
  nextId: () => string,
  demo: boolean,
): AccreditationRow[] {
  const rows: AccreditationRow[] = [];
  const sizeIndex = SIZE_ORDER.indexOf(size);
  // Annual certificates: a few lapsed, some due for renewal within 60 days, most comfortably valid.
  const annualExpiry = () =>
    rng.pickWeighted<() => Date>([
      [() => addDays(today, -rng.int(1, 90)), 4],
      [() => addDays(today, rng.int(0, 60)), 10],
      [() => addDays(today, rng.int(61, 365)), 86],
    ])();
  const isoExpiry = () =>
    rng.pickWeighted<() => Date>([
      [() => addDays(today, -rng.int(1, 120)), 3],
      [() => addDays(today, rng.int(0, 60)), 6],
      [() => addDays(today, rng.int(61, 1095)), 91],
    ])();
  const add = (kind: AccreditationKind, certificateNumber: string, expiresAt: Date) =>
    rows.push({ id: nextId(), supplierId, kind, certificateNumber, expiresAt, createdAt });

  if (demo) {
    add("cyber-essentials-plus", `IASME-CEP-${pad(rng.int(1, 999_999), 6)}`, addDays(today, 212));
    add("iso-27001", `ISMS ${pad(rng.int(100_000, 999_999), 6)}`, addDays(today, 41));
    add("iso-9001", `QMS ${pad(rng.int(100_000, 999_999), 6)}`, addDays(today, 530));
    return rows;
  }
  if (rng.chance(0.9)) {
    if (rng.chance(0.35 + sizeIndex * 0.15)) add("cyber-essentials-plus", `IASME-CEP-${pad(rng.int(1, 999_999), 6)}`, annualExpiry());
    else add("cyber-essentials", `IASME-CE-${pad(rng.int(1, 999_999), 6)}`, annualExpiry());
  }
  if (rng.chance([0.15, 0.35, 0.6, 0.85][sizeIndex])) add("iso-27001", `ISMS ${pad(rng.int(100_000, 999_999), 6)}`, isoExpiry());
  if (rng.chance([0.2, 0.35, 0.5, 0.7][sizeIndex])) add("iso-9001", `QMS ${pad(rng.int(100_000, 999_999), 6)}`, isoExpiry());
  return rows;
}

function lotWeight(lot: LotInfo, family: FamilyKey | null, size: SupplierSize): number {
  let w = 10;
  if (lot.securityAboveOfficial) w = size === "large" ? 3 : 0.5;
  if (family && lot.categories.includes("cloud-software")) {
    const infraLot = /infrastructure/i.test(lot.name);
    const infraFamily = INFRASTRUCTURE_SOFTWARE.includes(family);
    if (infraLot !== infraFamily) w *= 0.1;
  }
  return w;
}

function awardDate(rng: Rng, lot: LotInfo, today: Date): Date {
  const start = lot.start ?? addDays(today, -rng.int(60, 400));
  const latest = addDays(minDate(today, lot.end ?? today), -7);
  // Open frameworks admit suppliers after they start; others award just before.
  if (lot.agreementType === "open-framework" && latest.getTime() > start.getTime() && rng.chance(0.4)) {
    return dateBetween(rng, start, minDate(latest, addDays(start, 300)));
  }
  return minDate(dateBetween(rng, addDays(start, -21), addDays(start, -1)), latest);
}

function makeAwards(
  rng: Rng,
  supplierId: string,
  families: FamilyKey[],
  size: SupplierSize,
  lots: LotInfo[],
  today: Date,
  nextId: () => string,
  nextReference: (lot: LotInfo) => string,
  demo: boolean,
): LotAwardRow[] {
  const chosen = new Map<string, { lot: LotInfo; verified: boolean }>();
  const covering = (category: string, statuses: LotInfo["status"][]) =>
    lots.filter((l) => statuses.includes(l.status) && l.categories.includes(category));

  // 1. A verified award on a live lot for each family's main buying category
  //    (sometimes its second too), so every product the supplier sells can be listed.
  for (const key of families) {
    const family = FAMILY_BY_KEY[key];
    const categories = family.buying.slice(0, family.buying.length > 1 && rng.chance(0.3) ? 2 : 1);
    for (const category of categories) {
      let options = covering(category, ["live"]);
      if (options.length === 0) options = covering(category, ["upcoming", "unknown"]);
      if (options.length === 0) continue;
      if (options.some((o) => chosen.has(o.id))) continue;
      // Demo suppliers take the best-fitting lot, so the demo is the same whatever the weights.
      const lot = demo
        ? options.reduce((best, o) => (lotWeight(o, key, size) > lotWeight(best, key, size) ? o : best))
        : rng.pickWeighted(options.map((o) => [o, lotWeight(o, key, size)] as const));
      chosen.set(lot.id, { lot, verified: true });
    }
  }
  // 2. History: many suppliers were on the framework a live one replaced.
  const historic = new Set(families.flatMap((k) => FAMILY_BY_KEY[k].buying.slice(0, 1)));
  for (const category of historic) {
    if (!(demo || rng.chance(0.55))) continue;
    const options = covering(category, ["expired"]).filter((o) => !chosen.has(o.id));
    if (options.length === 0) continue;
    const lot = rng.pickWeighted(options.map((o) => [o, /further competition/i.test(o.name) ? 1 : 6] as const));
    chosen.set(lot.id, { lot, verified: true });
  }
  // 3. A recent application not yet checked by an admin.
  if (!demo && rng.chance(0.24)) {
    const wanted = new Set<string>(families.flatMap((k) => FAMILY_BY_KEY[k].buying));
    const options = lots.filter((l) => l.status === "live" && !chosen.has(l.id) && l.categories.some((c) => wanted.has(c)));
    if (options.length > 0) {
      const lot = rng.pick(options);
      chosen.set(lot.id, { lot, verified: false });
    }
  }

  const picked = [...chosen.values()].slice(0, 4);
  return picked.map(({ lot, verified }) => {
    const awardedAt = verified ? awardDate(rng, lot, today) : addDays(today, -rng.int(2, 45));
    return {
      id: nextId(),
      supplierId,
      lotId: lot.id,
      awardedAt,
      reference: nextReference(lot),
      verified,
      verifiedAt: verified ? minDate(addDays(awardedAt, rng.int(1, 21)), addDays(today, -1)) : null,
      createdAt: awardedAt,
    };
  });
}

function generateSuppliers(count: number, lots: LotInfo[], rng: Rng, today: Date): SupplierPlan[] {
  const usedSlugs = new Set(DEMO_SUPPLIERS.map((d) => d.slug));
  const usedCompanyNumbers = new Set<string>();
  const lotCounters = new Map<string, number>();
  let accreditationSeq = 0;
  let awardSeq = 0;
  const nextAccreditationId = () => `acc_${pad(++accreditationSeq, 6)}`;
  const nextAwardId = () => `awd_${pad(++awardSeq, 6)}`;
  const nextReference = (lot: LotInfo) => {
    const n = (lotCounters.get(lot.id) ?? rng.int(100, 400)) + rng.int(1, 7);
    lotCounters.set(lot.id, n);
    return `${lot.agreementNumber}-L${lot.number}-${pad(n, 5)}`;
  };

  const plans: SupplierPlan[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`supplier:${i}`);
    const id = `sup_${pad(i + 1, 5)}`;
    const demo = i < DEMO_SUPPLIERS.length ? DEMO_SUPPLIERS[i] : null;

    let legalName: string, tradingName: string, slug: string, llp: boolean;
    let region: UkRegion, town: string, staffCount: number, turnoverPence: number, founded: number, families: FamilyKey[];
    let contact: [string, string];
    let targetSize: SupplierSize;
    if (demo) {
      ({ legalName, tradingName, slug, region, town, staffCount, turnoverPence, founded, families, contact } = demo);
      llp = false;
      targetSize = computeSupplierSize(staffCount, turnoverPence);
    } else {
      targetSize = r.pickWeighted(SIZE_TARGETS);
      region = r.pickWeighted(REGION_WEIGHTS);
      const name = makeSupplierName(r, usedSlugs, targetSize, region);
      ({ legal: legalName, trading: tradingName, slug, llp } = name);
      town = r.pick(REGION_TOWNS[region]);
      [staffCount, turnoverPence] = staffAndTurnover(r, targetSize);
      founded =
        targetSize === "micro"
          ? r.int(2012, 2023)
          : targetSize === "small"
            ? r.int(2005, 2021)
            : targetSize === "medium"
              ? r.int(1995, 2018)
              : r.int(1982, 2010);
      families = pickFamilies(r, i, targetSize);
      contact = [r.pick(FIRST_NAMES), r.pick(LAST_NAMES)];
    }
    const computedSize = computeSupplierSize(staffCount, turnoverPence);
    // A few declarations lag behind the figures (a firm that has just grown, or rounds down).
    let declaredSize = computedSize;
    if (!demo && r.chance(0.05)) {
      const idx = SIZE_ORDER.indexOf(computedSize);
      declaredSize = SIZE_ORDER[idx === 0 ? 1 : idx - 1];
    }

    const createdAt = demo
      ? new Date(`2025-0${i + 3}-1${i + 2}T09:30:00Z`)
      : dateBetween(r, new Date("2024-06-01T00:00:00Z"), addDays(today, -30));
    const familyText = joinList(families.map((k) => FAMILY_BLURB[k]));
    const sizeWord = { micro: "specialist", small: "small", medium: "growing", large: "established" }[computedSize];
    const councilsServed = { micro: r.int(3, 15), small: r.int(10, 45), medium: r.int(30, 120), large: r.int(80, 300) }[computedSize];
    const description = [
      `${tradingName} is ${withArticle(sizeWord)} ${computedSize === "large" ? "technology company" : "firm"} based in ${town} that has worked with the public sector since ${founded}.`,
      `It provides ${familyText} for UK councils${families.length > 1 ? ", designed with the officers who use them every day" : ""}.`,
      `Its team of ${formatNumber(staffCount)} supports around ${councilsServed} local authorities${computedSize === "large" ? " and other public bodies" : ""}.`,
    ].join(" ");
    // UK numbers have 11 digits; the drama prefixes leave the last few free.
    const phonePrefix = r.pick(DRAMA_PHONE_PREFIXES);
    const freeDigits = 11 - phonePrefix.replace(/\D/g, "").length;
    const phone = `${phonePrefix}${pad(r.int(0, 10 ** freeDigits - 1), freeDigits)}`;

    const row: SupplierRow = {
      id,
      slug,
      legalName,
      tradingName,
      companyNumber: makeCompanyNumber(r, usedCompanyNumbers, region, llp, founded),
      staffCount,
      turnoverPence,
      declaredSize,
      computedSize,
      region,
      description,
      website: `https://${slug}.example`,
      contactName: `${contact[0]} ${contact[1]}`,
      contactEmail: `${emailLocalPart(contact[0], contact[1])}@${slug}.example`,
      contactPhone: phone,
      verifiedAt: addDays(createdAt, 1),
      createdAt,
      updatedAt: addDays(createdAt, r.int(0, 60)),
    };
    if (row.updatedAt.getTime() > today.getTime()) row.updatedAt = createdAt;

    const accreditations = makeAccreditations(r, id, computedSize, createdAt, today, nextAccreditationId, !!demo);
    const awards = makeAwards(r, id, families, computedSize, lots, today, nextAwardId, nextReference, !!demo);
    plans.push({ row, families, town, accreditations, awards });
  }
  return plans;
}

// ───────────────────────────── products ──────────────────────────────────────

type ProductPlan = {
  product: ProductRow;
  version: ProductVersionRow;
  lots: string[];
  family: FamilyKey;
  supplier: SupplierPlan;
};

/** How many products each supplier gets: every supplier one where possible, the rest skewed. */
function productCounts(rng: Rng, plans: SupplierPlan[], total: number): number[] {
  const counts = plans.map(() => 0);
  let remaining = total;
  // Demo suppliers get their fixed product lists first (as far as the total allows).
  for (let i = 0; i < Math.min(plans.length, DEMO_SUPPLIERS.length); i++) {
    const n = Math.min(DEMO_SUPPLIERS[i].products.length, remaining);
    counts[i] = n;
    remaining -= n;
  }
  const others = plans.slice(DEMO_SUPPLIERS.length);
  if (others.length === 0) {
    // Only demo suppliers: any extra products go to them in turn.
    for (let k = 0; remaining > 0; k++, remaining--) counts[k % Math.max(1, plans.length)]++;
    return counts;
  }
  if (remaining >= others.length) {
    for (let i = DEMO_SUPPLIERS.length; i < plans.length; i++) counts[i] = 1;
    remaining -= others.length;
  }
  // Weighted by size and a random appetite; cumulative weights with binary search keep this fast.
  const sizeFactor: Record<SupplierSize, number> = { micro: 0.7, small: 1, medium: 1.8, large: 3 };
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of others) {
    sum += sizeFactor[p.row.computedSize] * rng.float(0.3, 1.7);
    cumulative.push(sum);
  }
  while (remaining > 0) {
    const target = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    counts[DEMO_SUPPLIERS.length + lo]++;
    remaining--;
  }
  return counts;
}

/** A drawn price in pounds, rounded as a supplier would quote it (to the penny, 50p, £5 or £50), in integer pence. */
function roundPricePence(pounds: number): number {
  if (pounds < 1) return Math.round(pounds * 100);
  if (pounds < 100) return Math.round(pounds * 2) * 50;
  if (pounds < 1000) return Math.round(pounds / 5) * 500;
  return Math.round(pounds / 50) * 5000;
}

function buildDescription(
  rng: Rng,
  family: ProductFamily,
  name: string,
  integrations: string[],
  standards: string[],
  town: string,
  dataLocation: string,
  region: string,
): string {
  const opener = fill(rng.pick(family.openers), { name });
  const capabilities = rng.sample(family.capabilities, 2);
  const connects = `Integrations include ${joinList(integrations.slice(0, 2))}, and it supports ${joinList(standards.slice(0, 2))}.`;
  const where =
    dataLocation === "UK"
      ? "Data is held in the UK"
      : dataLocation === "EEA"
        ? "Data is held in the European Economic Area"
        : "Data is held with a global cloud provider";
  const closing = `${where}, and support comes from our team in ${town}, with cover for urgent incidents out of hours.`;
  const sentences = [opener, ...capabilities, connects, closing];
  while (wordCount(sentences.join(" ")) > 120 && sentences.length > 3) sentences.splice(2, 1);
  if (wordCount(sentences.join(" ")) < 60) {
    const extra = family.capabilities.find((c) => !sentences.includes(c));
    if (extra) sentences.splice(1, 0, extra);
  }
  // Welsh suppliers sell to councils bound by the Welsh Language Standards.
  if (region === "Wales")
    sentences.push(
      "Screens, letters and notifications are available in Welsh as well as English, with Welsh language support for staff and residents.",
    );
  return sentences.join(" ");
}

function generateProducts(count: number, suppliers: SupplierPlan[], lots: LotInfo[], rng: Rng, today: Date): ProductPlan[] {
  const counts = productCounts(rng.fork("counts"), suppliers, count);
  const lotsById = new Map(lots.map((l) => [l.id, l]));
  const plans: ProductPlan[] = [];
  let seq = 0;
  // A brand word belongs to one supplier, so no two suppliers sell "Quill …" products.
  const brandOwner = new Map<string, string>();
  for (const [i, d] of DEMO_SUPPLIERS.entries()) brandOwner.set(d.tradingName.split(" ")[0].toLowerCase(), suppliers[i]?.row.id ?? "");
  const coinedBrands = BRAND_STEMS.flatMap((stem) =>
    BRAND_ENDINGS.filter((e) => !stem.toLowerCase().endsWith(e[0])).map((e) => `${stem}${e}`),
  );
  const claimBrand = (r: Rng, supplierId: string, fallback: string): string => {
    const free = (words: readonly string[]) => words.filter((w) => !brandOwner.has(w.toLowerCase()));
    const listed = free(PRODUCT_BRANDS);
    const options = listed.length > 0 ? listed : free(coinedBrands);
    const brand = options.length > 0 ? r.pick(options) : fallback;
    brandOwner.set(brand.toLowerCase(), supplierId);
    return brand;
  };

  suppliers.forEach((supplier, supplierIndex) => {
    const n = counts[supplierIndex];
    if (n === 0) return;
    const demo = supplierIndex < DEMO_SUPPLIERS.length ? DEMO_SUPPLIERS[supplierIndex] : null;
    const names = new Set<string>();
    const validKinds = new Set(supplier.accreditations.filter((a) => a.expiresAt.getTime() >= today.getTime()).map((a) => a.kind));
    const verifiedLots = supplier.awards.filter((a) => a.verified).map((a) => lotsById.get(a.lotId)!);
    const supplierId = supplier.row.id;
    const brandRng = rng.fork(`brand:${supplierId}`);
    // The firm's own first word is a brand only if no other supplier sells under it already.
    const ownWord = supplier.row.tradingName.split(" ")[0];
    const ownerOfOwnWord = brandOwner.get(ownWord.toLowerCase());
    const firstWord = ownerOfOwnWord === undefined || ownerOfOwnWord === supplierId ? ownWord : null;
    if (firstWord) brandOwner.set(firstWord.toLowerCase(), supplierId);
    const supplierBrand = demo
      ? ownWord
      : claimBrand(
          brandRng,
          supplierId,
          // Slugs are unique, so the last resort is too (trading names can be shortened alike).
          supplier.row.slug
            .split("-")
            .map((w) => capitalise(w))
            .join(""),
        );

    for (let k = 0; k < n; k++) {
      seq++;
      const r = rng.fork(`product:${seq}`);
      const productId = `prd_${pad(seq, 6)}`;
      const versionId = `prv_${pad(seq, 6)}`;
      const demoProduct = demo && k < demo.products.length ? demo.products[k] : null;

      const familyKey: FamilyKey = demoProduct?.family ?? r.pickWeighted(supplier.families.map((f, i) => [f, i === 0 ? 3 : 1] as const));
      const family = FAMILY_BY_KEY[familyKey];

      let name: string;
      if (demoProduct) name = demoProduct.name;
      else {
        const brand = firstWord && r.chance(0.55) ? firstWord : supplierBrand;
        name = `${brand} ${r.pick(family.nouns)}`;
        for (let attempt = 0; names.has(name) && attempt < 20; attempt++)
          name = `${brand} ${r.pick(family.nouns)} ${r.pick(PRODUCT_EDITIONS)}`;
        for (let v = 2; names.has(name); v++) name = `${brand} ${family.nouns[0]} ${v}`;
      }
      names.add(name);

      // Lots: every verified award whose lot covers what this product is; expired
      // frameworks only as history, for products that were already listed then.
      const createdAt = minDate(
        dateBetween(r, addDays(supplier.row.createdAt, 1), addDays(supplier.row.createdAt, 320)),
        addDays(today, -r.int(3, 20)),
      );
      const productLots = verifiedLots
        .filter((l) => l.categories.some((c) => family.buying.includes(c as BuyingCategory)))
        .filter((l) => l.status !== "expired" || (r.chance(0.65) && createdAt.getTime() < (l.end ?? today).getTime()))
        .map((l) => l.id);
      const hasCurrentLot = productLots.some((id) => lotsById.get(id)!.status !== "expired");

      let status: ProductStatus =
        demoProduct?.status ??
        r.pickWeighted<ProductStatus>([
          ["published", 85],
          ["draft", 6],
          ["submitted", 5],
          ["withdrawn", 4],
        ]);
      if (!hasCurrentLot && status !== "withdrawn") status = "draft";

      const submittedAt = status === "draft" ? null : minDate(addMinutes(createdAt, r.int(60, 20 * 24 * 60)), addDays(today, -2));
      const publishedAt =
        status === "published" || status === "withdrawn"
          ? minDate(addMinutes(submittedAt!, r.int(120, 10 * 24 * 60)), addDays(today, -1))
          : null;
      const updatedAt =
        status === "withdrawn" ? minDate(addDays(publishedAt!, r.int(10, 200)), today) : (publishedAt ?? submittedAt ?? createdAt);

      const [priceUnit, lowPrice, highPrice] = r.pick(family.prices);
      const priceFromPence = roundPricePence(Math.exp(r.float(Math.log(lowPrice), Math.log(highPrice))));
      const software = family.buying[0] === "cloud-software" || family.buying[0] === "back-office-software";
      const dataLocation =
        familyKey === "hosting"
          ? r.pickWeighted<"UK" | "EEA" | "other">([
              ["UK", 97],
              ["EEA", 3],
            ])
          : r.pickWeighted<"UK" | "EEA" | "other">([
              ["UK", 88],
              ["EEA", 9],
              ["other", 3],
            ]);
      const security: string[] = [];
      if (validKinds.has("cyber-essentials")) security.push("cyber-essentials");
      if (validKinds.has("cyber-essentials-plus")) security.push("cyber-essentials-plus");
      if (validKinds.has("iso-27001")) security.push("iso-27001");
      if (["hosting", "cyber", "support"].includes(familyKey) && r.chance(0.15)) security.push("other");
      const standards = r.sample(family.standards, r.int(2, Math.min(4, family.standards.length)));
      const integrations = r.sample(family.integrations, r.int(2, Math.min(4, family.integrations.length)));
      const productSlug = slugify(name);

      const version: ProductVersionRow = {
        id: versionId,
        productId,
        versionNumber: 1,
        status: status === "withdrawn" ? "published" : status,
        name,
        summary: fill(r.pick(family.summaries), { name }),
        description: buildDescription(r, family, name, integrations, standards, supplier.town, dataLocation, supplier.row.region),
        features: JSON.stringify(r.sample(family.features, r.int(4, Math.min(8, family.features.length)))),
        benefits: JSON.stringify(r.sample(family.benefits, r.int(3, Math.min(6, family.benefits.length)))),
        category: family.category,
        priceFromPence,
        priceUnit,
        vatIncluded: r.chance(0.15),
        freeTrial: r.chance(software ? 0.3 : 0.05),
        pricingDocumentUrl: r.chance(0.9) ? `https://${supplier.row.slug}.example/pricing/${productSlug}.pdf` : null,
        dataLocation,
        security: JSON.stringify(security),
        accessibilityStatementUrl: r.chance(software ? 0.88 : 0.3)
          ? `https://${supplier.row.slug}.example/accessibility/${productSlug}`
          : null,
        standards: JSON.stringify(standards),
        integrations: JSON.stringify(integrations),
        createdAt,
        submittedAt,
        publishedAt,
        // Its own fork, so adding the service definition left every other seeded value as it was.
        ...serviceDefinitionFor(r.fork("definition"), {
          kind: serviceKindOf(family.buying),
          name,
          security,
          year: createdAt.getUTCFullYear(),
          integrations,
        }),
      };
      const product: ProductRow = {
        id: productId,
        supplierId: supplier.row.id,
        status,
        publishedVersionId: status === "published" ? versionId : null,
        createdAt,
        updatedAt,
      };
      plans.push({ product, version, lots: productLots, family: familyKey, supplier });
    }
  });
  return plans;
}

// ───────────────────────────── case studies ──────────────────────────────────

function roundMetric(value: number, template: MetricTemplate): number {
  if (template.decimals !== undefined) {
    const f = 10 ** template.decimals;
    return Math.round(value * f) / f;
  }
  if (template.unit === "%") return Math.round(value);
  if (value >= 100_000) return Math.round(value / 1000) * 1000;
  if (value >= 10_000) return Math.round(value / 100) * 100;
  if (value >= 1_000) return Math.round(value / 10) * 10;
  return Math.round(value);
}

function formatValue(value: number, template: MetricTemplate): string {
  const decimals = template.decimals ?? (Number.isInteger(value) ? 0 : 1);
  const n = formatNumber(value, decimals);
  if (template.unit === "%") return `${n}%`;
  if (template.unit === "£") return `£${n}`;
  return n;
}

function fromTo(m: { before: number; after: number }, template: MetricTemplate): string {
  const tail = template.unit === "%" || template.unit === "£" ? "" : ` ${template.unit}`;
  return `from ${formatValue(m.before, template)} to ${formatValue(m.after, template)}${tail}`;
}

function metricSentence(m: { before: number; after: number }, template: MetricTemplate): string {
  const verb = m.after < m.before ? "fell" : "rose";
  return `${template.noun} ${verb} ${fromTo(m, template)}`;
}

function makeTitle(rng: Rng, council: string, theme: Theme, m: { before: number; after: number }, template: MetricTemplate): string {
  const pct = Math.round((Math.abs(m.after - m.before) / m.before) * 100);
  const down = m.after < m.before;
  const absolute = template.unit === "%" || template.unit === "£";
  const change = absolute ? fromTo(m, template) : `by ${pct}%`;
  const shortChange = absolute ? `${down ? "down" : "up"} ${fromTo(m, template)}` : `${down ? "down" : "up"} ${pct}%`;
  const verb = down ? rng.pick(["cut", "reduced", "brought down"]) : rng.pick(["raised", "increased", "lifted"]);
  // Councils title their case studies many ways; no single template should dominate the list.
  // Every shape names what was introduced, so a reader (and a search) can tell the theme.
  const style = rng.pickWeighted<number>([
    [0, 22],
    [1, 18],
    [2, 14],
    [3, 12],
    [4, 12],
    [5, 10],
    [6, 7],
    [7, 5],
  ]);
  switch (style) {
    case 0:
      return `How ${council} ${verb} ${template.titlePhrase} ${change} with ${theme.headline}`;
    case 1:
      return `${capitalise(theme.headline)} in ${council}: ${template.titlePhrase} ${shortChange}`;
    case 2:
      return `${council} ${verb} ${template.titlePhrase} ${change} through ${theme.headline}`;
    case 3:
      return `${capitalise(template.titlePhrase)} ${shortChange} after ${council} introduced ${theme.headline}`;
    case 4:
      return `${council}: ${theme.headline}, one year on`;
    case 5:
      return `Introducing ${theme.headline} at ${council}`;
    case 6:
      return `${capitalise(theme.headline)}: the ${council} experience`;
    default:
      return `Lessons from ${council} on ${theme.headline}`;
  }
}

function pickTheme(rng: Rng, councilType: string | null): Theme {
  const options = THEMES.filter(
    (t) => t.key !== MY_ACCOUNT_THEME && (!councilType || COUNCIL_TYPES_BY_SERVICE_AREA[t.serviceArea].includes(councilType)),
  );
  return rng.pickWeighted(options.map((t) => [t, t.weight] as const));
}

function makeUnlistedSupplierName(rng: Rng, usedSlugs: ReadonlySet<string>): string {
  for (;;) {
    const base = `${rng.pick(NAME_PREFIXES)} ${rng.pick(["Systems", "Technology", "Software", "Solutions"])}`;
    if (!usedSlugs.has(slugify(base))) return `${base} Ltd`;
  }
}

/**
 * The same lot in the generations an agreement replaced (G-Cloud 15 lot 2a → G-Cloud 14 lot 2 →
 * G-Cloud 13 lot 2 …): a lot of a predecessor agreement (seed/reference/frameworks.ts `replacedBy`)
 * that buys the same categories, the one with the same number first.
 */
export function earlierGenerations(lot: LotInfo, lots: readonly LotInfo[], seen = new Set<string>()): LotInfo[] {
  const out: LotInfo[] = [];
  for (const number of predecessorsOf(lot.agreementNumber)) {
    if (seen.has(number)) continue;
    seen.add(number);
    const sameCategories = lots.filter((l) => l.agreementNumber === number && l.categories.some((c) => lot.categories.includes(c)));
    const pick = sameCategories.find((l) => l.number === lot.number) ?? sameCategories[0];
    if (!pick) continue;
    out.push(pick, ...earlierGenerations(pick, lots, seen));
  }
  return out;
}

function generateCaseStudies(
  count: number,
  ref: ReferenceRows,
  products: ProductPlan[],
  supplierSlugs: ReadonlySet<string>,
  lots: LotInfo[],
  rng: Rng,
  today: Date,
) {
  const caseStudies: CaseStudyRow[] = [];
  const metrics: CaseStudyMetricRow[] = [];
  const csProducts: CaseStudyProductRow[] = [];
  const csSuppliers: CaseStudySupplierRow[] = [];
  const assets: ReusableAssetRow[] = [];
  const lotsById = new Map(lots.map((l) => [l.id, l]));

  // Published products by family: the only products a case study may link to.
  const publishedByFamily = new Map<FamilyKey, ProductPlan[]>();
  for (const p of products) {
    if (p.product.status !== "published") continue;
    const list = publishedByFamily.get(p.family) ?? [];
    list.push(p);
    publishedByFamily.set(p.family, list);
  }

  const councilsByCode = new Map(ref.councils.map((c) => [c.code, c]));
  const eligibleCouncils = new Map<ServiceAreaSlug, [CouncilRow, number][]>();
  for (const area of SERVICE_AREA_SLUGS) {
    const types = COUNCIL_TYPES_BY_SERVICE_AREA[area];
    eligibleCouncils.set(
      area,
      ref.councils.filter((c) => types.includes(c.type)).map((c) => [c, 1 + Math.sqrt(c.population ?? 0) / 200] as [CouncilRow, number]),
    );
  }

  // My Account case studies are spread evenly through the list (at least 8).
  const myAccountCount = Math.min(count, Math.max(8, Math.round(count * 0.06)));
  const myAccountSlots = new Set<number>();
  for (let j = 0; j < myAccountCount; j++) myAccountSlots.add(Math.floor((j * count) / myAccountCount));

  const usedSlugs = new Set<string>();
  let metricSeq = 0;
  let productSeq = 0;
  let supplierSeq = 0;
  let assetSeq = 0;

  for (let i = 0; i < count; i++) {
    const r = rng.fork(`case-study:${i}`);
    const id = `cs_${pad(i + 1, 5)}`;

    // Council and theme. The first two belong to the demo buyers' councils.
    let council: CouncilRow | undefined;
    let theme: Theme;
    let contact: { name: string; email: string } | null = null;
    const forcedCode = i === 0 ? "BNH" : i === 1 ? "LDS" : null;
    if (forcedCode && councilsByCode.has(forcedCode)) {
      council = councilsByCode.get(forcedCode)!;
      theme = i === 0 ? THEME_BY_KEY[MY_ACCOUNT_THEME] : pickTheme(r, council.type);
      // The demo buyer for that council is the contact (and, once seeded, the author).
      const buyer = DEMO_ACCOUNTS.find((a) => a.role === "buyer" && a.councilCode === forcedCode);
      if (buyer) {
        const [first, ...rest] = buyer.name.split(" ");
        contact = { name: buyer.name, email: `${emailLocalPart(first, rest.join(" "))}@${councilEmailDomain(council)}` };
      }
    } else {
      theme = myAccountSlots.has(i) ? THEME_BY_KEY[MY_ACCOUNT_THEME] : pickTheme(r, null);
    }
    const eligible = eligibleCouncils.get(theme.serviceArea)!;
    if (!council) council = r.pickWeighted(eligible);
    const councilName = council.name;
    const webSlug = councilWebSlug(council);
    if (!contact) {
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      contact = { name: `${first} ${last}`, email: `${emailLocalPart(first, last)}@${councilEmailDomain(council)}` };
    }

    // Products: catalogue products whose family fits the service area, sometimes one not listed.
    const fitting = theme.families.filter((f) => FAMILY_BY_KEY[f].serviceAreas.includes(theme.serviceArea));
    const available = fitting.filter((f) => (publishedByFamily.get(f)?.length ?? 0) > 0);
    const used: ProductPlan[] = [];
    // The Brighton and Hove study names the demo supplier's resident account, so its demo user has something to respond to.
    const demoLead =
      i === 0
        ? products.find((p) => p.product.status === "published" && p.family === "crm" && p.supplier.row.id === "sup_00001")
        : undefined;
    if (demoLead) used.push(demoLead);
    if (available.length > 0 && used.length === 0) {
      const wanted = r.pickWeighted<number>([
        [1, 68],
        [2, 25],
        [3, 7],
      ]);
      for (let attempt = 0; used.length < wanted && attempt < 8; attempt++) {
        const fam = used.length === 0 ? r.pickWeighted(available.map((f) => [f, f === fitting[0] ? 3 : 1] as const)) : r.pick(available);
        const candidate = r.pick(publishedByFamily.get(fam)!);
        if (!used.includes(candidate)) used.push(candidate);
      }
    }
    const unlisted: { name: string; supplier: string | null }[] = [];
    if (used.length === 0 || (used.length < 3 && r.chance(0.12))) {
      const noun = r.pick(theme.unlisted);
      unlisted.push({
        name: capitalise(noun),
        supplier: /in-house/i.test(noun) ? null : makeUnlistedSupplierName(r, supplierSlugs),
      });
    }
    const lead = used[0];
    const productRef = lead
      ? `${lead.version.name} from ${lead.supplier.row.tradingName}`
      : unlisted[0].supplier
        ? `${withArticle(unlisted[0].name.toLowerCase())} from ${unlisted[0].supplier.replace(/ Ltd$/, "")}`
        : withArticle(unlisted[0].name.toLowerCase());
    const supplierRef = lead ? lead.supplier.row.tradingName : (unlisted[0].supplier?.replace(/ Ltd$/, "") ?? "our own digital team");

    // Cost, scaled a little by the council's size.
    const scale = Math.min(1.6, Math.max(0.6, ((council.population ?? 150_000) / 300_000) ** 0.25));
    // Drawn in pounds, rounded to £100 (or £1,000 from £100,000), kept in integer pence.
    const costPounds = Math.exp(r.float(Math.log(theme.cost[0]), Math.log(theme.cost[1]))) * scale;
    const costPence = costPounds < 100_000 ? Math.round(costPounds / 100) * 10_000 : Math.round(costPounds / 1000) * 100_000;
    const months = costPence > 50_000_000 ? r.int(9, 30) : r.int(4, 18);

    // Status, then dates that leave time to finish and write up a published study.
    const status: CaseStudyStatus =
      theme.key === MY_ACCOUNT_THEME || i < 2
        ? "published"
        : r.pickWeighted<CaseStudyStatus>([
            ["published", 88],
            ["submitted", 6],
            ["draft", 6],
          ]);
    const latestStart = addDays(addMonths(today, -months), -45);
    /** The lot was live for long enough, between the earliest case study and the latest start, for this work. */
    const liveLongEnough = (l: LotInfo) =>
      l.start !== null && maxDate(l.start, EARLIEST_CASE_STUDY).getTime() < minDate(l.end ?? today, latestStart).getTime();

    // Bought through a framework lot the lead product is on, when the dates allow.
    let lot: LotInfo | null = null;
    let startDate: Date;
    if (lead && r.chance(0.85)) {
      const usable = lead.lots.map((lotIdValue) => lotsById.get(lotIdValue)!).filter(liveLongEnough);
      if (usable.length > 0) lot = r.pick(usable);
      else {
        // No current lot was live early enough: the same lot of an earlier generation may have been.
        const earlier = [...new Set(lead.lots.flatMap((id) => earlierGenerations(lotsById.get(id)!, lots)))].filter(liveLongEnough);
        if (earlier.length > 0) lot = rng.fork(`earlier-generation-${i}`).pick(earlier);
      }
    }
    if (lot) {
      startDate = dateBetween(r, maxDate(lot.start!, EARLIEST_CASE_STUDY), minDate(lot.end ?? today, latestStart));
      // Work that started years ago was bought through the generation live then (a service is
      // re-listed on each: G-Cloud 12, 13, 14…). A fork, so every other seeded value stays as it was.
      const g = rng.fork(`generation-${i}`);
      const earlier = earlierGenerations(lot, lots).filter(liveLongEnough);
      if (earlier.length > 0 && g.chance(0.6)) {
        lot = g.pick(earlier);
        startDate = dateBetween(g, maxDate(lot.start!, EARLIEST_CASE_STUDY), minDate(lot.end ?? today, latestStart));
      }
    } else {
      startDate = dateBetween(r, EARLIEST_CASE_STUDY, latestStart);
    }
    const endDate = status !== "published" && r.chance(0.3) ? null : addMonths(startDate, months);
    const buyingRoute = lot
      ? r.pick(lot.methods.length > 0 ? lot.methods : ["further-competition"])
      : costPence < SUB_CENTRAL_THRESHOLD_PENCE
        ? "below-threshold"
        : "open-procedure";
    const publishedAt =
      status === "published" ? minDate(dateBetween(r, addDays(endDate!, 14), addDays(endDate!, 120)), addDays(today, -1)) : null;
    const createdAt = publishedAt ? addDays(publishedAt, -r.int(5, 40)) : dateBetween(r, addDays(today, -120), addDays(today, -1));

    // Metrics: the theme's headline metric most often, then others.
    const metricCount = r.int(1, Math.min(3, theme.metrics.length));
    const firstMetric = r.chance(0.6) ? theme.metrics[0] : r.pick(theme.metrics);
    const chosenMetrics = [
      firstMetric,
      ...r.sample(
        theme.metrics.filter((m) => m !== firstMetric),
        metricCount - 1,
      ),
    ];
    const values = chosenMetrics.map((t) => {
      const before = roundMetric(r.float(t.before[0], t.before[1]), t);
      let after = roundMetric(r.float(t.after[0], t.after[1]), t);
      if (after === before) after = t.higherIsBetter ? before + 1 : Math.max(0, before - 1);
      return { before, after };
    });
    chosenMetrics.forEach((t, position) => {
      metrics.push({
        id: `csm_${pad(++metricSeq, 6)}`,
        caseStudyId: id,
        name: t.name,
        before: values[position].before,
        after: values[position].after,
        unit: t.unit,
        higherIsBetter: t.higherIsBetter,
        position,
      });
    });

    const title = makeTitle(r, councilName, theme, values[0], chosenMetrics[0]);
    let slug = slugify(title);
    if (slug.length > 90) slug = slug.slice(0, slug.lastIndexOf("-", 90));
    if (usedSlugs.has(slug)) {
      let n = 2;
      while (usedSlugs.has(`${slug}-${n}`)) n++;
      slug = `${slug}-${n}`;
    }
    usedSlugs.add(slug);

    const vars = {
      council: councilName,
      product: lead ? lead.version.name : withArticle(unlisted[0].name.toLowerCase()),
      supplier: supplierRef,
      months: String(months),
    };
    const procurement = lot
      ? `We bought it through ${lot.agreementName} (${lot.agreementNumber}) lot ${lot.number}, ${lot.name}, by ${buyingRoute === "direct-award" ? "direct award" : "further competition"}.`
      : buyingRoute === "below-threshold"
        ? `As the value was below the procurement threshold, we ran a competitive quotation under our contract procedure rules and received ${r.int(3, 7)} responses.`
        : `We ran an open procedure, which attracted ${r.int(4, 11)} bids.`;
    const summary = `${councilName} ${r.pick(["introduced", "brought in", "adopted"])} ${theme.headline} using ${productRef}. ${capitalise(metricSentence(values[0], chosenMetrics[0]))}.`;
    const outcomeSentences = values.map((v, k) => metricSentence(v, chosenMetrics[k]));
    const outcomeNarrative = `${r.pick(["Within a year of going live", "In the first twelve months", "By the end of the project", "Six months after launch"])}, ${joinList(outcomeSentences)}. ${r.pick(theme.outcomes)}`;
    const lessons = [
      ...r.sample(theme.lessons, Math.min(2, theme.lessons.length)),
      ...(r.chance(0.5) ? [r.pick(GENERIC_LESSONS)] : []),
    ].join("\n");

    const costExactPence = r.chance(0.6) ? costPence : null;
    caseStudies.push({
      id,
      slug,
      title,
      councilId: council.id,
      serviceAreaId: serviceAreaId(theme.serviceArea),
      status,
      summary,
      problem: fill(r.pick(theme.problems), vars),
      approach: `${fill(r.pick(theme.approaches), vars)} ${procurement}`,
      outcomeNarrative,
      costExactPence,
      costBand: costBandFor(costPence),
      funding: r.pick(theme.funding ?? GENERIC_FUNDING),
      startDate,
      endDate,
      lessons,
      contactName: contact.name,
      contactEmail: contact.email,
      lotId: lot?.id ?? null,
      buyingRoute,
      publishedAt,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    });

    for (const p of used) {
      csProducts.push({
        id: `csp_${pad(++productSeq, 6)}`,
        caseStudyId: id,
        productId: p.product.id,
        unlistedName: null,
        unlistedSupplierName: null,
      });
    }
    for (const u of unlisted) {
      csProducts.push({
        id: `csp_${pad(++productSeq, 6)}`,
        caseStudyId: id,
        productId: null,
        unlistedName: u.name,
        unlistedSupplierName: u.supplier,
      });
    }
    const supplierIds = [...new Set(used.map((p) => p.supplier.row.id))];
    for (const supplierId of supplierIds) {
      const responds = publishedAt !== null && r.chance(0.3);
      csSuppliers.push({
        id: `css_${pad(++supplierSeq, 6)}`,
        caseStudyId: id,
        supplierId,
        response: responds ? fill(r.pick(SUPPLIER_RESPONSES), { council: councilName }) : null,
        respondedAt: responds ? minDate(addDays(publishedAt!, r.int(2, 30)), today) : null,
      });
    }

    // Reusable assets: every My Account study shares at least one; others sometimes.
    const assetCount =
      theme.assets.length === 0
        ? 0
        : theme.key === MY_ACCOUNT_THEME
          ? r.int(1, 2)
          : r.pickWeighted<number>([
              [0, 60],
              [1, 28],
              [2, 12],
            ]);
    for (const a of r.sample(theme.assets, assetCount)) {
      const url =
        a.type === "service-design" && r.chance(0.5)
          ? `https://${webSlug}.github.io/${a.repo}/`
          : `https://github.com/${webSlug}/${a.repo}`;
      const licence: ReusableAssetRow["licence"] =
        a.type === "code"
          ? r.pickWeighted([
              ["MIT", 6],
              ["Apache-2.0", 3],
              ["OGL v3.0", 1],
            ] as const)
          : a.type === "pattern"
            ? r.pickWeighted([
                ["MIT", 4],
                ["OGL v3.0", 5],
                ["CC BY 4.0", 1],
              ] as const)
            : r.pickWeighted([
                ["OGL v3.0", 6],
                ["CC BY 4.0", 4],
              ] as const);
      assets.push({
        id: `ra_${pad(++assetSeq, 6)}`,
        caseStudyId: id,
        title: a.title,
        type: a.type,
        url,
        licence,
        description: a.description,
      });
    }
  }
  return { caseStudies, metrics, csProducts, csSuppliers, assets };
}

// ───────────────────────────── entry point ───────────────────────────────────

export function generateSeedData(options: GenerateOptions, ref: ReferenceRows, today: Date = SEED_TODAY): GeneratedRows {
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  const lots = describeLots(ref, today);
  const supplierPlans = generateSuppliers(options.suppliers, lots, rng.fork("suppliers"), today);
  const productPlans = generateProducts(options.products, supplierPlans, lots, rng.fork("products"), today);
  const cs = generateCaseStudies(
    options.caseStudies,
    ref,
    productPlans,
    new Set(supplierPlans.map((s) => s.row.slug)),
    lots,
    rng.fork("case-studies"),
    today,
  );
  const productVersionLots: ProductVersionLotRow[] = [];
  for (const p of productPlans) for (const l of p.lots) productVersionLots.push({ versionId: p.version.id, lotId: l });
  return {
    suppliers: supplierPlans.map((s) => s.row),
    accreditations: supplierPlans.flatMap((s) => s.accreditations),
    lotAwards: supplierPlans.flatMap((s) => s.awards),
    products: productPlans.map((p) => p.product),
    productVersions: productPlans.map((p) => p.version),
    productVersionLots,
    caseStudies: cs.caseStudies,
    caseStudyMetrics: cs.metrics,
    caseStudyProducts: cs.csProducts,
    caseStudySuppliers: cs.csSuppliers,
    reusableAssets: cs.assets,
  };
}
