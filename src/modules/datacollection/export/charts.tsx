/**
 * Bar charts of the one-way report tables, as inline SVG on the report page and drawn with pdfkit in the PDF. A
 * chart only repeats the table next to it: withheld figures get no bar (their label says `< k`), and the table
 * stays the accessible form of the data (the SVG is one image with a title and a description).
 */
import type { ReportTable } from '../report.ts';

export interface Bar {
  key: string;
  label: string;
  /** Null for a withheld figure. */
  value: number | null;
}

/** Whether a table gets a chart: published one-way tables other than the totals. */
export function chartable(table: ReportTable): boolean {
  return table.id !== 'totals' && table.cols.length === 1 && table.cols[0] === 'n' && !table.total.suppressed;
}

export function barsOf(table: ReportTable, label: (key: string) => string): Bar[] {
  return table.rows.map((key, i) => {
    const cell = table.cells[i]![0]!;
    return { key, label: label(key), value: cell.suppressed ? null : cell.value };
  });
}

const ROW = 22;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 70;

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A horizontal bar chart; `title`/`description` name the image for screen readers. */
export function BarChart(props: {
  id: string;
  bars: Bar[];
  k: number;
  title: string;
  description: string;
  format: (n: number) => string;
}) {
  const { bars, k } = props;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const height = bars.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  return (
    <figure class="report-chart">
      <svg
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={`max-width:${width}px`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const w = bar.value === null ? 0 : Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * BAR_WIDTH);
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={y + 15} text-anchor="end" font-size="13" fill="#1a1a1a">
                {truncate(bar.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={w.toFixed(1)} height={ROW - 6} fill="#1f5f8b" />
              <text x={LABEL_WIDTH + w + 6} y={y + 15} font-size="13" fill="#1a1a1a">
                {bar.value === null ? `< ${k}` : props.format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
