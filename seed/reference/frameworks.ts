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

export type Regulation = "PA2023" | "PCR2015" | "PCSR2015";
export type AgreementType = "open-framework" | "closed-framework" | "dynamic-market" | "dps";
export type BuyingCategory =
  | "cloud-hosting"
  | "cloud-software"
  | "cloud-support"
  | "digital-outcomes"
  | "specialists"
  | "technology-products"
  | "technology-services"
  | "network-services"
  | "back-office-software"
  | "other";
export type BuyingMethod = "direct-award" | "further-competition";

export interface SourceRef {
  title: string;
  url: string;
}

/**
 * The groups of facts every agreement records, each with its own sources and verified flag
 * (issue 19): identity (number and name), owner, dates, lots; and where known regulation,
 * eligibility, call-off routes and lengths, framework terms and lineage (replaced by / replaces).
 */
export const REQUIRED_FACT_GROUPS = ["identity", "owner", "dates", "lots"] as const;
export type FactGroup = (typeof REQUIRED_FACT_GROUPS)[number] | "regulation" | "eligibility" | "callOff" | "terms" | "lineage";

export interface FactSeed {
  group: FactGroup;
  /** True only where the owner's page, a Find a Tender / Contracts Finder notice or legislation states it. */
  verified: boolean;
  sources: SourceRef[];
  /** What the sources say, including where they disagree or what they leave out. */
  note: string;
}

/** A framework term of an open framework (Procurement Act 2023 s49). Suppliers' awards belong to a term. */
export interface AgreementTermSeed {
  number: number;
  startDate: string;
  endDate: string;
  /** The framework re-opens to new suppliers (and re-pricing) at the start of this term. */
  reopens: boolean;
  verified: boolean;
  sourceUrl: string;
  note: string;
}

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
  /** Empty when the sources do not say how the lot is called off: the guide never offers such a lot. */
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
  /** The Government Commercial Agency, or the public buying organisation that runs it. */
  owner: string;
  /** Who may use it, as the sources say ("" = not recorded). */
  eligibility: string;
  facts: FactSeed[];
  /** Numbers of the agreements that replaced this one (the reverse link is derived). */
  replacedBy: string[];
  terms: AgreementTermSeed[];
  lots: LotSeed[];
}

const slugFor = (number: string) =>
  number
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const GCA = "Government Commercial Agency (formerly Crown Commercial Service)";
const fact = (group: FactGroup, verified: boolean, sources: SourceRef[], note: string): FactSeed => ({ group, verified, sources, note });
const MIRROR_NOTE =
  "Read through a third-party copy (D3 Tenders or BidAtlas) of the official notice, so unverified until the notice itself is checked.";

// Sources (every URL was returned by the search tool; see /tmp/research-13-nations.md and research-19).
const S = {
  gc12Notice: {
    title: "D3 Tenders copy of the Contracts Finder record: G-Cloud 12 (RM1557.12)",
    url: "https://d3tenders.com/contract/?ocid=ocds-b5fd17-e521702e-c608-4dcd-9913-7ff704e44cf6",
  },
  gc12Ocds: {
    title: "D3 Tenders OCDS copy: G-Cloud 12 (RM1557.12)",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-b5fd17-e521702e-c608-4dcd-9913-7ff704e44cf6",
  },
  eversheds: {
    title: "Eversheds Sutherland: Launch of G-Cloud 13",
    url: "https://www.eversheds-sutherland.com/global/en/what/articles/index.page?ArticleID=en/Infrastructure/Milestone_procurement_two",
  },
  govBusinessGc13: {
    title: "Government Business: How to use G-Cloud 13",
    url: "https://www.governmentbusiness.co.uk/features/how-use-g-cloud-13",
  },
  gc13Ocds: {
    title: "D3 Tenders OCDS copy: G-Cloud 13 (RM1557.13 Lots 1-3)",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-b5fd17-f561dc37-ca80-49e4-9cb1-d0f8b59afa37",
  },
  gc13L4: {
    title: "CCS agreement page: G-Cloud 13 Lot 4 (RM1557.13L4, expired)",
    url: "https://www.crowncommercial.gov.uk/agreements/RM1557.13L4",
  },
  gc14Lots13Extension: {
    title: "Contracts Finder: G-Cloud 14 Lots 1-3 extension",
    url: "https://www.contractsfinder.service.gov.uk/Notice/47ee381e-cc03-4b46-8fa8-6bd93dc1858e",
  },
  gc14Lot4Extension: {
    title: "Contracts Finder: G-Cloud 14 Lot 4 extension",
    url: "https://www.contractsfinder.service.gov.uk/Notice/3d4a5497-1290-40fd-95e2-29fe01660abe",
  },
  gc14Lots13Copy: {
    title: "D3 Tenders copy of the G-Cloud 14 Lots 1-3 extension notice",
    url: "https://d3tenders.com/contract/?ocid=ocds-b5fd17-089071a7-26c2-492f-b4a9-e0a689a5f882",
  },
  publicTechGc14: {
    title: "PublicTechnology, 29 July 2025: G-Cloud 14 extended to October 2026",
    url: "https://www.publictechnology.net/2025/07/29/business-and-industry/g-cloud-14-extended-to-october-2026-to-give-time-to-prep-replacement/",
  },
  gc15Notice: {
    title: "Find a Tender 067801-2025: G-Cloud 15 tender notice",
    url: "https://www.find-tender.service.gov.uk/Notice/067801-2025",
  },
  gc15Copy: {
    title: "D3 Tenders copy of the G-Cloud 15 tender notice (lot information)",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-0504a3",
  },
  lglGc15: {
    title: "Local Government Lawyer (Sharpe Pritchard): G-Cloud 14 to G-Cloud 15 - What is changing?",
    url: "https://www.localgovernmentlawyer.co.uk/sharpeedge/809-sharpeedge-procurement/99594-g-cloud-14-to-g-cloud-15-what-is-changing",
  },
  burgesGc15: {
    title: "Burges Salmon: G-Cloud 15 (G15) framework: key changes",
    url: "https://www.burges-salmon.com/articles/102lzf5/g-cloud-15-g15-framework-key-changes-for-uk-public-sector-cloud-suppliers",
  },
  cwGc15: {
    title: "Computer Weekly: UK government's G-Cloud 15 framework: everything you need to know",
    url: "https://www.computerweekly.com/feature/UK-governments-G-Cloud-15-framework-Everything-you-need-to-know",
  },
  dos5: {
    title: "CCS agreement page: Digital Outcomes & Specialists 5 (RM1043.7)",
    url: "https://www.crowncommercial.gov.uk/agreements/RM1043.7",
  },
  dos6: { title: "CCS agreement page: Digital Outcomes 6 (RM1043.8)", url: "https://www.crowncommercial.gov.uk/agreements/RM1043.8" },
  publicTechDec2024: {
    title: "PublicTechnology, 18 December 2024: CCS extends multibillion-pound digital frameworks",
    url: "https://www.publictechnology.net/2024/12/18/business-and-industry/ccs-extends-multibillion-pound-digital-frameworks-after-delay-to-new-procurement-rules/",
  },
  publicTechDos7: {
    title: "PublicTechnology, 7 April 2025: CCS previews DOS 7 with six-year term",
    url: "https://www.publictechnology.net/2025/04/07/business-and-industry/ccs-previews-digital-and-outcomes-specialists-7-framework-with-six-year-term-and-14-4bn-value/",
  },
  gcaRm6263: {
    title: "GCA framework page: Digital Specialists and Programmes (RM6263)",
    url: "https://webprod-cms.gca.gov.uk/news/frameworks/rm6263-digital-specialists-and-programmes-2/",
  },
  adviceCloudDos: {
    title: "Advice Cloud: Ultimate guide to Digital Outcomes and Specialists",
    url: "https://advice-cloud.co.uk/knowledge-hub/ultimate-guide-digital-outcomes-specialists/",
  },
  gendDos7: { title: "Generation Digital: DOS 7 guide", url: "https://www.gend.co/fr/blog/dos7-digital-outcomes-specialists-guide" },
  dos7Copy: {
    title: "D3 Tenders copy of the Find a Tender record: Digital Outcomes and Specialists 7",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-04fb0d",
  },
  bos2Award: {
    title: "D3 Tenders copy of the Contracts Finder award: Back Office Software 2",
    url: "https://d3tenders.com/contract/?ocid=ocds-b5fd17-38fcffec-7067-4bf4-87eb-52584453365f",
  },
  bos2Lots: {
    title: "D3 Tenders copy of the Find a Tender award: Back Office Software 2 (lot information)",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-042889",
  },
  tepasBlog: {
    title: "Tech blog: UK government doubles end-user tech framework (TePAS 3)",
    url: "https://tech-blog.linkstest.com/uk-government-doubles-end-user-tech-framework-to-24bn-in-six-months",
  },
  nesoRm6098: {
    title: "D3 Tenders OCDS: NESO call-off 'RM6098 Technology Services 3 Project Management Tool'",
    url: "https://d3tenders.com/contract/ocds-b5fd17-e20d8c4e-f25a-413e-94dd-67fdedf69f1f.json",
  },
  cc2Award: {
    title: "D3 Tenders copy of the Contracts Finder award: Cloud Compute 2",
    url: "https://d3tenders.com/contract/?ocid=ocds-b5fd17-7306c227-84b3-460f-bb5f-cb08bccaae2a",
  },
  cc1Tender: {
    title: "D3 Tenders OCDS: Cloud Compute (tender id RM6111)",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-b5fd17-f508b905-3817-4a8c-8b7c-1258e7136870",
  },
  ts3Lots: {
    title: "D3 Tenders copy: Technology Services 3 Lot 3b, 3c & 3d",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-02c3da",
  },
  ts3Modification: {
    title: "D3 Tenders OCDS: RM 6100 modification, Technology Services 3 - Lots 3a, 3b, 3c, 3d & 4",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-b5fd17-a65df030-816b-438d-8788-86579b6a8bf2",
  },
  ts4Copy: {
    title: "D3 Tenders copy of Find a Tender: Technology Services 4",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-04eac3",
  },
  ts4BidAtlas: { title: "BidAtlas: Technology Services 4 (Find a Tender 001978-2026)", url: "https://bidatlas.co.uk/tenders/001978-2026" },
  ts4FtsRecord: {
    title: "Find a Tender OCDS record ocds-h6vhtk-04eac3: award and contract release 001978-2026 (Cabinet Office, 9 January 2026)",
    url: "https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages/ocds-h6vhtk-04eac3",
  },
  ts4FtsTender: {
    title: "Find a Tender OCDS release 011531-2025 (ocid ocds-h6vhtk-04eac3): tender notice, 27 March 2025",
    url: "https://www.find-tender.service.gov.uk/Notice/011531-2025/OCDS/ReleasePackage",
  },
  ts3Lot1CallOff: {
    title: "D3 Tenders OCDS: PDSCN-258-2023 'Design Report Resource' (a buyer's direct call-off under Technology Services 3 lot 1)",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-03c3d8",
  },
  ns3CallOff: {
    title: "D3 Tenders OCDS: PB2024-01589 Telephony via RM6116 CCS Framework (a buyer's call-off notice)",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-02ed16",
  },
  ns4Planning: {
    title: "D3 Tenders OCDS: Network Services 4 planning notices",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-0504a6",
  },
  vasEngagement: {
    title: "D3 Tenders OCDS: CCS market engagement for Vertical Application Solutions (RM6259)",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-030693",
  },
  dalas: {
    title: "D3 Tenders copy: Digital and Legacy Application Services (DALAS) RM6335",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-035b5a",
  },
  espo383Cdn: {
    title: "Find a Tender 010996-2026: ESPO 383_25 Managed Learning Services, contract details notice",
    url: "https://www.find-tender.service.gov.uk/Notice/010996-2026",
  },
  espo383Tender: {
    title: "Find a Tender 051022-2025: ESPO 383_25 Managed Learning Services, tender notice",
    url: "https://www.find-tender.service.gov.uk/Notice/051022-2025",
  },
  ypo001126: {
    title: "D3 Tenders copy: YPO 001126 Cloud Services, Data Centre Management and Transformation Solutions",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-0330f6",
  },
  ypo001126Ocds: {
    title: "D3 Tenders OCDS: YPO 001126 (tender record)",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-0330f6",
  },
  ypo1223: {
    title: "Copy of Find a Tender 022247-2026: YPO ICT Managed Services & Digital Transformation Solutions (1223)",
    url: "https://cfe65yyv2qng4jtpckaz2x5rz40rajcb.lambda-url.eu-west-1.on.aws/tenders/022247-2026",
  },
  ypo1223Copy: {
    title: "D3 Tenders copy of Find a Tender: YPO ICT Managed Services & Digital Transformation Solutions (1223)",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-060615",
  },
  ypoSas2: {
    title: "D3 Tenders copy of Find a Tender: YPO Software Application Solutions 2",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-05695b",
  },
  cpcHardware: {
    title: "D3 Tenders copy: CPC ICT Hardware & Peripherals Equipment Framework Agreement",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-04258d",
  },
  cpcSoftware: {
    title: "D3 Tenders copy of Find a Tender: CPC/RB/01/2025 Software Licences & Associated Services for Academies and Schools",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-06125a",
  },
  kcsManaged: {
    title: "D3 Tenders copy: Kent County Council (t/a KCS) Managed Services - Y20023",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-02cb5b",
  },
  kcsBusiness: {
    title: "D3 Tenders OCDS: KCS Supply of Business Support Services Y25005",
    url: "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-04db96",
  },
  sgTpiGuide: {
    title: "gov.scot: Technology peripherals and infrastructure framework lot 2 (SP-21-012) buyer's guide",
    url: "https://gov.scot/publications/procurement-ict-products-technology-peripherals-and-infrastructure-framework-lot-2-sp-21-012/pages/guidance-information",
  },
  sgTpiCopy: {
    title: "D3 Tenders copy: Scottish Government Technology Peripherals and Infrastructure Framework Agreement",
    url: "https://d3tenders.com/contract/?ocid=ocds-r6ebe6-0000669177",
  },
  sgVar: {
    title: "D3 Tenders copy: Scottish Government National Framework for Software Value Added Reseller Services (SP-21-034)",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-02d28a",
  },
  sgDtcs: {
    title: "D3 Tenders copy: call-off via the Scottish Government Digital Technology and Cyber Services DPS",
    url: "https://d3tenders.com/contract/?ocid=ocds-h6vhtk-037f60",
  },
} as const satisfies Record<string, SourceRef>;

/** G-Cloud 14 call-off: initial term up to 36 months plus one extension of up to 12 (corroborated, see G_CLOUD_14_SOURCE). */
const G_CLOUD_CALL_OFF_MONTHS = 36 + 12;
/** PublicTechnology, 29 July 2025, with the Contracts Finder extension notices for lots 1-3 and lot 4. */
const G_CLOUD_14_SOURCE = S.publicTechGc14.url;

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
 * Two independent secondary sources agree: Local Government Lawyer (Sharpe Pritchard) and Computer Weekly;
 * the Find a Tender notice was not read for it, so the routes stay unverified.
 */
export const G_CLOUD_15_CALL_OFF_SOURCES = [S.lglGc15.url, S.cwGc15.url] as const;
export const G_CLOUD_15_HOSTING_MAX_MONTHS = 96;
export const G_CLOUD_15_OTHER_MAX_MONTHS = 72;
const gCloud15Routes = (maxContractMonths: number): RouteSeed[] =>
  (["direct-award", "further-competition"] as const).map((method) => ({
    method,
    minValuePence: null,
    maxValuePence: null,
    maxContractMonths,
    verified: false,
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
/** Historic call-off routes (expired agreements are never offered; kept so case studies can name the route). */
const historicRoute = (method: BuyingMethod, maxContractMonths: number | null, verified: boolean, sourceUrl: string): RouteSeed => ({
  method,
  minValuePence: null,
  maxValuePence: null,
  maxContractMonths,
  verified,
  sourceUrl,
});
/** A lot the sources name but whose call-off routes they do not give. */
const lotWithoutRoutes = (number: string, name: string, description: string, categories: BuyingCategory[] = []): LotSeed => ({
  number,
  name,
  description,
  categories,
  securityAboveOfficial: false,
  verified: false,
  routes: [],
});

// ───────────────────────── live and recent GCA agreements (the guide's routes) ─────────────────────────

const gCloud14: AgreementSeed = {
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
  sourceUrl: S.gc14Lots13Extension.url,
  notes:
    "Began 29 October 2024. Lots 1 to 3 and lot 4 were each extended by six months, from 28 April 2026 to 28 October 2026 (Contracts Finder extension notices, read through a copy), so they are now expired for new call-offs. Call-off length of 36 months plus one 12-month extension (48 months) corroborated (PublicTechnology, 29 July 2025; Computer Weekly gives four years). Unverified: the start date (not in the sources read) and lot 4's call-off length (not recorded). Replaced by G-Cloud 15.",
  owner: GCA,
  eligibility: "UK public sector bodies, including central government, NHS bodies, local authorities and universities.",
  facts: [
    fact("identity", true, [S.gc14Lots13Extension, S.gc14Lots13Copy], "The extension notice is titled 'RM1557.14 Lots 1 - 3'."),
    fact(
      "owner",
      true,
      [S.gc14Lots13Extension],
      "Crown Commercial Service as the contracting authority; the Government Commercial Agency since 1 April 2026.",
    ),
    fact(
      "dates",
      true,
      [S.gc14Lots13Extension, S.gc14Lot4Extension, S.publicTechGc14],
      "Lots 1 to 3 and lot 4 extended for 6 months from 28 April 2026 to 28 October 2026. The 29 October 2024 start date is not in these sources.",
    ),
    fact(
      "lots",
      true,
      [S.gc14Lots13Copy, S.gc14Lot4Extension],
      "Lots 1 to 3 (hosting, software, support) and lot 4, further competition for cloud support.",
    ),
    fact(
      "callOff",
      true,
      [S.publicTechGc14, S.cwGc15],
      "Up to 36 months plus one extension of up to 12 (four years in all, per Computer Weekly).",
    ),
    fact(
      "eligibility",
      false,
      [S.gc14Lots13Copy],
      "UK public sector bodies named in the contract notice, including local authorities. " + MIRROR_NOTE,
    ),
    fact(
      "lineage",
      false,
      [S.gc15Copy, S.govBusinessGc13],
      "Follows G-Cloud 13; the G-Cloud 15 tender notice says G-Cloud 15 replaces G-Cloud 14 and its lot 4.",
    ),
  ],
  replacedBy: ["RM1557.15"],
  terms: [],
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
      verified: true,
      routes: [furtherCompetitionUnverified],
    },
  ],
};

/** G-Cloud 15's framework terms: 18 + 18 + 12 months from 17 September 2026 (Burges Salmon; Local Government Lawyer). */
const G_CLOUD_15_TERMS: AgreementTermSeed[] = [
  {
    number: 1,
    startDate: "2026-09-17",
    endDate: "2028-03-16",
    reopens: false,
    verified: false,
    sourceUrl: S.burgesGc15.url,
    note: "First framework term, 18 months. Suppliers admitted at award belong to this term.",
  },
  {
    number: 2,
    startDate: "2028-03-17",
    endDate: "2029-09-16",
    reopens: true,
    verified: false,
    sourceUrl: S.burgesGc15.url,
    note: "Second term, 18 months: the framework re-opens to new suppliers and re-pricing (about March 2028).",
  },
  {
    number: 3,
    startDate: "2029-09-17",
    endDate: "2030-09-16",
    reopens: true,
    verified: false,
    sourceUrl: S.lglGc15.url,
    note: "Third and last term, 12 months.",
  },
];

const gCloud15: AgreementSeed = {
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
  sourceUrl: S.gc15Notice.url,
  notes:
    "Find a Tender notice 067801-2025 establishes an open framework, estimated 17 September 2026 to 16 September 2030 (unverified: estimated dates, and no source yet confirms it went live); every lot allows call-offs with and without competition. Call-off length (corrected 1 December 2026, two secondary sources agree, unverified): up to 8 years on lots 1a and 1b (5 years plus optional 12-month extensions up to 3 more) and up to 6 years on lots 2a, 2b and 3. An open framework (Procurement Act 2023 s49) with framework terms of 18 + 18 + 12 months, re-opening to new suppliers about March 2028 (secondary, unverified); a supplier's award belongs to the term it was admitted in. Lot names 2a, 2b and 3 are from secondary sources.",
  owner: GCA,
  eligibility: "UK public sector bodies, including local authorities.",
  facts: [
    fact("identity", true, [S.gc15Notice], "G-Cloud 15, RM1557.15."),
    fact("owner", true, [S.gc15Notice], "Published by Crown Commercial Service (now the Government Commercial Agency)."),
    fact(
      "dates",
      true,
      [S.gc15Notice],
      "'Contract dates (estimated) - 17 September 2026 to 16 September 2030 - 4 years'. An earlier planning notice (049176-2025) gave 20 July 2026 to 19 July 2030 and is superseded. No source read confirms the framework went live.",
    ),
    fact(
      "lots",
      false,
      [S.gc15Copy, S.lglGc15],
      "Lots 1a and 1b (above OFFICIAL) are in the copy of the notice's lot information; 2a, 2b and 3 come from secondary sources. Lot 4 is discontinued.",
    ),
    fact(
      "callOff",
      false,
      [S.lglGc15, S.cwGc15, S.gc15Notice],
      "The notice allows call-off with and without competition in all lots. Maximum call-off: lots 1a and 1b 8 years (5 years plus 12-month extensions up to 3 years), other lots 6 years (secondary sources).",
    ),
    fact("regulation", true, [S.gc15Notice], "'Establishes an open framework': a Procurement Act 2023 commercial tool."),
    fact(
      "terms",
      false,
      [S.burgesGc15, S.lglGc15],
      "Three framework terms: 18 months + 18 months + 12 months, re-opening after 18 months.",
    ),
    fact("lineage", false, [S.gc15Copy], "Replaces G-Cloud 14, G-Cloud 14 lot 4 and Cloud Compute 2 (per the copy of the tender notice)."),
  ],
  replacedBy: [],
  terms: G_CLOUD_15_TERMS,
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
};

const dos7: AgreementSeed = {
  number: "RM1043.9",
  slug: slugFor("RM1043.9"),
  name: "Digital Outcomes and Specialists 7",
  shortName: "DOS 7",
  description:
    "Digital, data and technology outcomes, delivery partners, specialists and user research, delivered to the Government Service Standard. Replaces Digital Outcomes 6 and Digital Specialists and Programmes.",
  regulation: "PA2023",
  type: "open-framework",
  startDate: "2026-01-30",
  endDate: "2032-01-29",
  verified: false,
  sourceUrl: S.gcaRm6263.url,
  notes:
    "The Government Commercial Agency says DOS 7 is live and replaced Digital Specialists and Programmes for new work from 1 April 2026. Unverified (secondary sources only): the dates 30 January 2026 to 29 January 2032 (a six-year open framework); the first framework term (18 months, with a possible 18 more 'until 2029', per a copy of the award notice); the lot names (1 Digital Outcomes, 2 Digital Capability & Delivery Partners, 3 Digital Specialists, 4 User Research); call-off methods (further competition assumed for every lot) and call-off lengths (not recorded).",
  owner: GCA,
  eligibility: "",
  facts: [
    fact(
      "identity",
      true,
      [S.gcaRm6263],
      "'The Digital Outcomes and Specialists 7 agreement is now live which has replaced this agreement' (GCA, 1 April 2026).",
    ),
    fact("owner", true, [S.gcaRm6263], "The Government Commercial Agency."),
    fact(
      "dates",
      false,
      [S.adviceCloudDos, S.publicTechDos7, S.dos7Copy],
      "Advice Cloud: 30 January 2026 to 29 January 2032; PublicTechnology: a six-year term. The award copy records contracts signed on 30 January 2026. Not yet confirmed on the agency's page.",
    ),
    fact(
      "lots",
      false,
      [S.gendDos7, S.adviceCloudDos],
      "1 Digital Outcomes, 2 Digital Capability & Delivery Partners, 3 Digital Specialists, 4 User Research (secondary sources).",
    ),
    fact("callOff", false, [S.gendDos7], "Call-off methods and lengths not found; further competition assumed."),
    fact("terms", false, [S.dos7Copy], "'Initially for 18 months, with a possible extension for an additional 18 months until 2029'."),
    fact("lineage", true, [S.gcaRm6263], "Replaces Digital Specialists and Programmes (RM6263) and, with it, Digital Outcomes 6."),
  ],
  replacedBy: [],
  terms: [
    {
      number: 1,
      startDate: "2026-01-30",
      endDate: "2027-07-29",
      reopens: false,
      verified: false,
      sourceUrl: S.dos7Copy.url,
      note: "First framework term, 18 months (a copy of the award notice). Later terms not confirmed.",
    },
  ],
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
      verified: false,
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
};

const dos6: AgreementSeed = {
  number: "RM1043.8",
  slug: slugFor("RM1043.8"),
  name: "Digital Outcomes 6",
  shortName: "DOS 6",
  description:
    "Agile digital outcomes, user research studios and user research participants. Ran alongside Digital Specialists and Programmes (RM6263).",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: "2022-06-28",
  endDate: "2026-03-31",
  verified: false,
  sourceUrl: S.dos6.url,
  notes:
    "Began 28 June 2022 (CCS agreement page). The CCS page, as stored, shows an end date of 27 June 2025 (extension of 19 October 2023); PublicTechnology (18 December 2024) reports a further nine-month extension to March 2026. Unverified: the end date (the exact day in March 2026 is not known; the last day of the month is recorded). Expired either way and kept for history only. Earlier records of 27 June 2026 were unsupported. Unverified: call-off methods per lot and call-off lengths (not recorded).",
  owner: GCA,
  eligibility: "Central government, charities, education, health, local authorities, blue light services, devolved administrations.",
  facts: [
    fact("identity", true, [S.dos6], "Digital Outcomes 6, RM1043.8."),
    fact("owner", true, [S.dos6], "Crown Commercial Service (now the Government Commercial Agency)."),
    fact(
      "dates",
      false,
      [S.dos6, S.publicTechDec2024],
      "CCS page: start 28/06/2022, end 27/06/2025 (extended 19 October 2023). PublicTechnology, 18 December 2024: extended by nine months so that it 'now runs until March 2026' (day not given).",
    ),
    fact("lots", true, [S.dos6], "Bespoke digital services, studio space for user research, and users to test services (lots 1 to 3)."),
    fact("eligibility", true, [S.dos6], "As listed on the CCS page."),
    fact("lineage", true, [S.dos6, S.gcaRm6263], "With RM6263 it replaced DOS 5 (RM1043.7); DOS 7 replaced both."),
  ],
  replacedBy: ["RM1043.9"],
  terms: [],
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
};

const dsp: AgreementSeed = {
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
  sourceUrl: S.gcaRm6263.url,
  notes:
    "Extended to 7 March 2025, then 7 March 2026, then by 12 weeks to 30 May 2026 (GCA page), so now expired and kept for history; DOS 7 replaces it for new work from 1 April 2026. Unverified: the start date (21 March 2022, from a copy of a notice); call-off methods (further competition on both lots, direct award on lot 2, from a supplier's guide) and call-off lengths (not recorded).",
  owner: GCA,
  eligibility: "",
  facts: [
    fact("identity", true, [S.gcaRm6263], "Digital Specialists and Programmes, RM6263."),
    fact("owner", true, [S.gcaRm6263], "The Government Commercial Agency."),
    fact(
      "dates",
      true,
      [S.gcaRm6263],
      "Extended on 19/10/2023, 04/11/2024 and 09/01/2026 ('for 12 weeks, until 30 May 2026'). The start date is not on the page.",
    ),
    fact("lots", false, [S.gcaRm6263], "Lot 1 programmes and lot 2 specialists; lot numbering not on the page excerpt."),
    fact(
      "lineage",
      true,
      [S.gcaRm6263],
      "'The Digital Outcomes and Specialists 7 agreement is now live which has replaced this agreement.'",
    ),
  ],
  replacedBy: ["RM1043.9"],
  terms: [],
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
};

const bos2: AgreementSeed = {
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
  verified: false,
  sourceUrl: S.bos2Award.url,
  notes:
    "Runs 21 January 2025 to 20 January 2029: an initial 30 months with an option to extend by 18, so the end date assumes the extension (copies of the Contracts Finder and Find a Tender award notices: unverified until the notices are read). Enterprise software allows direct award or further competition. Unverified: the number RM6285 (not shown in the copies read), lot numbering (1 Enterprise software, 2 Specialised software solutions, in the order the lots are listed), the routes on lot 2, call-off lengths (not recorded).",
  owner: GCA,
  eligibility:
    "Central government and all other UK public sector bodies, including local authorities, health, police, fire and rescue, education and devolved administrations.",
  facts: [
    fact("identity", false, [S.bos2Award], "Back Office Software 2; the number RM6285 is not shown in the copies read. " + MIRROR_NOTE),
    fact("owner", false, [S.bos2Lots], "Crown Commercial Service (now the Government Commercial Agency). " + MIRROR_NOTE),
    fact(
      "dates",
      false,
      [S.bos2Award, S.bos2Lots],
      "21 January 2025 to 20 January 2029: 30 months plus an option of 18; 'CCS reserve the right to extend lots by varying durations'.",
    ),
    fact(
      "lots",
      false,
      [S.bos2Lots],
      "Enterprise Software; Specialised Software Solutions (lower-value, innovative, entry standards set to encourage SMEs).",
    ),
    fact(
      "callOff",
      false,
      [S.bos2Lots],
      "Enterprise Software: 'two order procedures including direct award and further competition'. Lot 2's routes and call-off lengths not seen.",
    ),
    fact("eligibility", false, [S.bos2Award], MIRROR_NOTE),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    {
      number: "1",
      name: "Enterprise software",
      description: "Enterprise back office software and its support and maintenance.",
      categories: ["back-office-software"],
      securityAboveOfficial: false,
      verified: false,
      routes: [
        { method: "direct-award", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: false },
        { method: "further-competition", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: false },
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
        { method: "direct-award", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: false },
        { method: "further-competition", minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: false },
      ],
    },
  ],
};

const tepas2: AgreementSeed = {
  number: "RM6098",
  slug: slugFor("RM6098"),
  name: "Technology Products & Associated Services 2",
  shortName: "TePAS 2",
  description: "End-user technology products (hardware and software) and associated services.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.tepasBlog.url,
  notes:
    "Unverified: the agreement number RM6098 (a 2026 buyer's notice calls RM6098 'Technology Services 3'), the agreement type, its dates (one blog says awarded November 2023, expiring October 2027) and its lots. No dates or lots are seeded, so the buying-route guide never offers it. Confirm with the Government Commercial Agency.",
  owner: GCA,
  eligibility: "",
  facts: [
    fact("identity", false, [S.tepasBlog, S.nesoRm6098], "RM6098 is not confirmed as TePAS 2 and a buyer's notice contradicts it."),
    fact("owner", false, [S.tepasBlog], "Crown Commercial Service (now the Government Commercial Agency)."),
    fact("dates", false, [S.tepasBlog], "Reported awarded November 2023, expiring October 2027; TePAS 3 expected July 2027. Not seeded."),
    fact("lots", false, [S.tepasBlog], "Not found."),
    fact("lineage", false, [S.tepasBlog], "TePAS 3 is in the pipeline (number unknown)."),
  ],
  replacedBy: [],
  terms: [],
  lots: [],
};

const cloudCompute2: AgreementSeed = {
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
  sourceUrl: S.cc2Award.url,
  notes:
    "Unverified: the agreement number RM6292, the agreement type, its dates and its lots (the notice says 'multi-Lot' without naming them). The G-Cloud 15 tender notice says G-Cloud 15 replaces Cloud Compute 2, so cloud compute is now bought through G-Cloud 15. No dates or lots are seeded, so the buying-route guide never offers it.",
  owner: GCA,
  eligibility:
    "UK public sector and third sector, including local government, health, education, police, fire and rescue, housing associations and charities.",
  facts: [
    fact("identity", false, [S.cc2Award], "The number RM6292 was not shown in the copy read. " + MIRROR_NOTE),
    fact("owner", false, [S.cc2Award], MIRROR_NOTE),
    fact("dates", false, [S.cc2Award], "Not found."),
    fact("lots", false, [S.cc2Award], "'Multi-Lot'; lot names not in the copy."),
    fact("eligibility", false, [S.cc2Award], MIRROR_NOTE),
    fact("lineage", false, [S.cc1Tender, S.gc15Copy], "Follows Cloud Compute (RM6111); replaced by G-Cloud 15."),
  ],
  replacedBy: ["RM1557.15"],
  terms: [],
  lots: [],
};

// ───────────────────────── earlier generations (history only, never offered) ─────────────────────────

const gCloud12: AgreementSeed = {
  number: "RM1557.12",
  slug: slugFor("RM1557.12"),
  name: "G-Cloud 12",
  shortName: "G-Cloud 12",
  description: "Cloud hosting, cloud software and cloud support, bought through the Digital Marketplace.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: "2020-09-28",
  endDate: "2022-11-27",
  verified: false,
  sourceUrl: S.gc12Notice.url,
  notes:
    "Expired: kept for history (case studies and past awards) and never offered as a route. Unverified: the dates (the notice gives 28 September 2020 to 27 September 2021; Eversheds says it stayed open for call-offs until 27 November 2022), the lot names (the usual G-Cloud structure, inferred) and the call-off length (24 months plus two extensions of up to 12, from a copy of the notice).",
  owner: GCA,
  eligibility:
    "UK public sector bodies, including central government and its arm's length bodies, NHS bodies, local authorities and universities.",
  facts: [
    fact("identity", false, [S.gc12Notice], MIRROR_NOTE),
    fact("owner", false, [S.gc12Notice], MIRROR_NOTE),
    fact(
      "dates",
      false,
      [S.gc12Notice, S.eversheds],
      "Notice: 28 September 2020 to 27 September 2021. Eversheds: open for call-offs until 27 November 2022. The intermediate extension is not confirmed.",
    ),
    fact("lots", false, [S.govBusinessGc13], "Hosting, software and support; lot numbers and names inferred from G-Cloud 13 and 14."),
    fact(
      "callOff",
      false,
      [S.gc12Ocds, S.eversheds],
      "Initial call-off up to 24 months, with two extensions of up to 12 months each (48 months).",
    ),
    fact("regulation", false, [S.gc12Ocds], "The notice cites regulation 72(1)(c) of the Public Contracts Regulations 2015."),
    fact("eligibility", false, [S.gc12Ocds], MIRROR_NOTE),
    fact("lineage", false, [S.eversheds, S.govBusinessGc13], "G-Cloud 13 replaced G-Cloud 12."),
  ],
  replacedBy: ["RM1557.13"],
  terms: [],
  lots: [
    {
      number: "1",
      name: "Cloud hosting",
      description: "Cloud platform or infrastructure services (IaaS and PaaS).",
      categories: ["cloud-hosting"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", 48, false, S.gc12Ocds.url)],
    },
    {
      number: "2",
      name: "Cloud software",
      description: "Cloud software applications (SaaS).",
      categories: ["cloud-software"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", 48, false, S.gc12Ocds.url)],
    },
    {
      number: "3",
      name: "Cloud support",
      description: "Services to help buyers set up and maintain cloud software or hosting.",
      categories: ["cloud-support"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", 48, false, S.gc12Ocds.url)],
    },
  ],
};

const gCloud13: AgreementSeed = {
  number: "RM1557.13",
  slug: slugFor("RM1557.13"),
  name: "G-Cloud 13",
  shortName: "G-Cloud 13",
  description:
    "Cloud hosting, cloud software and cloud support by direct award (lots 1 to 3). Lot 4, further competition for cloud support, is a separate agreement (RM1557.13L4).",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: "2022-11-09",
  endDate: "2024-11-08",
  verified: false,
  sourceUrl: S.gc13Ocds.url,
  notes:
    "Expired: kept for history and never offered as a route. Awarded 6 September 2022 and live from 9 November 2022 (copy of the notice). Unverified: the end date (the initial term ran to 8 November 2023 with up to 12 months' extension; 8 November 2024 is recorded because lot 4 ended then and G-Cloud 14 followed, but no notice read states it), the lot names and the call-off length (36 months plus one extension of up to 12).",
  owner: GCA,
  eligibility: "UK public sector bodies, including central government, NHS bodies, local authorities and universities.",
  facts: [
    fact("identity", false, [S.gc13Ocds], "Record titled 'RM1557.13 (Lots 1-3)'. " + MIRROR_NOTE),
    fact("owner", false, [S.gc13Ocds], MIRROR_NOTE),
    fact(
      "dates",
      false,
      [S.gc13Ocds, S.govBusinessGc13, S.eversheds],
      "Awarded 6 September 2022, live 9 November 2022, initial term to 8 November 2023 with up to 12 months' extension. Final end date not found.",
    ),
    fact("lots", false, [S.gc13Ocds, S.eversheds], "Lots 1 to 3; names follow the usual G-Cloud structure."),
    fact("callOff", false, [S.gc13Ocds, S.eversheds], "Up to 36 months plus one extension of up to 12."),
    fact("regulation", true, [S.gc13L4], "Lot 4's CCS page says 'Regulation: PCR2015'; assumed the same for lots 1 to 3."),
    fact("lineage", false, [S.eversheds, S.publicTechGc14], "Replaced G-Cloud 12; followed by G-Cloud 14."),
  ],
  replacedBy: ["RM1557.14"],
  terms: [],
  lots: [
    {
      number: "1",
      name: "Cloud hosting",
      description: "Cloud platform or infrastructure services.",
      categories: ["cloud-hosting"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", 48, false, S.gc13Ocds.url)],
    },
    {
      number: "2",
      name: "Cloud software",
      description: "Cloud software applications.",
      categories: ["cloud-software"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", 48, false, S.gc13Ocds.url)],
    },
    {
      number: "3",
      name: "Cloud support",
      description: "Cloud support services.",
      categories: ["cloud-support"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", 48, false, S.gc13Ocds.url)],
    },
  ],
};

const gCloud13Lot4: AgreementSeed = {
  number: "RM1557.13L4",
  slug: slugFor("RM1557.13L4"),
  name: "G-Cloud 13 Lot 4",
  shortName: "G-Cloud 13 Lot 4",
  description:
    "Further competition for larger or more complex cloud support: migration planning, set-up and migration, security, quality assurance and performance testing, training and ongoing support. Not for non-cloud services.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: "2022-12-05",
  endDate: "2024-11-08",
  verified: true,
  sourceUrl: S.gc13L4.url,
  notes:
    "Expired: kept for history and never offered as a route. CCS page: 5 December 2022 to 8 November 2024, available from 13 March 2023; call-offs up to 36 months plus one extension of up to 12 (48 in all). Unverified: its succession by G-Cloud 14 lot 4 (PublicTechnology).",
  owner: GCA,
  eligibility:
    "Central government, charities, education, health, local authorities, blue light services, devolved administrations and British overseas territories.",
  facts: [
    fact("identity", true, [S.gc13L4], "Agreement number RM1557.13L4."),
    fact("owner", true, [S.gc13L4], "Crown Commercial Service."),
    fact("dates", true, [S.gc13L4], "Start 05/12/2022, end 08/11/2024; available to use from 13 March 2023."),
    fact("lots", true, [S.gc13L4], "One lot: further competition for cloud support."),
    fact("callOff", true, [S.gc13L4], "Up to 36 months, one extension of up to 12; no more than 48 months in all."),
    fact("regulation", true, [S.gc13L4], "'Regulation: PCR2015', 'Agreement type: PCR15 Framework'."),
    fact("eligibility", true, [S.gc13L4], "As listed on the CCS page."),
    fact("lineage", false, [S.publicTechGc14], "Continued as G-Cloud 14 lot 4."),
  ],
  replacedBy: ["RM1557.14"],
  terms: [],
  lots: [
    {
      number: "4",
      name: "Further competition for cloud support",
      description:
        "Cloud migration planning; set up and migration; security services; quality assurance and performance testing; training; ongoing support.",
      categories: ["cloud-support"],
      securityAboveOfficial: false,
      verified: true,
      routes: [historicRoute("further-competition", 48, true, S.gc13L4.url)],
    },
  ],
};

const dos5: AgreementSeed = {
  number: "RM1043.7",
  slug: slugFor("RM1043.7"),
  name: "Digital Outcomes and Specialists 5",
  shortName: "DOS 5",
  description:
    "Teams or individuals to design, build and support digital services using an agile approach, space for user research and recruiting users to test services. Bought on the Digital Marketplace.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: "2023-04-19",
  verified: false,
  sourceUrl: S.dos5.url,
  notes:
    "Expired: kept for history and never offered as a route. CCS page: extended to 19 January 2023 and then to 19 April 2023; call-offs up to 2 years plus up to 25% (6 months). Unverified: the start date (not on the page, left empty), the regulation (PCR 2015, inferred), the lot numbers (the usual DOS structure).",
  owner: GCA,
  eligibility: "All public sector organisations.",
  facts: [
    fact("identity", true, [S.dos5], "Digital Outcomes and Specialists 5, RM1043.7."),
    fact("owner", true, [S.dos5], "Crown Commercial Service."),
    fact(
      "dates",
      false,
      [S.dos5],
      "Extended on 06/12/2021 to 19 January 2023 and on 28/09/2022 to 19 April 2023 (end date stated on the page). Start date not on the page.",
    ),
    fact("lots", false, [S.dos5], "Outcomes, specialists, user research studios and participants; lot numbers not on the page."),
    fact("callOff", true, [S.dos5], "Call-offs last at most 2 years, with an option to extend by up to 25% (at most 6 months)."),
    fact("eligibility", true, [S.dos5], "All public sector organisations."),
    fact(
      "lineage",
      true,
      [S.dos5, S.dos6],
      "Replaced DOS 4 (RM1043.6); replaced by Digital Outcomes 6 (RM1043.8) and Digital Specialists and Programmes (RM6263).",
    ),
  ],
  replacedBy: ["RM1043.8", "RM6263"],
  terms: [],
  lots: [
    {
      number: "1",
      name: "Digital outcomes",
      description: "Teams to design, build and support a digital service (agile).",
      categories: ["digital-outcomes"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("further-competition", 30, false, S.dos5.url)],
    },
    {
      number: "2",
      name: "Digital specialists",
      description: "Individual specialists for a defined piece of work.",
      categories: ["specialists"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("further-competition", 30, false, S.dos5.url)],
    },
    {
      number: "3",
      name: "User research studios",
      description: "Physical space to carry out user research.",
      categories: ["other"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", 30, false, S.dos5.url)],
    },
    {
      number: "4",
      name: "User research participants",
      description: "Recruiting users with the right characteristics to test a service.",
      categories: ["other"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("further-competition", 30, false, S.dos5.url)],
    },
  ],
};

// ───────────────────────── other GCA technology agreements ─────────────────────────

const ts3: AgreementSeed = {
  number: "RM6100",
  slug: slugFor("RM6100"),
  name: "Technology Services 3",
  shortName: "Technology Services 3",
  description:
    "Technology services: hardware, software and network management and support; data management; enterprise security; service discovery and disaggregation; transition and transformation; technology strategy and service design.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: "2021-06-16",
  endDate: "2026-06-14",
  verified: false,
  sourceUrl: S.ts3Modification.url,
  notes:
    "Unverified (copies of notices only): the dates (16 June 2021 to 14 June 2026; a modification of 10 March 2026 extends lots 3a to 3d and 4, but the new end date was not seen, so the lots are recorded as ending with the agreement); the names and routes of lots 3a to 3d and 4 (not found, so the guide never offers it); lot 1's name and its direct call-off, known only from a buyer's 2023 call-off notice (read through a copy), with no call-off length recorded; the succession by Technology Services 4.",
  owner: GCA,
  eligibility: "UK public sector bodies, including central government, NHS bodies and local authorities.",
  facts: [
    fact("identity", false, [S.ts3Modification], "'RM 6100 modification, Technology Services 3'. " + MIRROR_NOTE),
    fact("owner", false, [S.ts3Lots], MIRROR_NOTE),
    fact(
      "dates",
      false,
      [S.ts3Lots, S.ts3Modification],
      "16 June 2021 to 14 June 2026; lots 3a, 3b, 3c, 3d and 4 extended by a modification of 10 March 2026 (length not seen).",
    ),
    fact(
      "lots",
      false,
      [S.ts3Modification, S.ts3Lots, S.ts3Lot1CallOff],
      "Lot numbers 3a, 3b, 3c, 3d and 4 appear in notice titles; their names and routes not found. A buyer's call-off notice (2023) uses the 'direct call-off option' under lot 1 for technology strategy and service design. Other lots not found.",
    ),
    fact(
      "callOff",
      false,
      [S.ts3Lot1CallOff],
      "Lot 1: a direct call-off, as one buyer's notice describes it; no framework limit on value or length seen. Other lots' routes not found.",
    ),
    fact(
      "regulation",
      false,
      [S.ts3Modification],
      "The modification relies on regulation 72(1)(e) of the Public Contracts Regulations 2015.",
    ),
    fact("eligibility", false, [S.ts3Modification], MIRROR_NOTE),
    fact("lineage", false, [S.ts4Copy], "Technology Services 4 has the same scope; no notice states the succession."),
  ],
  replacedBy: ["TS4"],
  terms: [],
  lots: [
    {
      number: "1",
      name: "Technology Strategy and Service Design",
      description: "Technology strategy advice and support, and service design (as a buyer's call-off notice describes the lot).",
      categories: ["technology-services"],
      securityAboveOfficial: false,
      verified: false,
      routes: [historicRoute("direct-award", null, false, S.ts3Lot1CallOff.url)],
    },
    ...["3a", "3b", "3c", "3d", "4"].map((n) =>
      lotWithoutRoutes(n, `Lot ${n} (name not found)`, "Named only by number in the notices read."),
    ),
  ],
};

/**
 * Technology Services 4 call-offs: a summary of the Find a Tender notice (D3 Tenders copy) says the open framework
 * allows competitive selection and direct awards. The notice's per-lot award method, value limits and maximum
 * call-off length were not seen, so both methods are recorded on each named lot, unverified, with no limits.
 */
const ts4Routes: RouteSeed[] = (["direct-award", "further-competition"] as const).map((method) => ({
  method,
  minValuePence: null,
  maxValuePence: null,
  maxContractMonths: null,
  verified: false,
  sourceUrl: S.ts4Copy.url,
}));
const ts4Lot = (number: string, name: string, description: string): LotSeed => ({
  number,
  name,
  description,
  categories: ["technology-services"],
  securityAboveOfficial: false,
  verified: false,
  routes: ts4Routes,
});

const ts4: AgreementSeed = {
  number: "TS4",
  slug: slugFor("TS4"),
  name: "Technology Services 4",
  shortName: "Technology Services 4",
  description:
    "Technology and digital consultancy, transition and service integration (SIAM), end user services, infrastructure, application and data management, and major technology transformation.",
  regulation: "PA2023",
  type: "open-framework",
  startDate: "2025-12-12",
  endDate: "2028-06-11",
  verified: false,
  sourceUrl: S.ts4FtsRecord.url,
  notes:
    "Unverified: the Find a Tender record was read only as far as its header (award and contract release 001978-2026 of 9 January 2026; tender release 011531-2025 of 27 March 2025 naming Crown Commercial Service); everything else comes from third-party copies of the notice. Unverified in particular: the agreement number (no RM number found: recorded as TS4 until the agency confirms it); the dates (12 December 2025 to 11 June 2028, the first 30-month framework of the scheme, with renewal possible to December 2030); who may use it (the wider UK public sector, per a summary of the notice; whether local authorities are named was not seen); the call-off routes (a summary of the notice says the framework allows both competitive selection and direct awards, so lots 1 to 5a carry both, unverified and with no value limit or longest call-off, because no lot's own method, limits or length were seen: the guide offers them with that warning; confirm a lot's award method before a direct award); lot 6, whose title is cut off in every copy, so the guide does not offer it; the succession from Technology Services 3 (inferred from the scope).",
  owner: GCA,
  eligibility:
    "The UK public sector, as a summary of the notice puts it; the notice's list of bodies that may use it (and whether it names local authorities) was not seen.",
  facts: [
    fact(
      "identity",
      false,
      [S.ts4FtsRecord, S.ts4FtsTender, S.ts4Copy, S.ts4BidAtlas],
      "Find a Tender record ocds-h6vhtk-04eac3: award and contract release 001978-2026 (9 January 2026) and tender release 011531-2025 (27 March 2025). The title 'Technology Services 4' was read in the copies, not in the part of the record read. The RM number was not found: do not guess it.",
    ),
    fact(
      "owner",
      false,
      [S.ts4FtsTender, S.ts4Copy, S.ts4BidAtlas],
      "The Find a Tender tender release names Crown Commercial Service as a party (its role was not in the part read); the copies give it as the buyer. The Government Commercial Agency since 1 April 2026.",
    ),
    fact(
      "dates",
      false,
      [S.ts4BidAtlas, S.ts4Copy],
      "Start 12 December 2025, end 11 June 2028 (first term, 30 months); 'potential renewal to extend up to December 2030'.",
    ),
    fact(
      "lots",
      false,
      [S.ts4BidAtlas, S.ts4Copy],
      "1, 2, 3, 3a, 4, 4a, 5 and 5a (names from the contract titles in the BidAtlas copy; lots 1, 2, 3 and 3a also described in the D3 copy) and 6 (title cut off: 'Major Techno…'). Matrix lots (1.2, 1.3, … 4a.5a) pair two component lots, whose suppliers were added to them automatically; not seeded as separate lots.",
    ),
    fact(
      "eligibility",
      false,
      [S.ts4Copy],
      "'Wide-ranging public sector technology needs' across the UK and several overseas territories (a summary of the notice). The notice's list of bodies that may use it was not seen: check that local authorities are included.",
    ),
    fact(
      "callOff",
      false,
      [S.ts4Copy],
      "A summary of the notice: the open framework 'allows flexibility in competitive selection and direct awards'. Each lot's award method, value limits and maximum call-off length were not seen, so no limits are recorded.",
    ),
    fact("regulation", false, [S.ts4Copy], "'Open framework', 'competitive selection and direct awards': Procurement Act 2023 wording."),
    fact("terms", false, [S.ts4Copy], "'The duration of framework 1 in this scheme is 30 months'."),
    fact("lineage", false, [S.ts4Copy], "Inferred successor of Technology Services 3 (RM6100); no source states the succession."),
  ],
  replacedBy: [],
  terms: [
    {
      number: 1,
      startDate: "2025-12-12",
      endDate: "2028-06-11",
      reopens: false,
      verified: false,
      sourceUrl: S.ts4Copy.url,
      note: "Framework 1 of the scheme, 30 months. Later frameworks (to about December 2030) not confirmed.",
    },
  ],
  lots: [
    ts4Lot("1", "Technology and Digital Consultancy Services", "Technology and digital strategy, service design and other consultancy."),
    ts4Lot(
      "2",
      "Transition & Service Integration and Management (SIAM)",
      "Programme management, service transition, post-transition review, risk and knowledge transfer.",
    ),
    ts4Lot("3", "End User Services", "End user support, end user computing and device management."),
    ts4Lot("3a", "End User Services (lower value and complexity)", "As lot 3, for lower value and complexity."),
    ts4Lot("4", "Infrastructure Management", "Infrastructure management services."),
    ts4Lot("4a", "Infrastructure Management (lower value and complexity)", "As lot 4, for lower value and complexity."),
    ts4Lot("5", "Application and Data Management", "Application and data management services."),
    ts4Lot("5a", "Application and Data Management (lower value and complexity)", "As lot 5, for lower value and complexity."),
    lotWithoutRoutes("6", "Major technology transformation (title cut off in the source)", "Title not confirmed.", ["technology-services"]),
  ],
};

const ns3: AgreementSeed = {
  number: "RM6116",
  slug: slugFor("RM6116"),
  name: "Network Services 3",
  shortName: "Network Services 3",
  description: "Network services, including wide area network and data access connectivity.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.ns3CallOff.url,
  notes:
    "Unverified: known only from a buyer's call-off notice, which names lot 1a and refers to lot 4a; the regulation (PCR 2015, inferred). Dates and routes not found, so the guide never offers it. Network Services 4 is in planning (pipeline and market engagement notices in 2025).",
  owner: GCA,
  eligibility: "",
  facts: [
    fact("identity", false, [S.ns3CallOff], "'Telephony via RM6116 CCS Framework' (a buyer's call-off notice)."),
    fact("owner", false, [S.ns3CallOff], MIRROR_NOTE),
    fact("dates", false, [S.ns3CallOff], "Not found."),
    fact(
      "lots",
      false,
      [S.ns3CallOff],
      "Lot 1a 'Inter site Connectivity (Wide Area Network) / Data Access Services' and a lot 4a; others not found.",
    ),
    fact(
      "lineage",
      false,
      [S.ns4Planning],
      "Network Services 4 in planning (notices 015824-2025, 054670-2025, 082300-2025); number and dates unknown.",
    ),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    lotWithoutRoutes(
      "1a",
      "Inter site Connectivity (Wide Area Network) / Data Access Services",
      "Site-to-site or site-to-cloud connectivity.",
      ["network-services"],
    ),
    lotWithoutRoutes("4a", "Lot 4a (name not found)", "Named only by number in the notice read.", ["network-services"]),
  ],
};

const vas: AgreementSeed = {
  number: "RM6259",
  slug: slugFor("RM6259"),
  name: "Vertical Application Solutions",
  shortName: "Vertical Application Solutions",
  description: "Sector-specific (vertical) software applications.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.vasEngagement.url,
  notes:
    "Unverified: known only from a CCS market engagement notice that points to agreement RM6259 'Vertical Application Solutions'; dates, lots, regulation (PCR 2015 assumed) and routes not found, so the guide never offers it.",
  owner: GCA,
  eligibility: "",
  facts: [
    fact("identity", false, [S.vasEngagement], "The notice refers to agreements/RM6259 for Vertical Application Solutions. " + MIRROR_NOTE),
    fact("owner", false, [S.vasEngagement], "Crown Commercial Service."),
    fact("dates", false, [S.vasEngagement], "Not found."),
    fact("lots", false, [S.vasEngagement], "The notice mentions lots without naming them."),
  ],
  replacedBy: [],
  terms: [],
  lots: [],
};

const dalas: AgreementSeed = {
  number: "RM6335",
  slug: slugFor("RM6335"),
  name: "Digital and Legacy Application Services",
  shortName: "DALAS",
  description: "Digital and legacy application services, let by CCS in partnership with HMRC.",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.dalas.url,
  notes:
    "Unverified: awarded 3 April 2024 (copy of the award); framework dates, lot names, regulation (PCR 2015 assumed), routes and whether councils may use it (it may be mainly for central government) not found, so the guide never offers it.",
  owner: "Government Commercial Agency (formerly Crown Commercial Service), with HMRC",
  eligibility: "",
  facts: [
    fact("identity", false, [S.dalas], "Digital and Legacy Application Services (DALAS) RM6335. " + MIRROR_NOTE),
    fact("owner", false, [S.dalas], "CCS in partnership with HMRC."),
    fact("dates", false, [S.dalas], "Award dated 3 April 2024; start and end dates not found."),
    fact("lots", false, [S.dalas], "Phase 1 covered lots 2a, 2b, 3 and 5; names not found."),
    fact("eligibility", false, [S.dalas], "Not found: check whether local authorities may use it."),
  ],
  replacedBy: [],
  terms: [],
  lots: ["2a", "2b", "3", "5"].map((n) => lotWithoutRoutes(n, `Lot ${n} (name not found)`, "Named only by number in the notice read.")),
};

// ───────────────────────── public buying organisations' frameworks ─────────────────────────

const ypo001126: AgreementSeed = {
  number: "YPO-001126",
  slug: slugFor("YPO-001126"),
  name: "YPO Cloud Services, Data Centre Management and Transformation Solutions",
  shortName: "YPO 001126",
  description:
    "Cloud services, data centre management and transformation solutions from one framework with a range of suppliers (estimated £120m).",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.ypo001126.url,
  notes:
    "Unverified (copies of notices only): awarded January 2024 under PCR 2015; framework dates and lot names not found, so the guide never offers it.",
  owner: "YPO (lead), with NEPO",
  eligibility: "",
  facts: [
    fact("identity", false, [S.ypo001126], "YPO framework 001126. " + MIRROR_NOTE),
    fact("owner", false, [S.ypo001126Ocds], "YPO (lead) in collaboration with NEPO."),
    fact("dates", false, [S.ypo001126], "Award published 18 January 2024; framework start and end not found."),
    fact("lots", false, [S.ypo001126], "Several lots; names not in the copy."),
    fact("regulation", false, [S.ypo001126Ocds], "Directive 2014/24/EU legal basis and the PCR 2015 standstill."),
  ],
  replacedBy: [],
  terms: [],
  lots: [],
};

const ypo1223: AgreementSeed = {
  number: "YPO-1223",
  slug: slugFor("YPO-1223"),
  name: "YPO ICT Managed Services & Digital Transformation Solutions",
  shortName: "YPO 1223",
  description:
    "ICT managed services, document and records management, print and digital communication, and digital transformation projects; ordered by award without competition or a competitive selection process.",
  regulation: "PA2023",
  type: "closed-framework",
  startDate: "2026-12-04",
  endDate: null,
  verified: false,
  sourceUrl: S.ypo1223.url,
  notes:
    "Unverified: at tender stage in March 2026, with an estimated start of 4 December 2026 and no end date found; the framework type; only pillar 1 of its lots was seen; the call-off methods (award without competition or competitive selection) are from a copy of the notice. The guide does not offer it until its dates are confirmed.",
  owner: "YPO, with NEPO (The Association of North East Councils Limited)",
  eligibility: "",
  facts: [
    fact("identity", false, [S.ypo1223, S.ypo1223Copy], "Framework 1223 (Find a Tender 022247-2026, not opened). " + MIRROR_NOTE),
    fact("owner", false, [S.ypo1223], "YPO with NEPO."),
    fact("dates", false, [S.ypo1223], "Estimated contract start for pillar 1: 4 December 2026. End not found."),
    fact("lots", false, [S.ypo1223], "Pillar 1, ICT Managed Services; other pillars not in the copy."),
    fact(
      "regulation",
      false,
      [S.ypo1223Copy],
      "Competitive flexible procedure and 'award without competition': Procurement Act 2023 wording.",
    ),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    lotWithoutRoutes("1", "Pillar 1 - ICT Managed Services", "ICT managed services for all public sector establishments.", [
      "technology-services",
    ]),
  ],
};

const ypoSas2: AgreementSeed = {
  number: "YPO-SAS2",
  slug: slugFor("YPO-SAS2"),
  name: "YPO Software Application Solutions 2",
  shortName: "YPO SAS 2",
  description: "Off-the-shelf and bespoke software applications for the UK public sector, across 15 lots.",
  regulation: "PA2023",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.ypoSas2.url,
  notes:
    "Unverified: in tender (published 18 May 2026, award expected by 4 December 2026); the YPO framework number was not found (recorded as YPO-SAS2); dates and the 15 lots' names not found, so the guide never offers it.",
  owner: "YPO (Yorkshire Purchasing Organisation)",
  eligibility: "",
  facts: [
    fact("identity", false, [S.ypoSas2], "Framework number not found. " + MIRROR_NOTE),
    fact("owner", false, [S.ypoSas2], MIRROR_NOTE),
    fact("dates", false, [S.ypoSas2], "Tenders closed 10 July 2026; award expected by 4 December 2026; framework dates not found."),
    fact("lots", false, [S.ypoSas2], "15 lots; names not found."),
    fact(
      "regulation",
      false,
      [S.ypoSas2],
      "'Award without competition' and 'competitive selection process' are Procurement Act 2023 terms.",
    ),
  ],
  replacedBy: [],
  terms: [],
  lots: [],
};

const espo383: AgreementSeed = {
  number: "ESPO-383_25",
  slug: slugFor("ESPO-383_25"),
  name: "ESPO Managed Learning Services",
  shortName: "ESPO 383_25",
  description: "Managed service providers for training (lot 1) and learning management systems (lot 2).",
  regulation: "PA2023",
  type: "closed-framework",
  startDate: "2025-12-12",
  endDate: "2027-12-11",
  verified: false,
  sourceUrl: S.espo383Cdn.url,
  notes:
    "Dates (estimated, 12 December 2025 to 11 December 2027, extendable to 11 December 2029) and lots from the Find a Tender notices. Unverified: whether it is an open or closed framework (the notice says only 'establishes a framework'); a copy of the contract details notice gives 2 January 2026 to 1 January 2028; call-off routes not found, so the guide never offers it. Only lot 2 (LMS software) is digital.",
  owner: "ESPO (Leicestershire County Council, trading as ESPO)",
  eligibility: "",
  facts: [
    fact("identity", true, [S.espo383Cdn], "ESPO 383_25 Managed Learning Services."),
    fact("owner", true, [S.espo383Cdn], "Leicestershire County Council, trading as ESPO."),
    fact(
      "dates",
      true,
      [S.espo383Tender],
      "Estimated 12 December 2025 to 11 December 2027, possible extension to 11 December 2029; award concluded 13 January 2026.",
    ),
    fact("lots", true, [S.espo383Cdn], "1 Managed Service Provider; 2 Learning Management System."),
    fact("regulation", true, [S.espo383Cdn], "A UK7 contract details notice under the Procurement Act 2023."),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    lotWithoutRoutes(
      "1",
      "Managed Service Provider (MSP)",
      "A single managed service provider takes responsibility for the customer's training requirements.",
      ["other"],
    ),
    lotWithoutRoutes(
      "2",
      "Learning Management System (LMS)",
      "Administration, documentation, tracking, reporting and delivery of training.",
      ["other"],
    ),
  ],
};

const cpcHardware: AgreementSeed = {
  number: "CPC-ICT-HARDWARE",
  slug: slugFor("CPC-ICT-HARDWARE"),
  name: "CPC ICT Hardware & Peripherals Equipment",
  shortName: "CPC ICT Hardware",
  description: "Desktop PCs, portable devices and Apple solutions (estimated £200m).",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.cpcHardware.url,
  notes:
    "Unverified: awarded 24 January 2025 for 48 months including extensions, but the exact dates, the framework number (recorded as CPC-ICT-HARDWARE), the regulation (PCR 2015 assumed), the lot numbering (in the order listed) and whether councils may use it (the summary says 'education sector and the wider public sector') were not confirmed, so the guide never offers it.",
  owner: "Crescent Purchasing Consortium (CPC)",
  eligibility: "Education and the wider UK public sector (council use not confirmed).",
  facts: [
    fact("identity", false, [S.cpcHardware], "Framework number not found. " + MIRROR_NOTE),
    fact("owner", false, [S.cpcHardware], "Crescent Purchasing Consortium Limited."),
    fact("dates", false, [S.cpcHardware], "Award dated 24 January 2025; 48 months including extension options; exact dates not found."),
    fact("lots", false, [S.cpcHardware], "Desktop PC and Portable Device Solutions; Apple Solutions (numbering inferred)."),
    fact("eligibility", false, [S.cpcHardware], "'Education sector and the wider public sector'."),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    lotWithoutRoutes("1", "Desktop PC and Portable Device Solutions", "Desktop and portable devices.", ["technology-products"]),
    lotWithoutRoutes("2", "Apple Solutions", "Apple devices and services.", ["technology-products"]),
  ],
};

const cpcSoftware: AgreementSeed = {
  number: "CPC/RB/01/2025",
  slug: slugFor("CPC/RB/01/2025"),
  name: "CPC Software Licences & Associated Services for Academies and Schools",
  shortName: "CPC Software Licences",
  description:
    "Software licences (Microsoft, Adobe, Google for Education, data security and other software) and associated services for academies and schools.",
  regulation: "PA2023",
  type: "closed-framework",
  startDate: "2026-06-07",
  endDate: "2028-06-06",
  verified: false,
  sourceUrl: S.cpcSoftware.url,
  notes:
    "Unverified: 7 June 2026 to 6 June 2028, extendable by two 12-month periods to 6 June 2030; lot numbering (the lots are named, not numbered); routes not found. For CPC members (academies and schools): probably not usable by councils, so the guide never offers it.",
  owner: "Crescent Purchasing Consortium (CPC)",
  eligibility: "Academies and schools (CPC members); probably not councils.",
  facts: [
    fact("identity", false, [S.cpcSoftware], "CPC/RB/01/2025. " + MIRROR_NOTE),
    fact("owner", false, [S.cpcSoftware], "Crescent Purchasing Consortium Limited."),
    fact("dates", false, [S.cpcSoftware], "7 June 2026 to 6 June 2028, plus two further 12-month periods."),
    fact(
      "lots",
      false,
      [S.cpcSoftware],
      "Microsoft; Adobe; Google for Education; other software including data security (not numbered in the copy).",
    ),
    fact("regulation", false, [S.cpcSoftware], "'Multi supplier framework agreement under the Procurement Act 2023'."),
    fact("eligibility", false, [S.cpcSoftware], "For CPC members (academies and schools)."),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    lotWithoutRoutes("1", "Microsoft", "Microsoft licences and associated services (numbering inferred)."),
    lotWithoutRoutes("2", "Adobe", "Adobe licences and associated services (numbering inferred)."),
    lotWithoutRoutes("3", "Google for Education", "Google for Education and associated services (numbering inferred)."),
    lotWithoutRoutes("4", "Other software (including data security)", "Other software licences (numbering inferred)."),
  ],
};

const kcsManaged: AgreementSeed = {
  number: "KCS-Y20023",
  slug: slugFor("KCS-Y20023"),
  name: "KCS Managed Services",
  shortName: "KCS Managed Services",
  description: "Managed services (outsourcing day-to-day management functions), in the IT services category (estimated £500m).",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.kcsManaged.url,
  notes:
    "Unverified: award record of 24 December 2021 (copy); framework dates, lots, routes and regulation (PCR 2015 inferred) not found, so the guide never offers it.",
  owner: "KCS (Kent County Council, trading as Commercial Services Kent)",
  eligibility: "",
  facts: [
    fact("identity", false, [S.kcsManaged], "Y20023. " + MIRROR_NOTE),
    fact("owner", false, [S.kcsManaged], "Kent County Council (t/a KCS)."),
    fact("dates", false, [S.kcsManaged], "Award record dated 24 December 2021; framework dates not found."),
    fact("lots", false, [S.kcsManaged], "Not found."),
  ],
  replacedBy: [],
  terms: [],
  lots: [],
};

const kcsBusiness: AgreementSeed = {
  number: "KCS-Y25005",
  slug: slugFor("KCS-Y25005"),
  name: "KCS Supply of Business Support Services",
  shortName: "KCS Business Support",
  description:
    "Business support services including IT services, workplace automation and digitalisation, payroll, HR, procurement and source-to-pay (estimated £750m).",
  regulation: "PCR2015",
  type: "closed-framework",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.kcsBusiness.url,
  notes:
    "Unverified: dates, routes and call-off lengths not found (so the guide never offers it); one lot seen; regulation from the notice's EU-directive legal basis.",
  owner: "KCS (Kent County Council, trading as Commercial Services Kent)",
  eligibility: "",
  facts: [
    fact("identity", false, [S.kcsBusiness], "Y25005. " + MIRROR_NOTE),
    fact("owner", false, [S.kcsBusiness], "Kent County Council / Commercial Services Kent."),
    fact("dates", false, [S.kcsBusiness], "Not found."),
    fact("lots", false, [S.kcsBusiness], "Lot 1, business support services (including IT services)."),
    fact("regulation", false, [S.kcsBusiness], "Legal basis Directive 2014/24/EU (PCR 2015)."),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    lotWithoutRoutes(
      "1",
      "Business support services",
      "Advisory, debt recovery, audit, customer service, finance, HR, IT services, payroll, procurement, project management, source-to-pay and workplace automation.",
      ["other"],
    ),
  ],
};

const sgTpi: AgreementSeed = {
  number: "SP-21-012",
  slug: slugFor("SP-21-012"),
  name: "Scottish Government Technology Peripherals and Infrastructure",
  shortName: "SG Technology Peripherals and Infrastructure",
  description: "IT hardware catalogue (lot 1) and IT infrastructure projects (lot 2, a single contractor) for Scottish public bodies.",
  regulation: "PCSR2015",
  type: "closed-framework",
  startDate: "2022-05-16",
  endDate: "2024-05-15",
  verified: false,
  sourceUrl: S.sgTpiGuide.url,
  notes:
    "gov.scot: commenced 16 May 2022, ends 15 May 2024, with the option of two 12-month extensions (whether used is unknown, so it is recorded as ending on 15 May 2024: unverified). Unverified: the lot names (from a copy of the notice). A Scottish framework under the Public Contracts (Scotland) Regulations 2015 (inferred); the guide never offers it.",
  owner: "Scottish Government (Scottish Procurement)",
  eligibility:
    "Scottish Ministers and agencies, Scottish non-departmental public bodies, cross-border public authorities, the Scotland Office, the Scottish Parliament and others listed in the contract notice (check the list for councils).",
  facts: [
    fact("identity", true, [S.sgTpiGuide], "SP-21-012 (Find a Tender 2021/S 000-030614)."),
    fact("owner", true, [S.sgTpiGuide], "Scottish Procurement."),
    fact("dates", true, [S.sgTpiGuide], "Commenced 16 May 2022, ends 15 May 2024, option of 2 x 12 months."),
    fact(
      "lots",
      false,
      [S.sgTpiCopy, S.sgTpiGuide],
      "1 IT Hardware Catalogue; 2 IT Infrastructure Projects (single contractor, confirmed on gov.scot).",
    ),
    fact("eligibility", true, [S.sgTpiGuide], "As listed in the contract notice section VI.3."),
  ],
  replacedBy: [],
  terms: [],
  lots: [
    lotWithoutRoutes("1", "IT Hardware Catalogue", "IT hardware from a catalogue.", ["technology-products"]),
    lotWithoutRoutes("2", "IT Infrastructure Projects", "IT infrastructure projects (single contractor).", ["technology-services"]),
  ],
};

const sgVar: AgreementSeed = {
  number: "SP-21-034",
  slug: slugFor("SP-21-034"),
  name: "Scottish Government Software Value Added Reseller Services",
  shortName: "SG Software VAR",
  description: "A national framework for software value added reseller services for Scottish public bodies (estimated £300m).",
  regulation: "PCSR2015",
  type: "closed-framework",
  startDate: null,
  endDate: "2027-04-30",
  verified: false,
  sourceUrl: S.sgVar.url,
  notes:
    "Unverified: the final 12-month extension runs it to 30 April 2027 (copy of a notice); start date, lots and routes not found; regulation (Public Contracts (Scotland) Regulations 2015) inferred. The guide never offers it.",
  owner: "Scottish Government (Scottish Procurement)",
  eligibility: "",
  facts: [
    fact("identity", false, [S.sgVar], "SP-21-034. " + MIRROR_NOTE),
    fact("owner", false, [S.sgVar], MIRROR_NOTE),
    fact("dates", false, [S.sgVar], "Final extension to 30 April 2027; start not found (award record April 2023)."),
    fact("lots", false, [S.sgVar], "Not found."),
  ],
  replacedBy: [],
  terms: [],
  lots: [],
};

const sgDtcs: AgreementSeed = {
  number: "SG-DTCS-DPS",
  slug: slugFor("SG-DTCS-DPS"),
  name: "Scottish Government Digital Technology and Cyber Services DPS",
  shortName: "SG Digital Technology and Cyber Services DPS",
  description: "A dynamic purchasing system for digital technology and cyber services for Scottish public bodies.",
  regulation: "PCSR2015",
  type: "dps",
  startDate: null,
  endDate: null,
  verified: false,
  sourceUrl: S.sgDtcs.url,
  notes:
    "Unverified: known only because a call-off notice names it; its reference number (recorded as SG-DTCS-DPS), dates and categories not found. The guide never offers it.",
  owner: "Scottish Government (Scottish Procurement)",
  eligibility: "",
  facts: [
    fact("identity", false, [S.sgDtcs], "Named in a call-off notice; reference not found."),
    fact("owner", false, [S.sgDtcs], MIRROR_NOTE),
    fact("dates", false, [S.sgDtcs], "Not found."),
    fact("lots", false, [S.sgDtcs], "Not found."),
    fact("regulation", false, [S.sgDtcs], "A dynamic purchasing system under the Public Contracts (Scotland) Regulations 2015 (inferred)."),
  ],
  replacedBy: [],
  terms: [],
  lots: [],
};

export const agreements: AgreementSeed[] = [
  gCloud14,
  gCloud15,
  dos7,
  dos6,
  dsp,
  bos2,
  tepas2,
  cloudCompute2,
  gCloud12,
  gCloud13,
  gCloud13Lot4,
  dos5,
  ts3,
  ts4,
  ns3,
  vas,
  dalas,
  ypo001126,
  ypo1223,
  ypoSas2,
  espo383,
  cpcHardware,
  cpcSoftware,
  kcsManaged,
  kcsBusiness,
  sgTpi,
  sgVar,
  sgDtcs,
];

/** The agreements an agreement replaced (the reverse of `replacedBy`). */
export function predecessorsOf(number: string, all: readonly Pick<AgreementSeed, "number" | "replacedBy">[] = agreements): string[] {
  return all.filter((a) => a.replacedBy.includes(number)).map((a) => a.number);
}
