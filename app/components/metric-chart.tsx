import { TableContainer } from "~/components/table-container";
// Before/after outcome figures: an SVG bar chart (sizes as SVG attributes, since the CSP
// forbids inline styles) described by its aria-label, with the same numbers in a table
// so nothing is only visual.
export interface ChartMetric {
  name: string;
  before: number;
  after: number;
  unit: string;
  higherIsBetter: boolean;
}

const FONT = '"GDS Transport", arial, sans-serif';
const COLOURS = { before: "#505a5f", better: "#00703c", worse: "#d4351c", text: "#0b0c0c" };
const WIDTH = 640;
const LABEL_WIDTH = 70;
const BAR_MAX = 440;
const ROW = 24;
const GROUP = 96;

function formatValue(value: number, unit: string) {
  const n = value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  if (!unit) return n;
  return unit === "%" ? `${n}%` : unit === "£" ? `£${n}` : `${n} ${unit}`;
}

export function changeOf(m: ChartMetric): { text: string; better: boolean | null } {
  if (m.before === m.after) return { text: "No change", better: null };
  const better = m.higherIsBetter ? m.after > m.before : m.after < m.before;
  const pct = m.before !== 0 ? Math.round(((m.after - m.before) / Math.abs(m.before)) * 100) : null;
  const direction = m.after > m.before ? "Up" : "Down";
  return { text: `${direction}${pct != null ? ` ${Math.abs(pct)}%` : ""} (${better ? "better" : "worse"})`, better };
}

export function describeMetrics(metrics: ChartMetric[]): string {
  return metrics
    .map(
      (m) =>
        `${m.name}: before ${formatValue(m.before, m.unit)}, after ${formatValue(m.after, m.unit)}; ${m.higherIsBetter ? "higher" : "lower"} is better`,
    )
    .join(". ");
}

export function MetricChart({ metrics, id }: { metrics: ChartMetric[]; id: string }) {
  if (!metrics.length) return <p className="govuk-body">No outcome measures were recorded.</p>;
  const height = metrics.length * GROUP;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6" aria-labelledby={`${id}-caption`}>
      <figcaption className="govuk-heading-s" id={`${id}-caption`}>
        Outcome measures before and after
      </figcaption>
      <svg
        role="img"
        aria-label={`Bar chart of outcome measures before and after. ${describeMetrics(metrics)}.`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        height={height}
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
        fontFamily={FONT}
      >
        {metrics.map((m, i) => {
          const top = i * GROUP;
          const max = Math.max(Math.abs(m.before), Math.abs(m.after)) || 1;
          const widthFor = (v: number) => Math.max(2, Math.round((Math.max(0, v) / max) * BAR_MAX));
          const change = changeOf(m);
          const afterColour = change.better === false ? COLOURS.worse : change.better ? COLOURS.better : COLOURS.before;
          return (
            <g key={`${m.name}-${i}`} aria-hidden="true">
              <text x={0} y={top + 16} fill={COLOURS.text} fontSize="16" fontWeight="700">
                {m.name}
              </text>
              <text x={0} y={top + 20 + ROW - 6} fill={COLOURS.text} fontSize="14">
                Before
              </text>
              <rect x={LABEL_WIDTH} y={top + 22} width={widthFor(m.before)} height={ROW - 4} fill={COLOURS.before} />
              <text x={LABEL_WIDTH + widthFor(m.before) + 6} y={top + 20 + ROW - 6} fill={COLOURS.text} fontSize="14">
                {formatValue(m.before, m.unit)}
              </text>
              <text x={0} y={top + 22 + 2 * ROW - 8} fill={COLOURS.text} fontSize="14">
                After
              </text>
              <rect x={LABEL_WIDTH} y={top + 22 + ROW} width={widthFor(m.after)} height={ROW - 4} fill={afterColour} />
              <text x={LABEL_WIDTH + widthFor(m.after) + 6} y={top + 22 + 2 * ROW - 8} fill={COLOURS.text} fontSize="14">
                {formatValue(m.after, m.unit)}
              </text>
            </g>
          );
        })}
      </svg>
      <TableContainer label="The same figures as a table">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">The same figures as a table</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Measure
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Before
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                After
              </th>
              <th scope="col" className="govuk-table__header">
                Change
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {metrics.map((m, i) => (
              <tr className="govuk-table__row" key={`${m.name}-${i}`}>
                <th scope="row" className="govuk-table__header">
                  {m.name}
                  <br />
                  <span className="govuk-body-s">{m.higherIsBetter ? "Higher is better" : "Lower is better"}</span>
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatValue(m.before, m.unit)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatValue(m.after, m.unit)}</td>
                <td className="govuk-table__cell">{changeOf(m).text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </figure>
  );
}
