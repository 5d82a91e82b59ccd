// What the guide knows for each nation, and what it cannot yet advise. Each
// difference from England is data with its source; where the sources read do
// not settle a rule, the nation says so (`notAdvised`) and the guide lists no
// route it has not checked (issue 13 item 6).
import { SOURCES } from "./sources";
import type { Nation, Regulation, Source } from "./types";

export interface NationRule {
  nation: Nation;
  /** "full": the steps shown are the ones that apply. "gap": part of the answer is not covered (see `notAdvised`). */
  coverage: "full" | "gap";
  /**
   * Which law governs the council's own procurements: the Procurement Act 2023 (England, Wales,
   * Northern Ireland), or Scottish law (the Procurement Reform (Scotland) Act 2014 and the Public
   * Contracts (Scotland) Regulations 2015), with the Act only for call-offs from UK frameworks (s115A).
   */
  regime: "procurement-act" | "scotland";
  /** Whether the Local Government Transparency Code 2015 (England) applies. */
  transparencyCode: boolean;
  /** Where the Act's notices are submitted, when not directly on the Central Digital Platform. */
  noticePlatform: { name: string; explanation: string; sources: readonly Source[] } | null;
  /** Whether the guide gives the Act's below-threshold routes (Part 6) for this nation. */
  belowThresholdRoutes: boolean;
  /** Whether payments compliance notices (UK8, s69) apply. */
  paymentsComplianceNotices: boolean;
  /** Frameworks (by the law they were let under) whose call-off rules the guide has checked for this nation. */
  frameworkRegulationsAdvised: readonly Regulation[];
  /** Shown to the buyer as a warning: the nation's differences in one paragraph. */
  message: string | null;
  /** What the guide cannot yet advise for this nation, each with why. */
  notAdvised: readonly string[];
  sources: readonly Source[];
}

/** Scottish regulated procurement (s3 of the 2014 Act): excluding VAT. Scottish Ministers may change them by order. */
export const SCOTLAND_REGULATED_THRESHOLDS = {
  goodsAndServicesPence: 5_000_000,
  worksPence: 200_000_000,
  /** The figures were under consultation (SPPN 3/2025, closed 8 January 2026); no amending order found. Re-check from this date. */
  recheckFrom: "2026-12-01",
  sources: [SOURCES.scotlandAct2014Section3, SOURCES.scotlandThresholds, SOURCES.scotlandThresholdReview],
} as const;

export const NATION_RULES: Record<Nation, NationRule> = {
  England: {
    nation: "England",
    coverage: "full",
    regime: "procurement-act",
    transparencyCode: true,
    noticePlatform: null,
    belowThresholdRoutes: true,
    paymentsComplianceNotices: true,
    frameworkRegulationsAdvised: ["PA2023", "PCR2015"],
    message: null,
    notAdvised: [],
    sources: [SOURCES.act, SOURCES.transparencyCode],
  },
  Wales: {
    nation: "Wales",
    coverage: "full",
    regime: "procurement-act",
    transparencyCode: false,
    noticePlatform: {
      name: "the Welsh digital platform (Sell2Wales)",
      explanation:
        "Welsh councils submit the Act's notices to the Welsh digital platform, which passes them to the Central Digital Platform (Procurement (Wales) Regulations 2024, regulation 5). If the Welsh platform is unavailable, publish directly on the Central Digital Platform.",
      sources: [SOURCES.walesRegulations2024Reg5],
    },
    belowThresholdRoutes: true,
    paymentsComplianceNotices: true,
    frameworkRegulationsAdvised: ["PA2023", "PCR2015"],
    message:
      "Welsh councils are devolved Welsh authorities, whose procurement the Welsh Ministers regulate: the Procurement Act 2023 applies to them with the Procurement (Wales) Regulations 2024 (both in force 24 February 2025). The thresholds are the same as England's (£207,720 including VAT for goods and services from 1 January 2026, set for Wales by the Welsh threshold regulations from 12:05am). Notices go through the Welsh digital platform (Sell2Wales) to the Central Digital Platform. Welsh councils have regard to the Wales procurement policy statement, not the national one, and the Local Government Transparency Code (England) does not apply.",
    notAdvised: [
      "The Welsh note on contract details notices (WPPN 004) was not read in full, so any Welsh-specific figures it sets for below-threshold contracts are not shown: check it before relying on the below-threshold steps.",
    ],
    sources: [
      SOURCES.actPart11,
      SOURCES.walesPolicyNotes,
      SOURCES.walesRegulations2024Reg5,
      SOURCES.walesThresholds2026,
      SOURCES.walesThresholdsBulletin,
    ],
  },
  Scotland: {
    nation: "Scotland",
    coverage: "gap",
    regime: "scotland",
    transparencyCode: false,
    noticePlatform: null,
    belowThresholdRoutes: false,
    paymentsComplianceNotices: true,
    frameworkRegulationsAdvised: ["PA2023"],
    message:
      "Scottish councils are not contracting authorities under the Procurement Act 2023 for their own procurements: the Procurement Reform (Scotland) Act 2014 and the Public Contracts (Scotland) Regulations 2015 apply. A goods or services contract worth £50,000 or more excluding VAT (works £2,000,000) is a regulated procurement and must be advertised, and its award publicised, on Public Contracts Scotland. When a Scottish council calls off a UK framework let under the Act (such as G-Cloud 15 or DOS 7), the Act's call-off rules apply to that call-off (section 115A).",
    notAdvised: [
      "The guide does not set out the Public Contracts (Scotland) Regulations 2015 procedures for contracts above the GPA threshold (the figure for Scottish councils from 1 January 2026 is not confirmed in the sources read): follow Scottish Government guidance for the procedure.",
      "The guide has not checked how a Scottish council calls off a UK framework let under the Public Contracts Regulations 2015 (for example Back Office Software 2), so it does not list those frameworks: ask the framework owner and follow the Public Contracts (Scotland) Regulations 2015.",
      "Scottish Government frameworks (for example SP-21-034) are in the catalogue for reference, but the guide does not yet offer them as routes.",
    ],
    sources: [
      SOURCES.scotlandAct2014Section3,
      SOURCES.scotlandAct2014PublicContractsWebsite,
      SOURCES.scotlandThresholds,
      SOURCES.scotlandAdvertising,
      SOURCES.reservedArrangementsScotland,
    ],
  },
  "Northern Ireland": {
    nation: "Northern Ireland",
    coverage: "gap",
    regime: "procurement-act",
    transparencyCode: false,
    noticePlatform: null,
    belowThresholdRoutes: false,
    paymentsComplianceNotices: false,
    frameworkRegulationsAdvised: ["PA2023", "PCR2015"],
    message:
      "The Procurement Act 2023 applies to Northern Ireland district councils, as transferred Northern Ireland authorities, with differences: payments compliance notices (section 69) do not apply to them, and the national procurement policy statement does not usually apply in Northern Ireland. Councils contract under their standing orders (Local Government Act (Northern Ireland) 1972), and follow Northern Ireland public procurement policy, such as the £50,000 advertising limit of PPN 04/21, only voluntarily.",
    notAdvised: [
      "The guide cannot yet advise on contracts below the threshold for a Northern Ireland council: the sources read do not settle whether the Act's below-threshold rules (Part 6, sections 84 to 88) apply to transferred Northern Ireland authorities. Follow your council's standing orders and take advice; no below-threshold route is listed.",
    ],
    sources: [
      SOURCES.actPart11,
      SOURCES.s69NotForNorthernIreland,
      SOURCES.northernIrelandPolicyHandbook,
      SOURCES.northernIrelandControlLimits,
      SOURCES.northernIrelandCouncilStandingOrders,
    ],
  },
};
