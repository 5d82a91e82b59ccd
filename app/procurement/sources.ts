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
  gCloudBuyersGuide: { title: "G-Cloud buyers' guide", url: "https://www.gov.uk/guidance/g-cloud-buyers-guide" },
  transparencyCode: {
    title: "Local Government Transparency Code 2015",
    url: "https://www.gov.uk/government/publications/local-government-transparency-code-2015",
  },
  walesGuidance: {
    title: "Welsh Government: Procurement Act 2023 guidance (notices)",
    url: "https://www.gov.wales/procurement-act-2023-guidance-notice-sequencing-and-flowcharts-html",
  },
  scotlandPolicy: {
    title: "Scottish Government: public sector procurement",
    url: "https://www.gov.scot/policies/public-sector-procurement/",
  },
  scotlandRegulations: {
    title: "The Public Contracts (Scotland) Regulations 2015",
    url: "https://www.legislation.gov.uk/ssi/2015/446/contents",
  },
  northernIrelandGuidance: {
    title: "Department of Finance (Northern Ireland): procurement policy and guidance",
    url: "https://www.finance-ni.gov.uk/topics/procurement/procurement-policy-and-guidance",
  },
} as const satisfies Record<string, Source>;
