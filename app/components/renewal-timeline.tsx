// The radar's timeline: one row per contract, a bar from today to the month it ends. An SVG
// picture (role="img" with a title and description); the table beside it carries the same facts.
import { formatDate } from "~/utils/format";

export interface TimelineItem {
  id: string;
  label: string;
  endDate: string;
  monthsLeft: number;
}

const ROW = 26;
const LEFT = 190;
const WIDTH = 720;
const TOP = 30;

export function RenewalTimeline({ items, months, title }: { items: TimelineItem[]; months: number; title: string }) {
  const shown = items.slice(0, 40);
  const height = TOP + shown.length * ROW + 10;
  const x = (m: number) => LEFT + ((WIDTH - LEFT - 20) * Math.min(m, months)) / months;
  const ticks = Array.from({ length: months / 6 + 1 }, (_, i) => i * 6);
  const desc =
    shown.length === 0
      ? "No contracts end in this period."
      : shown.map((i) => `${i.label}: ends ${formatDate(i.endDate)}, in ${i.monthsLeft} months`).join("; ");
  return (
    <figure className="app-timeline" style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        style={{ maxWidth: WIDTH }}
      >
        <title id="timeline-title">{title}</title>
        <desc id="timeline-desc">{desc}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 8} y2={height - 6} stroke="#b1b4b6" strokeWidth={1} />
            <text x={x(t)} y={TOP - 14} fontSize={13} textAnchor="middle" fill="#0b0c0c">
              {t === 0 ? "Today" : `${t} months`}
            </text>
          </g>
        ))}
        {shown.map((item, i) => {
          const y = TOP + i * ROW;
          return (
            <g key={item.id}>
              <text x={LEFT - 8} y={y + 16} fontSize={13} textAnchor="end" fill="#0b0c0c">
                {item.label.length > 26 ? `${item.label.slice(0, 25)}…` : item.label}
              </text>
              <rect
                x={x(0)}
                y={y + 5}
                width={Math.max(x(item.monthsLeft) - x(0), 3)}
                height={14}
                fill={item.monthsLeft <= 6 ? "#d4351c" : "#1d70b8"}
              />
            </g>
          );
        })}
      </svg>
      {items.length > shown.length ? (
        <figcaption className="govuk-body-s">
          The first {shown.length} of {items.length}; the table lists them all.
        </figcaption>
      ) : null}
    </figure>
  );
}
