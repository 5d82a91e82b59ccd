// Percentiles and rounding shared by the benchmark sections.
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export interface Summary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(times: number[]): Summary {
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
}

export const fmt = (s: Summary) => `${s.p50} / ${s.p95} / ${s.p99} ms`;
