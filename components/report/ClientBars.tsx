import { i18n } from '#i18n';
import type { ClientGroup } from '@/utils/report/build';
import { clientName } from './names';

const ROW = 26;
const BAR = 16;
const LABEL = 180;
const WIDTH = 640;

/**
 * Per client, one bar stacked in / outside / none, scaled to the busiest client. Drawn in the
 * page's CSS colours (classes), which print; the exact figures are in the clients table, named
 * in the label, so the chart is an image with a text alternative, not the only source.
 */
export function ClientBars({ clients, label }: { clients: readonly ClientGroup[]; label: string }) {
  const rows = clients.filter((row) => row.totalMs > 0);
  if (rows.length === 0) return null;
  const max = Math.max(...rows.map((row) => row.totalMs));
  const scale = (WIDTH - LABEL - 8) / max;
  const height = rows.length * ROW;
  return (
    <svg class="cf-bars" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      {rows.map((row, index) => {
        const y = index * ROW + (ROW - BAR) / 2;
        const inW = row.inMs * scale;
        const outW = row.outMs * scale;
        const noneW = row.noneMs * scale;
        const name = clientName(row);
        return (
          <g key={row.key}>
            <rect class={row.client ? 'cf-bar-swatch' : 'cf-bar-swatch cf-swatch-none'} x="0" y={y + 3} width="10" height="10" rx="2"
              style={row.client ? { fill: row.client.color } : undefined} />
            <text class="cf-bar-label" x="16" y={y + BAR - 4}>{name.length > 26 ? `${name.slice(0, 25)}…` : name}</text>
            <rect class="cf-bar-in" x={LABEL} y={y} width={inW} height={BAR} />
            <rect class="cf-bar-out" x={LABEL + inW} y={y} width={outW} height={BAR} />
            <rect class="cf-bar-none" x={LABEL + inW + outW} y={y} width={noneW} height={BAR} />
          </g>
        );
      })}
    </svg>
  );
}

/** The colour key of the bars; the words carry the meaning, the swatches only repeat it. */
export function BarLegend() {
  return (
    <ul class="cf-legend">
      <li><span class="cf-swatch cf-bar-in" aria-hidden="true" />{i18n.t('report.inFocus')}</li>
      <li><span class="cf-swatch cf-bar-out" aria-hidden="true" />{i18n.t('report.outside')}</li>
      <li><span class="cf-swatch cf-bar-none" aria-hidden="true" />{i18n.t('report.none')}</li>
    </ul>
  );
}
