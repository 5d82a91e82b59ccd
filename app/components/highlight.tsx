import type { HighlightSegment } from "~/services/search";

/** Renders highlight segments as text with <mark>: never as HTML, so nothing can be injected. */
export function Highlight({ segments, fallback }: { segments?: HighlightSegment[]; fallback: string }) {
  if (!segments?.length) return <>{fallback}</>;
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
