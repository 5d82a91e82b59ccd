// Reads seed/data/councils.csv (mySociety's list of current UK councils, CC BY 4.0).
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { CouncilInput } from "./generate";

export const COUNCILS_CSV = new URL("./data/councils.csv", import.meta.url);

type CsvRecord = Record<
  | "local-authority-code"
  | "official-name"
  | "nice-name"
  | "gss-code"
  | "nation"
  | "region"
  | "local-authority-type"
  | "local-authority-type-name"
  | "pop-2020"
  | "gov-uk-slug",
  string
>;

export function parseCouncilsCsv(text: string): CouncilInput[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as CsvRecord[];
  return records.map((r) => {
    const population = r["pop-2020"] ? Math.round(Number.parseFloat(r["pop-2020"])) : null;
    return {
      code: r["local-authority-code"],
      officialName: r["official-name"],
      name: r["nice-name"],
      gssCode: r["gss-code"] || null,
      nation: r.nation,
      region: r.region,
      type: r["local-authority-type"],
      typeName: r["local-authority-type-name"],
      population: Number.isFinite(population) ? population : null,
      govUkSlug: r["gov-uk-slug"] || null,
    };
  });
}

export function loadCouncils(file: URL | string = COUNCILS_CSV): CouncilInput[] {
  return parseCouncilsCsv(fs.readFileSync(file, "utf8"));
}
