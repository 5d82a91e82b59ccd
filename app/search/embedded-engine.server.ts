// The default, in-process engine: our own inverted index (docs/decisions/0014-own-inverted-index-and-one-build-per-machine.md;
// MiniSearch before it, ADR 0005) with the behaviour of the Meilisearch path: typo tolerance
// (none on codes), prefix search on the last word, synonyms by group tokens, disjunctive facet
// counts, filters, sorting with fair tie-breaking, highlighting and pagination.
//
// Why it is fast without a cache: documents are numbered slots; a term's postings are a sorted
// Uint32Array of slots with a precomputed score; a query word becomes a bitset (the union of its
// terms' postings), words are ANDed as bitsets, and filters and facet counts are bitset
// intersections with a precomputed bitset per facet value, so counting costs the same for
// 10 matches as for 40,000. Typos are found through precomputed deletion neighbourhoods
// (SymSpell) instead of scanning the vocabulary.
import { INDEX_DEFINITIONS, filterableAttributes } from "./index-config";
import { querySynonymTokens, synonymTokensIn, synonymWordsForToken } from "./synonyms";
import { fnv1a, highlightSegments, searchSalt } from "./shared";
import { isCode, processTerm, tokenize, typoBudget } from "./text";
import { MAX_FUZZY_TERMS, MAX_QUERY_TERMS, MAX_SUGGEST_TERMS, MIN_FUZZY_TERM_LENGTH } from "./search-query.schema";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest, SearchResponse } from "./types";
import { MAX_TYPO_EDITS, TypoTable, deletions } from "./typo-table";

/** Bump when the index layout or scoring changes: snapshots of another format are rebuilt. */
export const SNAPSHOT_FORMAT = 2;

const SYNONYM_BOOST = 1.5;
const PREFIX_WEIGHT = 0.75;
const FUZZY_WEIGHT = 0.45;
/** A prefix of one or two letters could expand to thousands of terms: the most frequent win. */
const MAX_PREFIX_TERMS = 64;
const BM25_K1 = 1.2;
const BM25_B = 0.7;

// ── bitsets ────────────────────────────────────────────────────────────────

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function countAnd(a: Uint32Array, b: Uint32Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const w = a[i] & b[i];
    if (w !== 0) n += popcount(w);
  }
  return n;
}

function grow(bits: Uint32Array, words: number): Uint32Array {
  if (bits.length >= words) return bits;
  const next = new Uint32Array(words);
  next.set(bits);
  return next;
}

/** A term's postings: ascending slots with a field-weighted BM25 term score each. */
class Postings {
  slots = new Uint32Array(4);
  scores = new Float32Array(4);
  length = 0;
  push(slot: number, score: number) {
    if (this.length === this.slots.length) {
      const slots = new Uint32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const scores = new Float32Array(this.length * 2);
      scores.set(this.scores);
      this.scores = scores;
    }
    this.slots[this.length] = slot;
    this.scores[this.length++] = score;
  }
  has(slot: number): boolean {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.slots[mid];
      if (v === slot) return true;
      if (v < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

// ── typo candidates: deletion neighbourhoods (typo-table.ts) ────────────────

/** Short words and codes get no typo tolerance, so they need no neighbourhood. */
function typoEligible(term: string): boolean {
  return term.length >= 3 && !isCode(term);
}

function sortedLetters(word: string): string {
  return [...word].sort().join("");
}

/** Optimal string alignment distance (a swapped pair is one edit), or max + 1 once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

// ── the index ───────────────────────────────────────────────────────────────

interface Field {
  name: string;
  boost: number;
  /** Characters, for BM25's length normalisation; fixed when the index is built from a full set. */
  totalChars: number;
  count: number;
  fixedAverage: number | null;
}

interface Expansion {
  term: string;
  postings: Postings;
  weight: number;
}

interface Scratch {
  words: number;
  scores: Float32Array;
}

class InvertedIndex {
  readonly fields: Field[];
  readonly facetNames: string[];
  /** Slot → document; null once removed or replaced (its slot stays dead until compaction). */
  slots: (SearchDocument | null)[] = [];
  idToSlot = new Map<string, number>();
  idHash: Uint32Array = new Uint32Array(1024);
  alive: Uint32Array = new Uint32Array(32);
  dead = 0;
  terms = new Map<string, Postings>();
  /** Attribute → value → slots having it. Filters and facet counts are intersections of these. */
  values = new Map<string, Map<string, Uint32Array>>();
  private sortedTerms: string[] | null = null;
  /** The neighbourhoods of every term in `typoTerms` (by position); built after a full build or restored. */
  private typoTable: TypoTable | null = null;
  private typoTerms: string[] = [];
  /** Deletion → terms added since the table was built (a few, until the next build). */
  private laterDeletes = new Map<string, string[]>();
  private sortRanks = new Map<string, Float64Array>();

  /** `documents`: the full set about to be added, so every document is normalised by the same average length. */
  constructor(
    readonly name: IndexName,
    documents: SearchDocument[] = [],
  ) {
    const def = INDEX_DEFINITIONS[name];
    // Field boosts from the weight order of searchableAttributes: first field weighs most.
    this.fields = def.searchableAttributes.map((f, i) => {
      let chars = 0;
      for (const d of documents) chars += fieldText(d, f).length;
      return {
        name: f,
        boost: Math.max(1, 3 - i * 0.4),
        totalChars: 0,
        count: 0,
        fixedAverage: documents.length ? chars / documents.length || 1 : null,
      };
    });
    this.facetNames = def.facets.map((f) => f.name);
    for (const attribute of filterableAttributes(name)) this.values.set(attribute, new Map());
  }

  get size() {
    return this.idToSlot.size;
  }

  private get words() {
    return this.alive.length;
  }

  private ensureCapacity(slot: number) {
    const words = (slot >>> 5) + 1;
    if (words <= this.alive.length) return;
    const target = Math.max(words, this.alive.length * 2);
    this.alive = grow(this.alive, target);
    for (const byValue of this.values.values()) for (const [v, bits] of byValue) byValue.set(v, grow(bits, target));
    if (this.idHash.length < target * 32) {
      const next = new Uint32Array(target * 32);
      next.set(this.idHash);
      this.idHash = next;
    }
  }

  add(doc: SearchDocument) {
    const existing = this.idToSlot.get(doc.id);
    if (existing !== undefined) this.kill(existing);
    const slot = this.slots.length;
    this.ensureCapacity(slot);
    this.slots.push(doc);
    this.idToSlot.set(doc.id, slot);
    this.alive[slot >>> 5] |= 1 << (slot & 31);
    this.idHash[slot] = fnv1a(doc.id);
    this.sortRanks.clear();

    const termScores = new Map<string, number>();
    const texts: string[] = [];
    for (const field of this.fields) {
      const text = fieldText(doc, field.name);
      texts.push(text);
      const counts = new Map<string, number>();
      for (const raw of tokenize(text)) {
        const term = processTerm(raw);
        if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      field.totalChars += text.length;
      field.count++;
      const average = field.fixedAverage ?? (field.totalChars / field.count || 1);
      for (const [term, tf] of counts) {
        const bm25 = (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * text.length) / average));
        termScores.set(term, (termScores.get(term) ?? 0) + field.boost * bm25);
      }
    }
    // Synonyms at index time: each group with a phrase in the text adds its token.
    for (const token of synonymTokensIn(texts.join(" \n "))) termScores.set(token, (termScores.get(token) ?? 0) + SYNONYM_BOOST);
    for (const [term, score] of termScores) {
      let postings = this.terms.get(term);
      if (!postings) {
        postings = new Postings();
        this.terms.set(term, postings);
        this.sortedTerms = null;
        if (this.typoTable) this.addLaterDeletions(term);
      }
      postings.push(slot, score);
    }

    for (const [attribute, byValue] of this.values) {
      for (const value of attributeValues(doc[attribute])) {
        let bits = byValue.get(value);
        if (!bits) byValue.set(value, (bits = new Uint32Array(this.words)));
        bits[slot >>> 5] |= 1 << (slot & 31);
      }
    }
  }

  remove(id: string) {
    const slot = this.idToSlot.get(id);
    if (slot === undefined) return;
    this.kill(slot);
    this.idToSlot.delete(id);
  }

  private kill(slot: number) {
    const doc = this.slots[slot];
    if (!doc) return;
    this.alive[slot >>> 5] &= ~(1 << (slot & 31));
    for (const [attribute, byValue] of this.values) {
      for (const value of attributeValues(doc[attribute])) {
        const bits = byValue.get(value);
        if (bits) bits[slot >>> 5] &= ~(1 << (slot & 31));
      }
    }
    this.slots[slot] = null;
    this.dead++;
    this.sortRanks.clear();
  }

  /** Dead slots still cost a little in postings: renumber once they are a third of the index. */
  needsCompaction() {
    return this.dead > 2_000 && this.dead * 3 > this.slots.length;
  }

  liveDocuments(): SearchDocument[] {
    return this.slots.filter((d): d is SearchDocument => d !== null);
  }

  private sorted(): string[] {
    this.sortedTerms ??= [...this.terms.keys()].sort();
    return this.sortedTerms;
  }

  private addLaterDeletions(term: string) {
    if (!typoEligible(term)) return;
    const out = new Set<string>();
    deletions(term, MAX_TYPO_EDITS, out);
    for (const d of out) {
      const list = this.laterDeletes.get(d);
      if (list) list.push(term);
      else this.laterDeletes.set(d, [term]);
    }
  }

  /** Precomputes the typo neighbourhoods (after a full build, so no query pays for it). */
  prepareTypos() {
    if (this.typoTable) return;
    this.typoTerms = [...this.terms.keys()];
    this.typoTable = TypoTable.build(this.typoTerms, typoEligible);
    this.laterDeletes.clear();
  }

  /** The table for exactly `terms` (in that order): this index's own when it fits, else a new one. */
  private typoTableFor(terms: string[]): TypoTable {
    const own = this.typoTable;
    const fits =
      own && this.laterDeletes.size === 0 && terms.length === this.typoTerms.length && terms.every((t, i) => t === this.typoTerms[i]);
    return fits ? own : TypoTable.build(terms, typoEligible);
  }

  /** Indexed terms within `max` edits of a word the index does not know, nearest first. */
  typoCandidates(word: string, max: number): { term: string; distance: number }[] {
    this.prepareTypos();
    const probes = new Set<string>();
    deletions(word, max, probes);
    const seen = new Set<string>();
    const found: { term: string; distance: number }[] = [];
    const consider = (term: string) => {
      if (seen.has(term)) return;
      seen.add(term);
      const distance = editDistance(word, term, max);
      if (distance <= max && distance > 0) found.push({ term, distance });
    };
    for (const probe of probes) {
      this.typoTable!.visit(probe, (id) => consider(this.typoTerms[id]));
      for (const term of this.laterDeletes.get(probe) ?? []) consider(term);
    }
    // Nearest first; at the same distance a swap of letters ("hosuing" → "housing", not "hosting")
    // is the likelier slip, then the commoner word.
    const letters = sortedLetters(word);
    const swap = (term: string) => (sortedLetters(term) === letters ? 0 : 1);
    return found.sort(
      (a, b) => a.distance - b.distance || swap(a.term) - swap(b.term) || this.terms.get(b.term)!.length - this.terms.get(a.term)!.length,
    );
  }

  /** The most frequent indexed terms that start with `prefix` (not the prefix itself). */
  prefixTerms(prefix: string): string[] {
    const sorted = this.sorted();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) if (sorted[i] !== prefix) out.push(sorted[i]);
    if (out.length <= MAX_PREFIX_TERMS) return out;
    return out.sort((a, b) => this.terms.get(b)!.length - this.terms.get(a)!.length).slice(0, MAX_PREFIX_TERMS);
  }

  /** Terms one query word stands for: itself, completions if it is the last word, and typo candidates if unknown. */
  expand(word: string, position: number, last: boolean): Expansion[] {
    const out: Expansion[] = [];
    const exact = this.terms.get(word);
    if (exact) out.push({ term: word, postings: exact, weight: 1 });
    if (last) {
      for (const term of this.prefixTerms(word)) {
        out.push({ term, postings: this.terms.get(term)!, weight: (PREFIX_WEIGHT * word.length) / term.length + 0.1 });
      }
    }
    // Typo tolerance only for words the index does not know (a known word is spelt right),
    // within the cost budget: the first MAX_FUZZY_TERMS words, from MIN_FUZZY_TERM_LENGTH letters.
    const budget = typoBudget(word);
    if (!exact && budget > 0 && position < MAX_FUZZY_TERMS && word.length >= MIN_FUZZY_TERM_LENGTH) {
      const already = new Set(out.map((e) => e.term));
      for (const { term, distance } of this.typoCandidates(word, Math.min(budget, MAX_TYPO_EDITS))) {
        if (!already.has(term)) out.push({ term, postings: this.terms.get(term)!, weight: FUZZY_WEIGHT * (1 - 0.2 * (distance - 1)) });
      }
    }
    return out;
  }

  idf(postings: Postings): number {
    const n = this.size || 1;
    return Math.log(1 + (n - postings.length + 0.5) / (postings.length + 0.5));
  }

  /** Sort keys per slot for an attribute (numbers as is, text by collation rank), rebuilt after a change. */
  sortKeys(attribute: string): Float64Array {
    let keys = this.sortRanks.get(attribute);
    if (keys) return keys;
    keys = new Float64Array(this.slots.length).fill(NaN);
    const text: { slot: number; value: string }[] = [];
    for (let slot = 0; slot < this.slots.length; slot++) {
      const value = this.slots[slot]?.[attribute];
      if (value == null) continue;
      if (typeof value === "number") keys[slot] = value;
      else text.push({ slot, value: String(value) });
    }
    const collator = new Intl.Collator("en-GB");
    text.sort((a, b) => collator.compare(a.value, b.value));
    let rank = 0;
    for (let i = 0; i < text.length; i++) {
      if (i > 0 && collator.compare(text[i - 1].value, text[i].value) !== 0) rank++;
      keys[text[i].slot] = rank;
    }
    this.sortRanks.set(attribute, keys);
    return keys;
  }

  /**
   * The index as bytes, live documents only (slots renumbered): a worker restores it in a
   * fraction of the time a build from documents takes (no tokenising, no scoring).
   */
  serialize(): Buffer {
    const renumber = new Int32Array(this.slots.length).fill(-1);
    const documents: SearchDocument[] = [];
    this.slots.forEach((doc, slot) => {
      if (doc) renumber[slot] = documents.push(doc) - 1;
    });
    const words = Math.max(1, Math.ceil(documents.length / 32));
    const terms: string[] = [];
    const offsets: number[] = [0];
    let total = 0;
    for (const postings of this.terms.values()) total += postings.length;
    const slots = new Uint32Array(total);
    const scores = new Float32Array(total);
    let at = 0;
    for (const [term, postings] of this.terms) {
      const start = at;
      for (let k = 0; k < postings.length; k++) {
        const to = renumber[postings.slots[k]];
        if (to === -1) continue;
        slots[at] = to;
        scores[at++] = postings.scores[k];
      }
      if (at === start) continue;
      terms.push(term);
      offsets.push(at);
    }
    const values: Record<string, string[]> = {};
    const bitsets: Uint32Array[] = [];
    for (const [attribute, byValue] of this.values) {
      values[attribute] = [];
      for (const [value, bits] of byValue) {
        const out = new Uint32Array(words);
        for (let i = 0; i < bits.length; i++) {
          let w = bits[i];
          while (w !== 0) {
            const bit = w & -w;
            const to = renumber[(i << 5) + 31 - Math.clz32(bit)];
            if (to !== -1) out[to >>> 5] |= 1 << (to & 31);
            w ^= bit;
          }
        }
        values[attribute].push(value);
        bitsets.push(out);
      }
    }
    const meta = {
      fields: this.fields.map((f) => ({ totalChars: f.totalChars, count: f.count, fixedAverage: f.fixedAverage })),
      terms,
      values,
      words,
    };
    const typos = this.typoTableFor(terms);
    return frame([
      Buffer.from(JSON.stringify(meta)),
      Buffer.from(JSON.stringify(documents)),
      bytesOf(new Uint32Array(offsets)),
      bytesOf(slots.subarray(0, at)),
      bytesOf(scores.subarray(0, at)),
      bytesOf(typos.hashes),
      bytesOf(typos.termIds),
      ...bitsets.map(bytesOf),
    ]);
  }

  static restore(name: IndexName, bytes: Buffer): InvertedIndex {
    const [metaBytes, docBytes, offsetBytes, slotBytes, scoreBytes, typoHashBytes, typoIdBytes, ...bitBytes] = unframe(bytes);
    const meta = JSON.parse(metaBytes.toString()) as {
      fields: { totalChars: number; count: number; fixedAverage: number | null }[];
      terms: string[];
      values: Record<string, string[]>;
      words: number;
    };
    const idx = new InvertedIndex(name);
    meta.fields.forEach((f, i) => Object.assign(idx.fields[i], f));
    idx.slots = JSON.parse(docBytes.toString()) as SearchDocument[];
    idx.ensureCapacity(Math.max(0, meta.words * 32 - 1));
    idx.idHash = new Uint32Array(idx.alive.length * 32);
    idx.slots.forEach((doc, slot) => {
      idx.idToSlot.set(doc!.id, slot);
      idx.idHash[slot] = fnv1a(doc!.id);
      idx.alive[slot >>> 5] |= 1 << (slot & 31);
    });
    const offsets = new Uint32Array(copyAligned(offsetBytes));
    const slots = new Uint32Array(copyAligned(slotBytes));
    const scores = new Float32Array(copyAligned(scoreBytes));
    meta.terms.forEach((term, i) => {
      const postings = new Postings();
      postings.slots = slots.subarray(offsets[i], offsets[i + 1]);
      postings.scores = scores.subarray(offsets[i], offsets[i + 1]);
      postings.length = offsets[i + 1] - offsets[i];
      idx.terms.set(term, postings);
    });
    let b = 0;
    for (const [attribute, list] of Object.entries(meta.values)) {
      const byValue = idx.values.get(attribute) ?? new Map<string, Uint32Array>();
      idx.values.set(attribute, byValue);
      for (const value of list) byValue.set(value, grow(new Uint32Array(copyAligned(bitBytes[b++])), idx.alive.length));
    }
    idx.typoTable = TypoTable.fromParts(
      new Uint32Array(copyAligned(typoHashBytes)),
      new Uint32Array(copyAligned(typoIdBytes)),
      meta.terms.length,
    );
    idx.typoTerms = meta.terms;
    return idx;
  }

  /** Per-query buffers, reused: searches on one index never overlap (they are synchronous). */
  private scratch: Scratch | null = null;
  scores(): Float32Array {
    const words = this.words;
    if (!this.scratch || this.scratch.words !== words) this.scratch = { words, scores: new Float32Array(words * 32) };
    this.scratch.scores.fill(0);
    return this.scratch.scores;
  }
}

// ── snapshot framing: [u32 count] then per part [u32 length][bytes] ─────────

function bytesOf(a: Uint32Array | Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function frame(parts: Buffer[]): Buffer {
  const head = Buffer.alloc(4 + parts.length * 4);
  head.writeUInt32LE(parts.length, 0);
  parts.forEach((p, i) => head.writeUInt32LE(p.length, 4 + i * 4));
  return Buffer.concat([head, ...parts]);
}

function unframe(bytes: Buffer): Buffer[] {
  const count = bytes.readUInt32LE(0);
  let at = 4 + count * 4;
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const length = bytes.readUInt32LE(4 + i * 4);
    if (at + length > bytes.length) throw new Error("search snapshot is truncated");
    parts.push(bytes.subarray(at, at + length));
    at += length;
  }
  return parts;
}

/** Typed arrays need 4-byte alignment: one copy into a fresh buffer. */
function copyAligned(part: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(part.length);
  new Uint8Array(out).set(part);
  return out;
}

function fieldText(doc: SearchDocument, field: string): string {
  const value = doc[field];
  return Array.isArray(value) ? value.join(" ") : value == null ? "" : String(value);
}

function attributeValues(value: SearchDocument[string] | undefined): string[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [String(value)];
}

function queryWords(q: string): string[] {
  return tokenize(q)
    .map(processTerm)
    .filter((t): t is string => Boolean(t))
    .slice(0, MAX_QUERY_TERMS);
}

/** The slots a query's text matches (bitset) with their scores, and the terms each word stood for. */
interface TextMatch {
  bits: Uint32Array;
  scores: Float32Array;
  expansions: Expansion[][];
}

function matchText(idx: InvertedIndex, q: string): TextMatch {
  const words = idx.alive.length;
  const scores = idx.scores();
  const alternatives = [q];
  const withTokens = querySynonymTokens(q);
  if (withTokens) alternatives.push(withTokens);
  const perAlternative = alternatives.map((alt) => {
    const terms = queryWords(alt);
    return terms.map((t, i) => idx.expand(t, i, i === terms.length - 1));
  });

  const run = (mode: "and" | "or") => {
    const union = new Uint32Array(words);
    for (const expansions of perAlternative) {
      if (!expansions.length) continue;
      // AND with a word that matches nothing: this phrasing finds nothing.
      if (mode === "and" && expansions.some((e) => !e.length)) continue;
      const own = perAlternative.length > 1 ? new Float32Array(words * 32) : scores;
      let acc: Uint32Array | null = null;
      for (const wordTerms of expansions) {
        const wordBits = new Uint32Array(words);
        for (const e of wordTerms) {
          const weight = e.weight * idx.idf(e.postings);
          const { slots, scores: termScores, length } = e.postings;
          for (let k = 0; k < length; k++) {
            const slot = slots[k];
            wordBits[slot >>> 5] |= 1 << (slot & 31);
            own[slot] += weight * termScores[k];
          }
        }
        if (!acc) acc = wordBits;
        else if (mode === "and") for (let i = 0; i < words; i++) acc[i] &= wordBits[i];
        else for (let i = 0; i < words; i++) acc[i] |= wordBits[i];
      }
      if (!acc) continue;
      for (let i = 0; i < words; i++) union[i] |= acc[i];
      if (own !== scores) {
        // Several phrasings: a document scores by its best one.
        for (let i = 0; i < words; i++) {
          let w = acc[i];
          while (w !== 0) {
            const bit = w & -w;
            const slot = (i << 5) + 31 - Math.clz32(bit);
            if (own[slot] > scores[slot]) scores[slot] = own[slot];
            w ^= bit;
          }
        }
      }
    }
    return union;
  };

  let union = run("and");
  for (let i = 0; i < words; i++) union[i] &= idx.alive[i];
  // Like Meilisearch's "last" matching strategy: if every word cannot match, accept fewer.
  if (!union.some((w) => w !== 0)) {
    scores.fill(0);
    union = run("or");
    for (let i = 0; i < words; i++) union[i] &= idx.alive[i];
  }
  return { bits: union, scores, expansions: perAlternative.flat() };
}

/** A bounded heap of the best slots so far: the worst kept one sits at the top. */
function topSlots(bits: Uint32Array, k: number, better: (a: number, b: number) => boolean): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  if (k <= 0) return [];
  for (let i = 0; i < bits.length; i++) {
    let w = bits[i];
    while (w !== 0) {
      const bit = w & -w;
      const slot = (i << 5) + 31 - Math.clz32(bit);
      w ^= bit;
      if (heap.length < k) {
        heap.push(slot);
        siftUp(heap.length - 1);
      } else if (better(slot, heap[0])) {
        heap[0] = slot;
        siftDown(0);
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** Mixes the query's salt into a document's id hash: fair, stable tie order, never id order. */
function tieKey(saltHash: number, idHash: number): number {
  let h = (saltHash ^ idHash) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class EmbeddedEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private indexes = new Map<IndexName, InvertedIndex>();

  private get(index: IndexName): InvertedIndex {
    let idx = this.indexes.get(index);
    if (!idx) {
      idx = new InvertedIndex(index);
      this.indexes.set(index, idx);
    }
    return idx;
  }

  async replaceAll(index: IndexName, documents: SearchDocument[], onProgress?: (done: number, total: number) => void) {
    // Build beside the live index and swap when complete: searches never see a partial index.
    const next = new InvertedIndex(index, documents);
    const chunk = 2_000;
    for (let i = 0; i < documents.length; i += chunk) {
      for (const d of documents.slice(i, i + chunk)) next.add(d);
      onProgress?.(Math.min(i + chunk, documents.length), documents.length);
      await yieldToEventLoop();
    }
    next.prepareTypos();
    this.indexes.set(index, next);
  }

  /** Up to n documents spread evenly over an index, to check a restored snapshot against the database. */
  sample(index: IndexName, n: number): SearchDocument[] {
    const live = this.get(index).liveDocuments();
    const step = Math.max(1, Math.floor(live.length / n));
    return live.filter((_d, i) => i % step === 0).slice(0, n);
  }

  /** Every index as bytes, for a snapshot on disk (see services/search-snapshot.server.ts). */
  serialize(): Buffer {
    const names = [...this.indexes.keys()];
    return frame([Buffer.from(JSON.stringify(names)), ...names.map((name) => this.get(name).serialize())]);
  }

  /** Replaces every index with the ones in a snapshot (throws on a damaged one, leaving these as they were). */
  restore(bytes: Buffer) {
    const [namesPart, ...parts] = unframe(bytes);
    const names = JSON.parse(namesPart.toString()) as IndexName[];
    const restored = names.map((name, i) => [name, InvertedIndex.restore(name, parts[i])] as const);
    this.indexes = new Map(restored);
  }

  async upsert(index: IndexName, documents: SearchDocument[]) {
    const idx = this.get(index);
    for (const doc of documents) idx.add(doc);
    this.compactIfNeeded(index, idx);
  }

  async remove(index: IndexName, ids: string[]) {
    const idx = this.get(index);
    for (const id of ids) idx.remove(id);
    this.compactIfNeeded(index, idx);
  }

  private compactIfNeeded(index: IndexName, idx: InvertedIndex) {
    if (!idx.needsCompaction()) return;
    const live = idx.liveDocuments();
    const next = new InvertedIndex(index, live);
    for (const doc of live) next.add(doc);
    this.indexes.set(index, next);
  }

  async count(index: IndexName) {
    return this.get(index).size;
  }

  async suggest(index: IndexName, q: string): Promise<string | null> {
    // Suggestions are fuzzy on every word: only for short queries (the cost budget).
    if (!q.trim() || q.trim().split(/\s+/).length > MAX_SUGGEST_TERMS) return null;
    const idx = this.get(index);
    const words = queryWords(q);
    if (!words.length) return null;
    let changed = false;
    const suggestion = words.map((word, i) => {
      if (idx.terms.has(word) || isCode(word)) return word;
      if (i === words.length - 1 && idx.prefixTerms(word).length) return word;
      const max = Math.min(MAX_TYPO_EDITS, Math.floor(word.length * 0.34));
      if (word.length < 3 || max < 1) return word;
      const [best] = idx.typoCandidates(word, max);
      if (!best) return word;
      changed = true;
      return best.term;
    });
    if (!changed) return null;
    const text = suggestion.join(" ");
    const check = matchText(idx, text);
    return check.bits.some((w) => w !== 0) ? text : null;
  }

  async search(index: IndexName, request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    const def = INDEX_DEFINITIONS[index];
    const idx = this.get(index);
    const words = idx.alive.length;
    const q = request.q.trim();
    const text = q ? matchText(idx, q) : null;
    const base = text ? text.bits : idx.alive.slice();

    // Filters: OR within a facet (union of its values' bitsets), AND across facets.
    const active = Object.entries(request.filters)
      .filter(([, values]) => values.length)
      .map(([attribute, values]) => ({ attribute, bits: filterBits(idx, attribute, values, words) }));
    const withAll = (except?: string) => {
      const out = base.slice();
      for (const f of active) if (f.attribute !== except) for (let i = 0; i < words; i++) out[i] &= f.bits[i];
      return out;
    };
    const result = active.length ? withAll() : base;
    let from = 0;
    let to = words;
    const span = (bits: Uint32Array) => {
      from = 0;
      to = bits.length;
      while (from < to && bits[from] === 0) from++;
      while (to > from && bits[to - 1] === 0) to--;
    };

    // Disjunctive facet counts: each facet counted with every filter but its own.
    const facets: Record<string, Record<string, number>> = {};
    const activeNames = new Set(active.map((f) => f.attribute));
    for (const facet of idx.facetNames) {
      const mask = activeNames.has(facet) ? withAll(facet) : result;
      span(mask);
      const counts: Record<string, number> = {};
      if (from < to) {
        for (const [value, bits] of idx.values.get(facet)!) {
          const n = countAnd(mask, bits, from, to);
          if (n > 0) counts[value] = n;
        }
      }
      facets[facet] = counts;
    }
    span(result);
    let total = 0;
    for (let i = from; i < to; i++) if (result[i] !== 0) total += popcount(result[i]);

    // Ranking: the requested sort first, then relevance, then a salted hash (never id or date).
    const saltHash = fnv1a(searchSalt(request));
    const sortDef = request.sort === "relevance" ? undefined : def.sortable[request.sort];
    const keys = sortDef ? idx.sortKeys(sortDef.attribute) : null;
    const direction = sortDef?.direction === "desc" ? -1 : 1;
    const scores = text?.scores;
    const better = (a: number, b: number): boolean => {
      if (keys) {
        const ka = keys[a];
        const kb = keys[b];
        if (ka !== kb) {
          if (Number.isNaN(kb)) return !Number.isNaN(ka);
          if (Number.isNaN(ka)) return false;
          return direction * (ka - kb) < 0;
        }
      }
      if (scores && scores[a] !== scores[b]) return scores[a] > scores[b];
      return tieKey(saltHash, idx.idHash[a]) < tieKey(saltHash, idx.idHash[b]);
    };
    const start = (request.page - 1) * request.pageSize;
    const page = topSlots(result, Math.min(total, start + request.pageSize), better).slice(start);
    const queryTerms = q ? queryWords(q) : [];
    return {
      total,
      hits: page.map((slot) => {
        const doc = idx.slots[slot]!;
        const matched = text ? text.expansions.flat().filter((e) => e.postings.has(slot)) : [];
        const terms = highlightTerms(
          matched.map((e) => e.term),
          queryTerms,
        );
        return {
          id: doc.id,
          document: doc,
          highlights: Object.fromEntries(def.highlight.map((field) => [field, highlightSegments(String(doc[field] ?? ""), terms)])),
        };
      }),
      facets,
      processingTimeMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}

/** Slots having any of the values; an attribute without precomputed bitsets is scanned. */
function filterBits(idx: InvertedIndex, attribute: string, values: string[], words: number): Uint32Array {
  const out = new Uint32Array(words);
  const byValue = idx.values.get(attribute);
  if (byValue) {
    for (const v of values) {
      const bits = byValue.get(v);
      if (bits) for (let i = 0; i < words; i++) out[i] |= bits[i];
    }
    return out;
  }
  const accepted = new Set(values);
  idx.slots.forEach((doc, slot) => {
    if (doc && attributeValues(doc[attribute]).some((v) => accepted.has(v))) out[slot >>> 5] |= 1 << (slot & 31);
  });
  return out;
}

/** Matched terms to mark, with synonym-group tokens turned back into their words. */
function highlightTerms(matched: string[], queryTerms: string[]): string[] {
  return [...matched, ...queryTerms].flatMap((t) => (t.startsWith("xsyn") ? synonymWordsForToken(t) : [t]));
}
