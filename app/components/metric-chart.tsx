import { DataTable } from "~/components/data-table";
import { changeWithVerdict, describeChange, describeMeasures, formatMeasureValue } from "~/models/case-study-measure";
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
        aria-label={`Bar chart of outcome measures before and after. ${describeMeasures(metrics)}.`}
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
          const change = describeChange(m);
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
                {formatMeasureValue(m.before, m.unit)}
              </text>
              <text x={0} y={top + 22 + 2 * ROW - 8} fill={COLOURS.text} fontSize="14">
                After
              </text>
              <rect x={LABEL_WIDTH} y={top + 22 + ROW} width={widthFor(m.after)} height={ROW - 4} fill={afterColour} />
              <text x={LABEL_WIDTH + widthFor(m.after) + 6} y={top + 22 + 2 * ROW - 8} fill={COLOURS.text} fontSize="14">
                {formatMeasureValue(m.after, m.unit)}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable
        caption="The same figures as a table"
        captionSize="s"
        rows={metrics}
        rowKey={(m, i) => `${m.name}-${i}`}
        columns={[
          {
            header: "Measure",
            rowHeader: true,
            cell: (m) => (
              <>
                {m.name}
                <br />
                <span className="govuk-body-s">{m.higherIsBetter ? "Higher is better" : "Lower is better"}</span>
              </>
            ),
          },
          { header: "Before", numeric: true, cell: (m) => formatMeasureValue(m.before, m.unit) },
          { header: "After", numeric: true, cell: (m) => formatMeasureValue(m.after, m.unit) },
          { header: "Change", cell: (m) => changeWithVerdict(m) },
        ]}
      />
    </figure>
  );
}
