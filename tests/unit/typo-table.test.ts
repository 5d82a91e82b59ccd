// The compact typo table finds exactly the terms the map of deletion strings it replaced found,
// survives a trip through its parts (as in the index snapshot), and refuses damaged parts.
import { describe, expect, it } from "vitest";
import { MAX_TYPO_EDITS, TypoTable, deletions } from "~/search/typo-table";

const VOCABULARY = [
  "housing",
  "hosting",
  "revenues",
  "benefits",
  "repairs",
  "council",
  "counsel",
  "parking",
  "permits",
  "planning",
  "licensing",
  "waste",
  "recycling",
  "libraries",
  "payments",
  "casework",
  "tenancy",
  "tenants",
  "rents",
  "arrears",
  "social",
  "care",
  "adult",
  "children",
  "schools",
  "highways",
  "street",
  "lighting",
  "cemeteries",
  "bereavement",
  "elections",
  "registration",
  "democratic",
];
const eligible = (t: string) => t.length >= 3;

/** What the old map did: deletion string → terms, then the terms each probe reaches. */
function byMap(word: string, max: number): string[] {
  const map = new Map<string, Set<string>>();
  for (const term of VOCABULARY.filter(eligible)) {
    const out = new Set<string>();
    deletions(term, MAX_TYPO_EDITS, out);
    for (const d of out) (map.get(d) ?? map.set(d, new Set()).get(d)!).add(term);
  }
  const probes = new Set<string>();
  deletions(word, max, probes);
  const found = new Set<string>();
  for (const p of probes) for (const t of map.get(p) ?? []) found.add(t);
  return [...found].sort();
}

function byTable(table: TypoTable, word: string, max: number): string[] {
  const probes = new Set<string>();
  deletions(word, max, probes);
  const found = new Set<string>();
  for (const p of probes) table.visit(p, (id) => found.add(VOCABULARY[id]));
  return [...found].sort();
}

describe("typo table", () => {
  const table = TypoTable.build(VOCABULARY, eligible);
  const typos = ["hosuing", "revenue", "benfits", "repiars", "counci", "parkng", "plannnig", "tennats", "hihgways", "xyzzy"];

  it.each(typos)("reaches the same terms as the map for %s", (word) => {
    for (const max of [1, 2]) expect(byTable(table, word, max)).toEqual(byMap(word, max));
  });

  it("finds the term a slip was made from", () => {
    expect(byTable(table, "hosuing", 2)).toContain("housing");
    expect(byTable(table, "benfits", 1)).toContain("benefits");
    expect(byTable(table, "xyzzy", 2)).toEqual([]);
  });

  it("holds its hashes in order, one pair per deletion", () => {
    for (let i = 1; i < table.hashes.length; i++) expect(table.hashes[i]).toBeGreaterThanOrEqual(table.hashes[i - 1]);
    const expected = VOCABULARY.reduce((n, t) => {
      const out = new Set<string>();
      deletions(t, MAX_TYPO_EDITS, out);
      return n + out.size;
    }, 0);
    expect(table.pairs).toBe(expected);
  });

  it("answers the same after a trip through its parts, and refuses parts that do not fit", () => {
    const copy = TypoTable.fromParts(table.hashes.slice(), table.termIds.slice(), VOCABULARY.length);
    for (const word of typos) expect(byTable(copy, word, 2)).toEqual(byTable(table, word, 2));
    expect(() => TypoTable.fromParts(table.hashes, table.termIds.subarray(1), VOCABULARY.length)).toThrow(/damaged/);
    expect(() => TypoTable.fromParts(table.hashes, table.termIds, 3)).toThrow(/damaged/);
  });
});
