// Every rule the guide applies links to where it comes from. One table, so a
// link that moves is fixed once.
import type { Source } from "./types";

const act = (path: string, title: string): Source => ({
  title,
  url: `https://www.legislation.gov.uk/ukpga/2023/54/${path}`,
});

export const SOURCES = {
  act: act("contents", "Procurement Act 2023"),
  schedule1: act("schedule/1", "Procurement Act 2023, Schedule 1 (threshold amounts)"),
  schedule5: act("schedule/5", "Procurement Act 2023, Schedule 5 (direct award justifications)"),
  s15PlannedProcurement: act("section/15", "Procurement Act 2023, section 15 (planned procurement notices)"),
  s17MarketEngagement: act("section/17", "Procurement Act 2023, section 17 (preliminary market engagement notices)"),
  s20Procedures: act("section/20", "Procurement Act 2023, section 20 (competitive tendering procedures)"),
  s21TenderNotices: act("section/21", "Procurement Act 2023, section 21 (tender notices)"),
  s41DirectAward: act("section/41", "Procurement Act 2023, section 41 (direct award in special cases)"),
  s44Transparency: act("section/44", "Procurement Act 2023, section 44 (transparency notices)"),
  s45Frameworks: act("section/45", "Procurement Act 2023, section 45 (frameworks)"),
  s46CompetitiveSelection: act("section/46", "Procurement Act 2023, section 46 (frameworks: competitive selection process)"),
  s50ContractAward: act("section/50", "Procurement Act 2023, section 50 (contract award notices and assessment summaries)"),
  s51Standstill: act("section/51", "Procurement Act 2023, section 51 (standstill periods)"),
  s52Kpis: act("section/52", "Procurement Act 2023, section 52 (key performance indicators)"),
  s53ContractDetails: act("section/53", "Procurement Act 2023, section 53 (contract details notices and publication of contracts)"),
  s54TimeLimits: act("section/54", "Procurement Act 2023, section 54 (time limits)"),
  s55Termination: act("section/55", "Procurement Act 2023, section 55 (procurement termination notices)"),
  s69Payments: act("section/69", "Procurement Act 2023, section 69 (payments compliance notices)"),
  s71Performance: act("section/71", "Procurement Act 2023, section 71 (assessment of contract performance)"),
  s75Change: act("section/75", "Procurement Act 2023, section 75 (contract change notices)"),
  s80TerminationNotice: act("section/80", "Procurement Act 2023, section 80 (contract termination notices)"),
  part6BelowThreshold: act("part/6", "Procurement Act 2023, Part 6 (below-threshold contracts)"),
  s85BelowThresholdParticipation: act(
    "section/85",
    "Procurement Act 2023, section 85 (regulated below-threshold contracts: conditions of participation)",
  ),
  s87BelowThresholdNotices: act(
    "section/87",
    "Procurement Act 2023, section 87 (notifiable below-threshold contracts: publication of information)",
  ),
  thresholds2026: {
    title: "The Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025 (SI 2025/1200), in force 1 January 2026",
    url: "https://www.legislation.gov.uk/uksi/2025/1200/contents",
  },
  thresholds2024: {
    title: "Threshold amounts in force 1 January 2024 to 31 December 2025 (Schedule 1 as amended by SI 2025/163)",
    url: "https://www.legislation.gov.uk/uksi/2025/163/contents",
  },
  pcr2015: {
    title: "The Public Contracts Regulations 2015",
    url: "https://www.legislation.gov.uk/uksi/2015/102/contents",
  },
  pcrReg112ContractsFinder: {
    title: "The Public Contracts Regulations 2015, regulation 112 (Contracts Finder publication)",
    url: "https://www.legislation.gov.uk/uksi/2015/102/regulation/112",
  },
  contractsFinder: { title: "Contracts Finder", url: "https://www.gov.uk/contracts-finder" },
  centralDigitalPlatformGuidance: {
    title: "Guidance: Central Digital Platform and publication of information",
    url: "https://www.gov.uk/government/publications/procurement-act-2023-guidance-documents-procure-phase/guidance-central-digital-platform-and-publication-of-information-html",
  },
  frameworksGuidance: {
    title: "Guidance: Frameworks (Procurement Act 2023)",
    url: "https://www.gov.uk/government/publications/procurement-act-2023-guidance-documents-define-phase/guidance-frameworks-html",
  },
  actGuidance: {
    title: "Procurement Act 2023 guidance documents",
    url: "https://www.gov.uk/government/collections/procurement-act-2023-guidance-documents",
  },
  transparencyCode: {
    title: "Local Government Transparency Code 2015",
    url: "https://www.gov.uk/government/publications/local-government-transparency-code-2015",
  },
  // G-Cloud 15 (replaces the G-Cloud buyers' guide, which describes the closed Digital Marketplace).
  gCloud15TenderNotice: {
    title: "Find a Tender 067801-2025: G-Cloud 15 tender notice (an open framework; call-off with and without competition in all lots)",
    url: "https://www.find-tender.service.gov.uk/Notice/067801-2025",
  },
  gCloud15Changes: {
    title: "Local Government Lawyer (Sharpe Pritchard): G-Cloud 14 to G-Cloud 15 - What is changing?",
    url: "https://www.localgovernmentlawyer.co.uk/sharpeedge/809-sharpeedge-procurement/99594-g-cloud-14-to-g-cloud-15-what-is-changing",
  },
  // Scotland
  scotlandAct2014Section3: {
    title: "Procurement Reform (Scotland) Act 2014, section 3 (regulated contracts: £50,000 goods and services, £2,000,000 works)",
    url: "https://legislation.gov.uk/asp/2014/12/section/3",
  },
  scotlandAct2014PublicContractsWebsite: {
    title: "Procurement Reform (Scotland) Act 2014, sections 22 and 23 (publication of notices on the Public Contracts website)",
    url: "https://www.legislation.gov.uk/asp/2014/12/part/3/crossheading/publication-of-notices-on-public-contracts-website/data.html",
  },
  scotlandThresholds: {
    title: "Scottish Government: Scottish procurement policy manual, procurement thresholds",
    url: "https://gov.scot/publications/scottish-procurement-policy-manual/pages/procurement-thresholds",
  },
  scotlandAdvertising: {
    title: "Supplier Journey (Scottish Government): contract thresholds and advertising on Public Contracts Scotland",
    url: "https://supplierjourney.scot/print/supplier-journey/bid/contract-thresholds",
  },
  scotlandThresholdReview: {
    title: "Scottish Government SPPN 3/2025: consultation on the Procurement Reform (Scotland) Act 2014 thresholds",
    url: "https://www.gov.scot/publications/public-procurement-update-procurement-reform-scotland-act-2014-thresholds-sppn-3-2025/",
  },
  scotlandGpaThresholds: {
    title: "Scottish Government SPPN 4/2025: thresholds derived from the GPA from 1 January 2026",
    url: "https://www.gov.scot/publications/public-procurement-updates-to-thresholds-derived-from-the-gpa-sppn-4-2025/",
  },
  reservedArrangementsScotland: {
    title:
      "The Procurement Regulations 2024, regulation 47 (section 115A: the Act applies when a devolved Scottish authority buys under a UK procurement arrangement)",
    url: "https://legislation.gov.uk/id/uksi/2024/692/regulation/47/3?timeline=false",
  },
  // Wales
  walesRegulations2024Reg5: {
    title:
      "The Procurement (Wales) Regulations 2024, regulation 5 (notices submitted to the Welsh digital platform reach the central digital platform)",
    url: "https://legislation.gov.uk/wsi/2024/782/regulation/5/made?view=plain",
  },
  walesPolicyNotes: {
    title: "Welsh Government: procurement policy notes (the Act and the Procurement (Wales) Regulations 2024 in force 24 February 2025)",
    url: "https://gov.wales/procurement-policy-notes",
  },
  walesThresholds2026: {
    title: "Welsh Government WPPN 017: new thresholds from 12:05am on 1 January 2026",
    url: "https://www.gov.wales/node/73436",
  },
  walesThresholdsBulletin: {
    title: "Welsh Government Commercial and Procurement bulletin, December 2025 (sub-central threshold £207,720)",
    url: "https://content.govdelivery.com/accounts/UKWALES/bulletins/4001bb7",
  },
  // Wales and Northern Ireland: the Act's Part 11 (sections 111 and 112)
  actPart11: {
    title: "Procurement Act 2023, Part 11, sections 111 and 112 (regulating devolved Welsh and transferred Northern Ireland authorities)",
    url: "https://legislation.gov.uk/ukpga/2023/54/part/11/2024-02-06/data.html",
  },
  s69NotForNorthernIreland: {
    title:
      "Procurement Act 2023, sections 69 and 70 as enacted (s69(6)(a): payments compliance notices do not apply to transferred Northern Ireland authorities)",
    url: "https://www.legislation.gov.uk/ukpga/2023/54/part/4/crossheading/notices-about-payments-and-performance/enacted",
  },
  northernIrelandPolicyHandbook: {
    title: "Department of Finance (Northern Ireland): policy handbook for public procurement (district councils comply voluntarily)",
    url: "https://www.finance-ni.gov.uk/articles/policy-handbook-public-procurement-northern-ireland",
  },
  northernIrelandControlLimits: {
    title: "Department of Finance (Northern Ireland): PPN 04/21 procurement control limits (advertising threshold £50,000)",
    url: "https://www.finance-ni.gov.uk/news/simplified-procurement-practices-will-benefit-local-businesses-odowd",
  },
  northernIrelandCouncilStandingOrders: {
    title: "Mid and East Antrim Borough Council: procurement strategy (Local Government Act (Northern Ireland) 1972 and standing orders)",
    url: "https://www.midandeastantrim.gov.uk/council/policies-and-documents/policies/procurement-strategy-policy/procurement-strategy-policy-page-3",
  },
  // SME definition (Procurement Act 2023, as quoted by ICAEW: the Act's text not yet read)
  smeDefinition: {
    title:
      "ICAEW: the Procurement Act 2023 and SMEs (quotes the Act's definition: fewer than 250 staff, and turnover £44m or less or balance sheet £38m or less)",
    url: "https://icaew.com/insights/viewpoints-on-the-news/2024/jul-2024/the-procurement-act-2023-will-smes-benefit",
  },
} as const satisfies Record<string, Source>;
