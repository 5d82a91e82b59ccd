// Tokenising shared by indexing and querying in the embedded engine.
const STOP_WORDS = new Set(["a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "by", "or", "at", "is", "our", "your"]);

/** Splits on spaces and punctuation but keeps codes whole: "RM1557.15", "r&b", "SC123456". */
export function tokenize(text: string): string[] {
  return text.split(/[\s,;:!?()[\]{}"'“”‘’/|–—_+*=<>-]+/u);
}

/** Lower-cases, trims edge punctuation and drops stop words (returns null to drop). */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, "");
  if (!t || STOP_WORDS.has(t)) return null;
  return t;
}

/** Codes are matched exactly: framework numbers, company numbers, anything with digits and letters mixed. */
export function isCode(term: string): boolean {
  // Synonym-group tokens (see synonyms.ts) are codes too: "xsynaa" must never match "xsynab".
  if (/^xsyn[a-z]{2}$/.test(term)) return true;
  return /^rm\d/.test(term) || /^(sc|ni|oc|so|nc|r)?\d{5,}$/.test(term) || (/\d/.test(term) && /[a-z]/.test(term));
}

/**
 * Edits allowed for a word the index does not know: none under 5 letters (as Meilisearch)
 * and none on codes; otherwise two. A swapped pair of letters ("hosuing") counts as one edit
 * (optimal string alignment, as Meilisearch), so two edits cover a swap and one more slip.
 */
export function typoBudget(term: string): number {
  if (isCode(term)) return 0;
  return term.length >= 5 ? 2 : 0;
}
