// Council email domains for sign-up (issue 15), from seed/council-email-domains.csv (source
// and notes in seed/council-email-domains.md).
import fs from "node:fs";
import { parse } from "csv-parse/sync";

export const COUNCIL_EMAIL_DOMAINS_CSV = new URL("./council-email-domains.csv", import.meta.url);

/** Where a public-sector address is recognised in general: not which council, only that it is one. */
export const PUBLIC_SECTOR_WILDCARDS = ["gov.uk", "gov.scot", "gov.wales"] as const;

export interface CouncilEmailDomain {
  councilCode: string;
  domain: string;
  note: string;
}

export function parseCouncilEmailDomainsCsv(text: string): CouncilEmailDomain[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((r) => ({ councilCode: r["local-authority-code"], domain: r["email-domain"].toLowerCase(), note: r.note }));
}

export function loadCouncilEmailDomains(file: URL | string = COUNCIL_EMAIL_DOMAINS_CSV): CouncilEmailDomain[] {
  return parseCouncilEmailDomainsCsv(fs.readFileSync(file, "utf8"));
}
