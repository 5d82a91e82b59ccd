// Local-government synonyms, as data: each group lists words and phrases that mean the
// same thing to a council. Extend by adding a group or a phrase (lower case).
export const SYNONYM_GROUPS: string[][] = [
  ["revenues and benefits", "revs and bens", "r&b", "revs & bens", "council tax and benefits"],
  ["customer relationship management", "crm"],
  ["adult social care", "asc", "adults social care"],
  ["special educational needs", "send", "special educational needs and disabilities"],
  ["housing management", "housing system", "landlord services", "tenancy management"],
  ["planning", "planning applications", "development management"],
  ["waste and recycling", "waste management", "bin collections", "refuse collection"],
  ["edrms", "document management", "electronic document and records management", "records management"],
  ["gis", "mapping", "geographic information system", "geospatial"],
  ["my account", "citizen portal", "customer portal", "resident portal", "self-service portal", "resident account"],
  ["children's services", "childrens services", "children's social care", "csc"],
  ["highways", "roads", "street works"],
  ["democratic services", "committee management", "modern.gov"],
  ["hr", "human resources", "payroll"],
  ["contact centre", "call centre", "customer services"],
  ["cloud hosting", "iaas", "infrastructure as a service"],
  ["saas", "software as a service", "cloud software"],
];

/** Meilisearch's synonyms setting: every phrase maps to the others in its group. */
export function meilisearchSynonyms(groups = SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) for (const phrase of group) out[phrase] = group.filter((p) => p !== phrase);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The query plus alternatives with one synonym phrase swapped for another, e.g.
 * "revs and bens cloud" → ["revs and bens cloud", "revenues and benefits cloud", "r&b cloud", …].
 */
export function expandSynonyms(query: string, groups = SYNONYM_GROUPS, limit = 8): string[] {
  const q = query.toLowerCase().trim().replace(/\s+/g, " ");
  const out = new Set<string>([q]);
  for (const group of groups) {
    for (const phrase of group) {
      const pattern = new RegExp(`(^|[^a-z0-9&])${escapeRegExp(phrase)}(?=$|[^a-z0-9&])`);
      if (!pattern.test(q)) continue;
      for (const alternative of group) {
        if (alternative !== phrase) out.add(q.replace(pattern, (_m, pre: string) => `${pre}${alternative}`));
      }
    }
  }
  return [...out].slice(0, limit);
}

// ── index-time synonyms for the embedded engine ─────────────────────────────
// Each group gets a token ("xsynaa", "xsynab", …; fixed length so prefix search cannot
// confuse two groups). A document gets the token of every group with a phrase in its
// text; a query has its synonym phrases replaced by the token. One cheap posting list
// instead of one search per alternative.

export function synonymToken(groupIndex: number): string {
  const a = "abcdefghijklmnopqrstuvwxyz";
  return `xsyn${a[Math.floor(groupIndex / 26) % 26]}${a[groupIndex % 26]}`;
}

const PHRASES = SYNONYM_GROUPS.flatMap((group, index) => group.map((phrase) => ({ phrase, index }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);
const PHRASE_GROUP = new Map(PHRASES.map((p) => [p.phrase, p.index]));
const PHRASE_PATTERN = new RegExp(`(?<![a-z0-9&])(${PHRASES.map((p) => escapeRegExp(p.phrase)).join("|")})(?![a-z0-9&])`, "g");

/** The synonym-group tokens whose phrases appear in a document's text. */
export function synonymTokensIn(text: string): string[] {
  const tokens = new Set<string>();
  for (const match of text.toLowerCase().matchAll(PHRASE_PATTERN)) tokens.add(synonymToken(PHRASE_GROUP.get(match[1])!));
  return [...tokens];
}

/** The query with each synonym phrase replaced by its group token, or null if it has none. */
export function querySynonymTokens(query: string): string | null {
  const q = query.toLowerCase().trim().replace(/\s+/g, " ");
  let found = false;
  const replaced = q.replace(PHRASE_PATTERN, (_m, phrase: string) => {
    found = true;
    return synonymToken(PHRASE_GROUP.get(phrase)!);
  });
  return found ? replaced : null;
}

/** The words of a group's phrases, so a match through a token can still be highlighted. */
export function synonymWordsForToken(token: string): string[] {
  const index = SYNONYM_GROUPS.findIndex((_g, i) => synonymToken(i) === token);
  if (index === -1) return [];
  return [...new Set(SYNONYM_GROUPS[index].flatMap((phrase) => phrase.split(/\s+/)).filter((w) => w.length > 2 && w !== "and"))];
}
