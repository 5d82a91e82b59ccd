// CPV codes as a person reads them (issue 18 item 5; docs/content.md): a code the portal knows
// the words for reads as its description with the code after it; any other reads as "CPV code
// 44000000", so it is plainly a reference number on purpose and never looks like a name.
//
// Descriptions are the Common Procurement Vocabulary's own (CPV 2008, Commission Regulation (EC)
// No 213/2008), as UK notices print them (for example Sell2Wales notice JUL339421,
// https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=JUL339421). Only the divisions
// this portal's services fall in are listed, with every code the imported Contracts Finder
// notices use (./cpv-descriptions.ts, as those notices print them); add others here, in one place.
import { CPV_NOTICE_DESCRIPTIONS } from "./cpv-descriptions";

export const CPV_DESCRIPTIONS: Record<string, string> = {
  ...CPV_NOTICE_DESCRIPTIONS,
  "48000000": "Software package and information systems",
  "72000000": "IT services: consulting, software development, Internet and support",
};

/** "Software package and information systems (CPV code 48000000)", or "CPV code 44000000" when its words are not known. */
export function cpvCodeText(code: string): string {
  const digits = code.trim().replace(/-\d$/, ""); // "48000000-8": the check digit is not part of the lookup
  const description = CPV_DESCRIPTIONS[digits];
  return description ? `${description} (CPV code ${digits})` : `CPV code ${digits}`;
}
