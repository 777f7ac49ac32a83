import type { Locale, MessageKey, Translate } from '../../platform/i18n/index.ts';
import type { RoundProgress, StatusKey } from './repo.ts';

const k = (key: string) => key as MessageKey;

/** Order of the stack, and colours with at least 3:1 contrast against white (WCAG 1.4.11). */
export const chartStatuses: Array<{ key: StatusKey; colour: string }> = [
  { key: 'implemented', colour: '#1b6e35' },
  { key: 'partially', colour: '#9a4d00' },
  { key: 'not_implemented', colour: '#b0201b' },
  { key: 'none', colour: '#5f6670' },
];

/**
 * The progress chart: one stacked bar per evaluation round, drawn on the server as SVG (no script). Screen
 * readers get the title and description; the same figures follow as a table.
 */
export function ProgressChart({
  rounds,
  t,
  locale,
}: {
  rounds: RoundProgress[];
  t: Translate;
  locale: Locale;
}) {
  if (rounds.length === 0) return null;
  const labelWidth = 260;
  const barWidth = 420;
  const rowHeight = 44;
  const top = 40;
  const height = top + rounds.length * rowHeight + 10;
  const label = (r: RoundProgress) =>
    `${locale === 'de' ? r.instrument_de : r.instrument_en}: ${locale === 'de' ? r.label_de : r.label_en}`;
  const short = (text: string) => (text.length > 42 ? `${text.slice(0, 40)}…` : text);
  let legendX = 0;
  return (
    <figure class="monitoring-chart">
      <svg
        viewBox={`0 0 ${labelWidth + barWidth + 20} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="chart-title chart-desc"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="chart-title">{t('monitoring.chart_title')}</title>
        <desc id="chart-desc">{t('monitoring.chart_desc')}</desc>
        {chartStatuses.map((s) => {
          const x = legendX;
          const text = t(k(`monitoring.status.${s.key}`));
          legendX += 24 + text.length * 7.2 + 16;
          return (
            <g>
              <rect x={x} y={8} width={16} height={16} fill={s.colour} />
              <text x={x + 22} y={21} font-size="13" fill="#1a1a1a">
                {text}
              </text>
            </g>
          );
        })}
        {rounds.map((r, i) => {
          const y = top + i * rowHeight;
          let x = labelWidth;
          return (
            <g>
              <text x={0} y={y + 20} font-size="13" fill="#1a1a1a">
                {short(label(r))}
              </text>
              {chartStatuses.map((s) => {
                const w = r.total === 0 ? 0 : (r.counts[s.key] / r.total) * barWidth;
                const segment = (
                  <g>
                    <rect
                      x={x}
                      y={y + 4}
                      width={w}
                      height={24}
                      fill={s.colour}
                      stroke="#ffffff"
                      stroke-width="1"
                    />
                    {w >= 22 ? (
                      <text x={x + w / 2} y={y + 21} font-size="13" fill="#ffffff" text-anchor="middle">
                        {r.counts[s.key]}
                      </text>
                    ) : null}
                  </g>
                );
                x += w;
                return segment;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <table class="data-table">
          <caption>{t('monitoring.chart_table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.col_round')}</th>
              {chartStatuses.map((s) => (
                <th scope="col">{t(k(`monitoring.status.${s.key}`))}</th>
              ))}
              <th scope="col">{t('monitoring.col_total')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr>
                <th scope="row">{label(r)}</th>
                {chartStatuses.map((s) => (
                  <td>{r.counts[s.key]}</td>
                ))}
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
