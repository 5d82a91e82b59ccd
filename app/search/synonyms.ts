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
