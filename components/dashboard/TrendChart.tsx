import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DayBar, RangeSummary } from '@/utils/dashboard';
import { formatAxisDuration, formatDate, formatDuration, formatPercent } from '@/utils/format';

const MINUTE = 60_000;
/** Tick steps for the time axis, in minutes: the first that needs at most four ticks wins. */
const STEPS = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

/** The chart's drawing size in SVG units: the popup's content width. */
const SIZE = { width: 328, height: 150 } as const;
const MARGIN = { top: 8, right: 34, bottom: 22, left: 50 };

function axisScale(maxMs: number): { maxMs: number; stepMs: number } {
  const maxMinutes = maxMs / MINUTE;
  const step = STEPS.find((candidate) => maxMinutes / candidate <= 4) ?? 1440;
  const ticks = Math.max(1, Math.ceil(maxMinutes / step));
  return { maxMs: ticks * step * MINUTE, stepMs: step * MINUTE };
}

function shareText(share: number | null, locale: string): string {
  return share === null ? i18n.t('dashboard.notMeasured') : formatPercent(share, locale);
}

/** Which days get an x-axis label: every day in a week, week starts in a month, month starts beyond. */
function labelled(bar: DayBar, index: number, count: number, firstWeekday: number): boolean {
  if (count <= 8) return true;
  if (count <= 35) return bar.weekday === firstWeekday;
  return bar.date.endsWith('-01') || index === 0;
}

function dayLabel(bar: DayBar, count: number, locale: string, timeZone: string): string {
  return formatDate(bar.date, locale, timeZone, count <= 8 ? 'weekday' : 'day-month');
}

export interface TrendChartProps {
  range: RangeSummary;
  locale: string;
  timeZone: string;
  /** First day of the week, 0 = Sunday: week starts carry the labels of a month's chart. */
  firstWeekday: number;
}

/**
 * Stacked bars per day (in focus at the bottom, outside on top, time without a specialization
 * above), the focus share as a line on its own 0–100 % axis, and the same numbers as a table.
 * One tab stop: the arrow keys pick a day, whose figures show below the chart.
 */
export function TrendChart({ range, locale, timeZone, firstWeekday }: TrendChartProps) {
  const bars = range.days;
  const count = bars.length;
  const [picked, setPicked] = useState<string | null>(null);
  // Announce the picked day only while the chart has focus, not every live update of today.
  const [focused, setFocused] = useState(false);
  const selectedIndex = Math.max(0, picked === null ? count - 1 : bars.findIndex((bar) => bar.date === picked));
  const selected = bars[selectedIndex] ?? bars[count - 1];
  const id = useId();
  const { width, height } = SIZE;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const scale = axisScale(Math.max(0, ...bars.map((bar) => bar.totalMs)));
  const band = plotW / Math.max(1, count);
  const barW = Math.max(1, band * 0.7);
  const y = (msValue: number) => MARGIN.top + plotH - (msValue / scale.maxMs) * plotH;
  const shareY = (share: number) => MARGIN.top + plotH * (1 - share);
  const x = (index: number) => MARGIN.left + band * index + (band - barW) / 2;
  const center = (index: number) => MARGIN.left + band * (index + 0.5);

  const ticks: number[] = [];
  for (let tick = 0; tick <= scale.maxMs; tick += scale.stepMs) ticks.push(tick);

  // The share line breaks at days without measured time rather than inventing a value.
  let path = '';
  let drawing = false;
  bars.forEach((bar, index) => {
    if (bar.focusShare === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${center(index).toFixed(1)} ${shareY(bar.focusShare).toFixed(1)}`;
    drawing = true;
  });

  const from = formatDate(range.from, locale, timeZone, 'medium');
  const to = formatDate(range.to, locale, timeZone, 'medium');
  const move = (event: KeyboardEvent) => {
    const next = { ArrowLeft: selectedIndex - 1, ArrowRight: selectedIndex + 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const bar = bars[Math.min(count - 1, Math.max(0, next))];
    if (bar) setPicked(bar.date);
  };
  const readout = selected && i18n.t('dashboard.dayReadout', [
    formatDate(selected.date, locale, timeZone, 'medium'),
    formatDuration(selected.totalMs, locale),
    formatDuration(selected.inMs, locale),
    formatDuration(selected.outMs, locale),
    shareText(selected.focusShare, locale),
  ]);

  return (
    <div class="cf-trend">
      <div
        class="cf-chart"
        tabIndex={0}
        role="group"
        aria-label={i18n.t('dashboard.chartLabel', [from, to])}
        aria-describedby={`${id}-hint ${id}-readout`}
        onKeyDown={move}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false">
          <defs>
            <pattern id={`${id}-stripes`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="4" height="4" class="cf-bar-out" />
              <line x1="0" y1="0" x2="0" y2="4" class="cf-stripe" />
            </pattern>
          </defs>
          {ticks.map((tick) => (
            <g key={tick} class="cf-tick">
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} class="cf-grid" />
              <text x={MARGIN.left - 4} y={y(tick) + 3} text-anchor="end">{formatAxisDuration(tick, locale)}</text>
            </g>
          ))}
          {[0, 0.5, 1].map((share) => (
            <text key={share} class="cf-tick cf-share-tick" x={width - MARGIN.right + 4} y={shareY(share) + 3}>
              {formatPercent(share, locale)}
            </text>
          ))}
          {bars.map((bar, index) => {
            const inTop = y(bar.inMs);
            const outTop = y(bar.inMs + bar.outMs);
            const noneTop = y(bar.totalMs);
            return (
              <g key={bar.date} class={index === selectedIndex ? 'cf-day cf-selected' : 'cf-day'} onMouseEnter={() => setPicked(bar.date)}>
                <title>{`${formatDate(bar.date, locale, timeZone, 'medium')}: ${formatDuration(bar.inMs, locale)} / ${formatDuration(bar.outMs, locale)}`}</title>
                <rect class="cf-band" x={MARGIN.left + band * index} y={MARGIN.top} width={band} height={plotH} />
                <rect class="cf-bar-in" x={x(index)} y={inTop} width={barW} height={MARGIN.top + plotH - inTop} />
                <rect fill={`url(#${id}-stripes)`} x={x(index)} y={outTop} width={barW} height={inTop - outTop} />
                <rect class="cf-bar-none" x={x(index)} y={noneTop} width={barW} height={outTop - noneTop} />
                {labelled(bar, index, count, firstWeekday) && (
                  <text class="cf-tick" x={center(index)} y={height - 6} text-anchor={count <= 8 ? 'middle' : 'start'}>
                    {dayLabel(bar, count, locale, timeZone)}
                  </text>
                )}
              </g>
            );
          })}
          <line class="cf-axis" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} />
          {path && <path class="cf-share-line" d={path} fill="none" />}
          {bars.map((bar, index) => bar.focusShare === null ? null : (
            <circle key={bar.date} class="cf-share-dot" cx={center(index)} cy={shareY(bar.focusShare)} r={count > 40 ? 1.2 : 2.5} />
          ))}
        </svg>
      </div>
      <ul class="cf-legend" aria-hidden="true">
        <li><span class="cf-swatch cf-bar-in" />{i18n.t('dashboard.inFocus')}</li>
        <li><span class="cf-swatch cf-swatch-out" />{i18n.t('dashboard.outside')}</li>
        <li><span class="cf-swatch cf-bar-none" />{i18n.t('dashboard.none')}</li>
        <li><span class="cf-swatch cf-swatch-line" />{i18n.t('dashboard.focusShare')}</li>
      </ul>
      <p id={`${id}-hint`} class="cf-hint">{i18n.t('dashboard.chartHint')}</p>
      <p id={`${id}-readout`} class="cf-readout" aria-live={focused ? 'polite' : 'off'}>{readout}</p>
      <table class="cf-days cf-visually-hidden">
        <caption>{i18n.t('dashboard.tableCaption', [from, to])}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('dashboard.date')}</th>
            <th scope="col">{i18n.t('dashboard.total')}</th>
            <th scope="col">{i18n.t('dashboard.inFocus')}</th>
            <th scope="col">{i18n.t('dashboard.outside')}</th>
            <th scope="col">{i18n.t('dashboard.none')}</th>
            <th scope="col">{i18n.t('dashboard.focusShare')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.date}>
              <th scope="row">{formatDate(bar.date, locale, timeZone, 'long')}</th>
              <td>{formatDuration(bar.totalMs, locale)}</td>
              <td>{formatDuration(bar.inMs, locale)}</td>
              <td>{formatDuration(bar.outMs, locale)}</td>
              <td>{formatDuration(bar.noneMs, locale)}</td>
              <td>{shareText(bar.focusShare, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
