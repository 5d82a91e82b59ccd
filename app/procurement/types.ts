// Shared vocabulary for the buying-route rules. Pure types and constant lists:
// no I/O, no Prisma, no process.env. The constant arrays feed the zod schema
// and the form options, so there is one list of each.

export const BUYING_CATEGORIES = [
  "cloud-hosting",
  "cloud-software",
  "cloud-support",
  "digital-outcomes",
  "specialists",
  "technology-products",
  "technology-services",
  "network-services",
  "back-office-software",
  "other",
] as const;
export type BuyingCategory = (typeof BUYING_CATEGORIES)[number];

/** Plain-English labels for each category, for summaries and form options. */
export const CATEGORY_LABELS: Record<BuyingCategory, string> = {
  "cloud-hosting": "cloud hosting",
  "cloud-software": "cloud software",
  "cloud-support": "cloud support",
  "digital-outcomes": "digital outcomes",
  specialists: "digital specialists",
  "technology-products": "technology products",
  "technology-services": "technology services (managed IT, infrastructure, end user services)",
  "network-services": "network services",
  "back-office-software": "back office software",
  other: "other services",
};

export const NATIONS = ["England", "Wales", "Scotland", "Northern Ireland"] as const;
export type Nation = (typeof NATIONS)[number];

export const SECURITY_CLASSIFICATIONS = ["OFFICIAL", "ABOVE_OFFICIAL"] as const;
export type SecurityClassification = (typeof SECURITY_CLASSIFICATIONS)[number];

/** Schedule 1 contract types the guide knows thresholds for (sub-central authorities). */
export const CONTRACT_KINDS = ["goods-and-services", "works", "light-touch"] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** PCSR2015: the Public Contracts (Scotland) Regulations 2015 (Scottish Government frameworks). */
export type Regulation = "PA2023" | "PCR2015" | "PCSR2015";
export type BuyingMethod = "direct-award" | "further-competition";

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Source {
  title: string;
  url: string;
}

// ---------------------------------------------------------------------------
// The framework shapes the rules accept. `AgreementSeed` in
// seed/reference/frameworks.ts (and, later, rows read from the database)
// satisfy these structurally; the rules never import the data themselves.
// Money on routes (minValuePence / maxValuePence) is in integer pence including VAT,
// like every other amount the rules handle.
// ---------------------------------------------------------------------------

export interface FrameworkRoute {
  method: BuyingMethod;
  /** Minimum call-off value in pence including VAT; null = no minimum. */
  minValuePence: number | null;
  /** Maximum call-off value in pence including VAT; null = no maximum recorded. */
  maxValuePence: number | null;
  /** Longest call-off contract in months (including extensions); null = no limit recorded. */
  maxContractMonths: number | null;
  verified: boolean;
}

export interface FrameworkLot {
  number: string;
  name: string;
  categories: readonly BuyingCategory[];
  securityAboveOfficial: boolean;
  /** Lot-specific dates; when absent the agreement's dates apply. */
  startDate?: IsoDate;
  endDate?: IsoDate;
  verified: boolean;
  routes: readonly FrameworkRoute[];
}

export interface Framework {
  number: string;
  slug: string;
  name: string;
  shortName: string;
  regulation: Regulation;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  verified: boolean;
  sourceUrl: string;
  notes: string;
  lots: readonly FrameworkLot[];
}
