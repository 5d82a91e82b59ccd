// Pieces both engines share: fair tie-breaking and highlight segments.
import type { HighlightSegment, SearchRequest } from "./types";

/** FNV-1a: a fast, stable 32-bit hash. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Salt for ordering ties: the same query and filters always give the same order,
 * a different search gives a different one, and neither depends on id order or dates
 * (the Digital Marketplace's approach to fair ordering).
 */
export function searchSalt(request: Pick<SearchRequest, "q" | "filters">): string {
  const filters = Object.keys(request.filters)
    .sort()
    .map((k) => `${k}=${[...request.filters[k]].sort().join(",")}`)
    .join("&");
  return `${request.q.trim().toLowerCase()}|${filters}`;
}

export function tieRank(salt: string, id: string): number {
  return fnv1a(`${salt}#${id}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Splits text into segments, marking words that start with one of the matched terms. */
export function highlightSegments(text: string, terms: string[]): HighlightSegment[] {
  const usable = [...new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  if (!text || !usable.length) return [{ text: text ?? "", mark: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${usable.map(escapeRegExp).join("|")})[\\p{L}\\p{N}]*`, "giu");
  const segments: HighlightSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start), mark: false });
    segments.push({ text: match[0], mark: true });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), mark: false });
  return segments;
}

/** Meilisearch-style highlighted text (with sentinel tags) → segments. */
export function segmentsFromTagged(text: string, pre: string, post: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let rest = text;
  while (rest.length) {
    const open = rest.indexOf(pre);
    if (open === -1) {
      segments.push({ text: rest, mark: false });
      break;
    }
    if (open > 0) segments.push({ text: rest.slice(0, open), mark: false });
    const close = rest.indexOf(post, open + pre.length);
    const end = close === -1 ? rest.length : close;
    segments.push({ text: rest.slice(open + pre.length, end), mark: true });
    rest = close === -1 ? "" : rest.slice(close + post.length);
  }
  return segments;
}
