// Real framework reference data for the catalogue and the buying-route guide.
// Facts from public sources as of November 2026 (see /work/shared/procurement-reference.md).
//
// Rules for this file:
// - Anything from a single secondary source, or inferred (a start date, a lot
//   name or number, a route's maximum length), has `verified: false` and the
//   agreement's `notes` say what is unverified. An admin confirms it later.
// - Unknown facts are null (or, for lots, left out) rather than guessed.
// - Status (upcoming / live / expiring / expired) is never stored: it is
//   worked out from the dates (app/procurement/framework-status.ts).
// - Money on routes (minValuePence / maxValuePence) is integer pence including VAT.
// - Crown Commercial Service became the Government Commercial Agency (GCA) on
//   1 April 2026; agreement numbers and lots did not change, and the source
//   URLs keep the CCS agreement page pattern.
//
// Pure data: no I/O, no Prisma.

export type Regulation = "PA2023" | "PCR2015";
export type AgreementType = "open-framework" | "closed-framework" | "dynamic-market" | "dps";
export type BuyingCategory =
  | "cloud-hosting"
  | "cloud-software"
  | "cloud-support"
  | "digital-outcomes"
  | "specialists"
  | "technology-products"
  | "back-office-software"
  | "other";
export type BuyingMethod = "direct-award" | "further-competition";

export interface RouteSeed {
  method: BuyingMethod;
  /** Minimum call-off value in pence including VAT; null = none recorded. */
  minValuePence: number | null;
  /** Maximum call-off value in pence including VAT; null = none recorded. */
  maxValuePence: number | null;
  /** Longest call-off in months including extensions; null = none recorded. */
  maxContractMonths: number | null;
  verified: boolean;
  /** Where the limits come from; shown with a refusal that applies them. */
  sourceUrl?: string;
}

export interface LotSeed {
  number: string;
  name: string;
  description: string;
  categories: BuyingCategory[];
  securityAboveOfficial: boolean;
  /** Only where the lot's dates differ from the agreement's. */
  startDate?: string;
  endDate?: string;
  verified: boolean;
  routes: RouteSeed[];
}

export interface AgreementSeed {
  number: string;
  slug: string;
  name: string;
  shortName: string;
  description: string;
  regulation: Regulation;
  type: AgreementType;
  startDate: string | null;
  endDate: string | null;
  verified: boolean;
  sourceUrl: string;
  notes: string;
  lots: LotSeed[];
}

const sourceUrl = (number: string) => `https://www.crowncommercial.gov.uk/agreements/${number}`;
const slugFor = (number: string) => number.toLowerCase().replace(/\./g, "-");

/** G-Cloud 14 call-off: initial term up to 36 months plus one extension of up to 12 (corroborated, see G_CLOUD_14_SOURCE). */
const G_CLOUD_CALL_OFF_MONTHS = 36 + 12;
/** PublicTechnology, 29 July 2025, with the Contracts Finder extension notices for lots 1-3 and lot 4. */
const G_CLOUD_14_SOURCE =
  "https://www.publictechnology.net/2025/07/29/business-and-industry/g-cloud-14-extended-to-october-2026-to-give-time-to-prep-replacement/";

const gCloudDirectAward: RouteSeed = {
  method: "direct-award",
  minValuePence: null,
  maxValuePence: null,
  maxContractMonths: G_CLOUD_CALL_OFF_MONTHS,
  verified: true,
  sourceUrl: G_CLOUD_14_SOURCE,
};

/**
 * G-Cloud 15 call-off length (corrections of 1 December 2026): lots 1a and 1b up to 8 years
 * (initial 5 years plus optional 12-month extensions to a further 3), lots 2a, 2b and 3 up to 6 years.
 * Two independent sources agree: Local Government Lawyer (Sharpe Pritchard) and Computer Weekly.
 */
export const G_CLOUD_15_CALL_OFF_SOURCES = [
  "https://www.localgovernmentlawyer.co.uk/sharpeedge/809-sharpeedge-procurement/99594-g-cloud-14-to-g-cloud-15-what-is-changing",
  "https://www.computerweekly.com/feature/UK-governments-G-Cloud-15-framework-Everything-you-need-to-know",
] as const;
export const G_CLOUD_15_HOSTING_MAX_MONTHS = 96;
export const G_CLOUD_15_OTHER_MAX_MONTHS = 72;
const gCloud15Routes = (maxContractMonths: number): RouteSeed[] =>
  (["direct-award", "further-competition"] as const).map((method) => ({
    method,
    minValuePence: null,
    maxValuePence: null,
    maxContractMonths,
    verified: true,
    sourceUrl: G_CLOUD_15_CALL_OFF_SOURCES[0],
  }));
const furtherCompetitionUnverified: RouteSeed = {
  method: "further-competition",
  minValuePence: null,
  maxValuePence: null,
  maxContractMonths: null,
  verified: false,
};
const directAwardUnverified: RouteSeed = { ...furtherCompetitionUnverified, method: "direct-award" };

export const agreements: AgreementSeed[] = [
  {
    number: "RM1557.14",
    slug: slugFor("RM1557.14"),
    name: "G-Cloud 14",
    shortName: "G-Cloud 14",
    description:
      "Cloud hosting, cloud software and cloud support from a catalogue of services, bought by direct award after a saved search (lots 1 to 3), and further competition for cloud support (lot 4).",
    regulation: "PCR2015",
    type: "closed-framework",
    startDate: "2024-10-29",
    endDate: "2026-10-28",
    verified: true,
    sourceUrl: sourceUrl("RM1557.14"),
    notes:
      "Began 29 October 2024. Lots 1 to 3 were extended from 28 April 2026 to 28 October 2026 and are now expired for new call-offs. Lot 4 was extended separately, also to 28 October 2026 (Contracts Finder extension notice seen only through a secondary source: unverified). Call-off length of 36 months plus one 12-month extension on lots 1 to 3 corroborated (PublicTechnology, 29 July 2025, and the Contracts Finder extension notices). Unverified: lot 4's call-off length (not recorded). Replaced by G-Cloud 15.",
    lots: [
      {
        number: "1",
        name: "Cloud hosting",
        description: "Cloud platforms and infrastructure (IaaS and PaaS).",
        categories: ["cloud-hosting"],
        securityAboveOfficial: false,
        verified: true,
        routes: [gCloudDirectAward],
      },
      {
        number: "2",
        name: "Cloud software",
        description: "Cloud software applications (SaaS).",
        categories: ["cloud-software"],
        securityAboveOfficial: false,
        verified: true,
        routes: [gCloudDirectAward],
      },
      {
        number: "3",
        name: "Cloud support",
        description: "Services that help buyers set up and run cloud hosting and software.",
        categories: ["cloud-support"],
        securityAboveOfficial: false,
        verified: true,
        routes: [gCloudDirectAward],
      },
      {
        number: "4",
        name: "Further competition for cloud support",
        description:
          "Cloud support bought by further competition: planning, setup and migration, security, quality assurance and performance testing, training and ongoing support.",
        categories: ["cloud-support"],
        securityAboveOfficial: false,
        endDate: "2026-10-28",
        verified: false,
        routes: [furtherCompetitionUnverified],
      },
    ],
  },
  {
    number: "RM1557.15",
    slug: slugFor("RM1557.15"),
    name: "G-Cloud 15",
    shortName: "G-Cloud 15",
    description:
      "Cloud hosting (including above OFFICIAL), cloud software and cloud support. Replaces G-Cloud 14 (including its lot 4) and Cloud Compute 2; every lot allows call-offs with and without competition.",
    regulation: "PA2023",
    type: "open-framework",
    startDate: "2026-09-17",
    endDate: "2030-09-16",
    verified: false,
    sourceUrl: sourceUrl("RM1557.15"),
    notes:
      "Unverified: start and end dates are the estimates in the G-Cloud 15 tender notice on Find a Tender (17 September 2026 to 16 September 2030, 'September 2026 to September 2030'); lot names are taken from the tender notice and a secondary summary; direct award and further competition on every lot is as the tender notice describes; call-off length (corrected 1 December 2026, two independent sources agree): up to 8 years on lots 1a and 1b (5 years plus optional 12-month extensions up to 3 more) and up to 6 years on lots 2a, 2b and 3 (Local Government Lawyer, Sharpe Pritchard, 'G-Cloud 14 to G-Cloud 15 - What is changing?'; Computer Weekly, 'UK government's G-Cloud 15 framework: everything you need to know'). An open framework (Procurement Act 2023 s49): successive framework terms of 18 + 18 + 12 months, re-opening to new suppliers about March 2028.",
    lots: [
      {
        number: "1a",
        name: "Cloud hosting (IaaS and PaaS)",
        description: "Core infrastructure and platform as a service subscriptions.",
        categories: ["cloud-hosting"],
        securityAboveOfficial: false,
        verified: false,
        routes: gCloud15Routes(G_CLOUD_15_HOSTING_MAX_MONTHS),
      },
      {
        number: "1b",
        name: "Cloud hosting above OFFICIAL",
        description: "Lot 1 services delivered above the OFFICIAL security classification.",
        categories: ["cloud-hosting"],
        securityAboveOfficial: true,
        verified: false,
        routes: gCloud15Routes(G_CLOUD_15_HOSTING_MAX_MONTHS),
      },
      {
        number: "2a",
        name: "Infrastructure software as a service",
        description: "Infrastructure SaaS.",
        categories: ["cloud-software"],
        securityAboveOfficial: false,
        verified: false,
        routes: gCloud15Routes(G_CLOUD_15_OTHER_MAX_MONTHS),
      },
      {
        number: "2b",
        name: "General software as a service",
        description: "Application and general SaaS.",
        categories: ["cloud-software"],
        securityAboveOfficial: false,
        verified: false,
        routes: gCloud15Routes(G_CLOUD_15_OTHER_MAX_MONTHS),
      },
      {
        number: "3",
        name: "Cloud support",
        description: "Services that help buyers plan, migrate to, secure and run cloud services.",
        categories: ["cloud-support"],
        securityAboveOfficial: false,
        verified: false,
        routes: gCloud15Routes(G_CLOUD_15_OTHER_MAX_MONTHS),
      },
    ],
  },
  {
    number: "RM1043.9",
    slug: slugFor("RM1043.9"),
    name: "Digital Outcomes and Specialists 7",
    shortName: "DOS 7",
    description:
      "Digital, data and technology outcomes, delivery partners, specialists and user research, delivered to the Government Service Standard. Replaces Digital Outcomes 6 and Digital Specialists and Programmes.",
    regulation: "PA2023",
    type: "open-framework",
    startDate: "2026-01-30",
    endDate: null,
    verified: false,
    sourceUrl: sourceUrl("RM1043.9"),
    notes:
      "Live from 30 January 2026; the replacement for DOS 6 and RM6263 for new work from 1 April 2026. Unverified: end date not confirmed (left empty: a 2025 planning notice described a six-year term, a later award summary an extension to 2029); open-framework type (follows from a term over 4 years); the names of lots 1, 3 and 4 (from a supplier's summary); call-off methods (further competition assumed for every lot, direct award not recorded) and call-off lengths (not recorded).",
    lots: [
      {
        number: "1",
        name: "Digital outcomes",
        description: "Teams that deliver a defined digital service or product.",
        categories: ["digital-outcomes"],
        securityAboveOfficial: false,
        verified: false,
        routes: [furtherCompetitionUnverified],
      },
      {
        number: "2",
        name: "Digital Capability & Delivery Partners",
        description: "Longer-term partners for transformation programmes and building in-house capability.",
        categories: ["digital-outcomes"],
        securityAboveOfficial: false,
        verified: true,
        routes: [furtherCompetitionUnverified],
      },
      {
        number: "3",
        name: "Digital specialists",
        description: "Individual digital, data and technology specialists for a defined piece of work.",
        categories: ["specialists"],
        securityAboveOfficial: false,
        verified: false,
        routes: [furtherCompetitionUnverified],
      },
      {
        number: "4",
        name: "User research",
        description: "User research services.",
        categories: ["other"],
        securityAboveOfficial: false,
        verified: false,
        routes: [furtherCompetitionUnverified],
      },
    ],
  },
  {
    number: "RM1043.8",
    slug: slugFor("RM1043.8"),
    name: "Digital Outcomes 6",
    shortName: "DOS 6",
    description:
      "Agile digital outcomes, user research studios and user research participants. Ran alongside Digital Specialists and Programmes (RM6263).",
    regulation: "PCR2015",
    type: "closed-framework",
    startDate: "2022-06-28",
    endDate: "2026-06-27",
    verified: true,
    sourceUrl: sourceUrl("RM1043.8"),
    notes:
      "Began 28 June 2022 (CCS agreement page). Originally to end 27 June 2025; extended to 27 June 2026, so now expired and kept for history only. Unverified: call-off methods per lot (further competition for lots 1 and 3, direct award for studios in lot 2) and call-off lengths (not recorded).",
    lots: [
      {
        number: "1",
        name: "Digital outcomes",
        description: "Teams that design, build and support digital services using an agile approach.",
        categories: ["digital-outcomes"],
        securityAboveOfficial: false,
        verified: true,
        routes: [furtherCompetitionUnverified],
      },
      {
        number: "2",
        name: "User research studios",
        description: "Studio space to carry out user research.",
        categories: ["other"],
        securityAboveOfficial: false,
        verified: true,
        routes: [directAwardUnverified],
      },
      {
        number: "3",
        name: "User research participants",
        description: "Recruiting people to take part in user research.",
        categories: ["other"],
        securityAboveOfficial: false,
        verified: true,
        routes: [furtherCompetitionUnverified],
      },
    ],
  },
  {
    number: "RM6263",
    slug: slugFor("RM6263"),
    name: "Digital Specialists and Programmes",
    shortName: "DSP",
    description: "Digital, data and technology specialists, and end-to-end digital transformation programmes.",
    regulation: "PCR2015",
    type: "closed-framework",
    startDate: "2022-03-21",
    endDate: "2026-05-30",
    verified: false,
    sourceUrl: sourceUrl("RM6263"),
    notes:
      "Began in 2022; the exact start date (21 March 2022) is from a secondary source and unverified. Extended to 30 May 2026, so now expired and kept for history; DOS 7 replaces it for new work from 1 April 2026. Unverified: call-off methods (further competition on both lots, direct award on lot 2, from a supplier's guide) and call-off lengths (not recorded).",
    lots: [
      {
        number: "1",
        name: "Digital programmes",
        description: "End-to-end digital transformation programmes.",
        categories: ["digital-outcomes"],
        securityAboveOfficial: false,
        verified: true,
        routes: [furtherCompetitionUnverified],
      },
      {
        number: "2",
        name: "Digital specialists",
        description: "Digital, data and technology specialist roles.",
        categories: ["specialists"],
        securityAboveOfficial: false,
        verified: true,
        routes: [furtherCompetitionUnverified, directAwardUnverified],
      },
    ],
  },
  {
    number: "RM6285",
    slug: slugFor("RM6285"),
    name: "Back Office Software 2",
    shortName: "Back Office Software 2",
    description:
      "Back office software and its support direct from software vendors: enterprise resource planning, HR and payroll, finance, procurement, CRM, workflow, content services and integration.",
    regulation: "PCR2015",
    type: "closed-framework",
    startDate: "2025-01-21",
    endDate: "2029-01-20",
    verified: true,
    sourceUrl: sourceUrl("RM6285"),
    notes:
      "Runs 21 January 2025 to 20 January 2029; the contract notice describes an initial 30 months with an option to extend by 18 months, so the end date assumes the extension. Both lots allow direct award or further competition. Unverified: lot numbering (1 Enterprise software, 2 Specialised software solutions, inferred from the order the lots are listed); call-off lengths (not recorded).",
    lots: [
      {
        number: "1",
        name: "Enterprise software",
        description: "Enterprise back office software and its support and maintenance.",
        categories: ["back-office-software"],
        securityAboveOfficial: false,
        verified: false,
        routes: [
          { method: "direct-award", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: true },
          { method: "further-competition", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: true },
        ],
      },
      {
        number: "2",
        name: "Specialised software solutions",
        description: "Lower-value, innovative back office software solutions, with entry standards set to encourage SMEs.",
        categories: ["back-office-software"],
        securityAboveOfficial: false,
        verified: false,
        routes: [
          { method: "direct-award", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: true },
          { method: "further-competition", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: true },
        ],
      },
    ],
  },
  {
    number: "RM6098",
    slug: slugFor("RM6098"),
    name: "Technology Products & Associated Services 2",
    shortName: "TePAS 2",
    description: "Technology products and associated services.",
    regulation: "PCR2015",
    type: "closed-framework",
    startDate: null,
    endDate: null,
    verified: false,
    sourceUrl: sourceUrl("RM6098"),
    notes:
      "Unverified: the agreement number RM6098 (one 2026 contract notice calls RM6098 'Technology Services 3'), the agreement type, its dates and its lots. No dates or lots are seeded, so the buying-route guide never offers it. Confirm with the Government Commercial Agency.",
    lots: [],
  },
  {
    number: "RM6292",
    slug: slugFor("RM6292"),
    name: "Cloud Compute 2",
    shortName: "Cloud Compute 2",
    description: "Public cloud compute, directly from core cloud providers or through resellers, with related professional services.",
    regulation: "PCR2015",
    type: "closed-framework",
    startDate: null,
    endDate: null,
    verified: false,
    sourceUrl: sourceUrl("RM6292"),
    notes:
      "Unverified: the agreement number RM6292, the agreement type, its dates and its lots. The G-Cloud 15 tender notice says G-Cloud 15 replaces Cloud Compute 2, so cloud compute is now bought through G-Cloud 15. No dates or lots are seeded, so the buying-route guide never offers it.",
    lots: [],
  },
];
