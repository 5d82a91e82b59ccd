// Typo candidates through deletion neighbourhoods (SymSpell), held compactly: every string a
// term reaches in at most MAX_TYPO_EDITS deletions is kept only as a 32-bit hash beside the
// term's number, in two typed arrays sorted by hash. The Map of strings it replaces held
// 3.1 million keys (about 420 MB of heap at 65,000 documents) and was rebuilt on every start;
// these arrays take 8 bytes per pair, go into the index snapshot as they are, and restore
// without any work (docs/decisions/0021-compact-typo-table-in-the-snapshot.md).
//
// A hash collision only adds a candidate: every candidate's edit distance is checked after.
import { fnv1a } from "./shared";

export const MAX_TYPO_EDITS = 2;

/** Every string `word` reaches in at most `edits` deletions, itself included. */
export function deletions(word: string, edits: number, out: Set<string>) {
  out.add(word);
  if (edits === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) deletions(shorter, edits - 1, out);
  }
}

/** Sorts `keys` ascending and moves `values` with them: two 16-bit radix passes, O(n). */
function sortPairs(keys: Uint32Array, values: Uint32Array): { keys: Uint32Array; values: Uint32Array } {
  const n = keys.length;
  let k: Uint32Array = keys;
  let v: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(n);
  let v2: Uint32Array = new Uint32Array(n);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65_537);
    for (let i = 0; i < n; i++) counts[((k[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 1; b < counts.length; b++) counts[b] += counts[b - 1];
    for (let i = 0; i < n; i++) {
      const at = counts[(k[i] >>> shift) & 0xffff]++;
      k2[at] = k[i];
      v2[at] = v[i];
    }
    [k, k2] = [k2, k];
    [v, v2] = [v2, v];
  }
  return { keys: k, values: v };
}

export class TypoTable {
  private constructor(
    /** Hashes of the deletions, ascending. */
    readonly hashes: Uint32Array,
    /** The term number each hash came from (an index into the term list the table was built for). */
    readonly termIds: Uint32Array,
  ) {}

  /** `eligible` says which terms take part (short words and codes get no typo tolerance). */
  static build(terms: readonly string[], eligible: (term: string) => boolean): TypoTable {
    let hashes = new Uint32Array(Math.max(1024, terms.length * 8));
    let ids = new Uint32Array(hashes.length);
    let n = 0;
    const out = new Set<string>();
    terms.forEach((term, id) => {
      if (!eligible(term)) return;
      out.clear();
      deletions(term, MAX_TYPO_EDITS, out);
      if (n + out.size > hashes.length) {
        const size = Math.max(hashes.length * 2, n + out.size);
        const nextHashes = new Uint32Array(size);
        nextHashes.set(hashes.subarray(0, n));
        hashes = nextHashes;
        const nextIds = new Uint32Array(size);
        nextIds.set(ids.subarray(0, n));
        ids = nextIds;
      }
      for (const d of out) {
        hashes[n] = fnv1a(d);
        ids[n++] = id;
      }
    });
    const sorted = sortPairs(hashes.slice(0, n), ids.slice(0, n));
    return new TypoTable(sorted.keys, sorted.values);
  }

  /** A table from the `hashes` and `termIds` of one built for `termCount` terms, as the snapshot stores them (throws if they do not fit together). */
  static fromParts(hashes: Uint32Array, termIds: Uint32Array, termCount: number): TypoTable {
    if (hashes.length !== termIds.length) throw new Error("search snapshot's typo table is damaged");
    for (let i = 0; i < termIds.length; i++) if (termIds[i] >= termCount) throw new Error("search snapshot's typo table is damaged");
    return new TypoTable(hashes, termIds);
  }

  get pairs(): number {
    return this.hashes.length;
  }

  /** Calls `visit` with the number of every term that may reach `probe` (more, on a hash collision). */
  visit(probe: string, visit: (termId: number) => void) {
    const h = fnv1a(probe);
    const hashes = this.hashes;
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hashes.length && hashes[i] === h; i++) visit(this.termIds[i]);
  }
}
