// How a case study's outcome measure reads, the same on every page that shows it (the case
// study's chart and table, lists on product, supplier and council pages, the case-study index,
// the moderator's comparison). docs/content.md: "£910,000 to £135,000", "41,000 calls", and a
// change between two percentages in percentage points ("up 1.2 percentage points"), never a
// relative "Up 1%".
import { formatPence, parsePounds } from "~/procurement/money";

export interface Measure {
  name: string;
  before: number;
  after: number;
  unit: string;
  higherIsBetter?: boolean;
}

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A measure's unit as written, with "£" and "%" recognised (also "pounds", "percent"). */
function unitKind(unit: string): "money" | "percent" | "other" {
  const u = unit.trim().toLowerCase();
  if (u === "£" || u === "gbp" || u === "pounds" || u === "£s") return "money";
  if (u === "%" || u === "percent" || u === "per cent") return "percent";
  return "other";
}

/** Pounds (a measure's number) as money text: exact to the penny, "£910,000", "£15.50". */
function formatPounds(pounds: number): string {
  const parsed = parsePounds(String(Math.abs(pounds)));
  // A measure is a number, not money text: more than 2 decimals is rounded to the penny.
  const pence = parsed.ok ? parsed.pence : Math.round(Math.abs(pounds) * 100);
  return `${pounds < 0 ? "-" : ""}${formatPence(pence)}`;
}

/** One value with its unit: "£910,000", "96.3%", "41,000 calls", "14 days". */
export function formatMeasureValue(value: number, unit: string): string {
  switch (unitKind(unit)) {
    case "money":
      return formatPounds(value);
    case "percent":
      return `${numberFormat.format(value)}%`;
    default:
      return unit.trim() ? `${numberFormat.format(value)} ${unit.trim()}` : numberFormat.format(value);
  }
}

/** The difference a - b without floating-point noise (95.1 → 96.3 is 1.2, not 1.1999999999999886). */
function difference(after: number, before: number): number {
  return Math.round((after - before) * 100) / 100;
}

export interface MeasureChange {
  /** "Up 1.2 percentage points", "Down 85%", "Up from 0", "No change". */
  text: string;
  /** true when the change is for the better, false for the worse, null for no change. */
  better: boolean | null;
}

/** How a measure moved: percentages in percentage points, anything else as a relative change. */
export function describeChange(m: Measure): MeasureChange {
  if (m.before === m.after) return { text: "No change", better: null };
  const better = m.higherIsBetter ? m.after > m.before : m.after < m.before;
  const direction = m.after > m.before ? "Up" : "Down";
  if (unitKind(m.unit) === "percent") {
    const points = Math.abs(difference(m.after, m.before));
    return { text: `${direction} ${numberFormat.format(points)} percentage ${points === 1 ? "point" : "points"}`, better };
  }
  if (m.before === 0) return { text: `${direction} from ${formatMeasureValue(0, m.unit)}`, better };
  const percent = (Math.abs(m.after - m.before) / Math.abs(m.before)) * 100;
  const rounded = Math.round(percent);
  return { text: `${direction} ${rounded === 0 ? "less than 1" : numberFormat.format(rounded)}%`, better };
}

/** The change with its verdict, for a table cell: "Down 85% (better)". */
export function changeWithVerdict(m: Measure): string {
  const change = describeChange(m);
  return change.better === null ? change.text : `${change.text} (${change.better ? "better" : "worse"})`;
}

/**
 * A measure on one line, as lists show a case study's headline outcome:
 * "Cost of the contact centre: £910,000 to £135,000 (down 85%, better)".
 */
export function measureSummary(m: Measure): string {
  const change = describeChange(m);
  const verdict = change.better === null || m.higherIsBetter === undefined ? "" : `, ${change.better ? "better" : "worse"}`;
  const moved = change.better === null ? "no change" : `${change.text.charAt(0).toLowerCase()}${change.text.slice(1)}${verdict}`;
  return `${m.name}: ${formatMeasureValue(m.before, m.unit)} to ${formatMeasureValue(m.after, m.unit)} (${moved})`;
}

/** The chart's text alternative: every measure, before and after, and which way is better. */
export function describeMeasures(metrics: Measure[]): string {
  return metrics
    .map(
      (m) =>
        `${m.name}: before ${formatMeasureValue(m.before, m.unit)}, after ${formatMeasureValue(m.after, m.unit)}; ${m.higherIsBetter ? "higher" : "lower"} is better`,
    )
    .join(". ");
}
