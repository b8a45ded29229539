import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PanelView } from '@/utils/messages';

/** `1:05:09` — a running clock reads the same in every language. */
export function clockTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The time to show now: the view's figure plus what has passed since, while counting. */
export function displayedMs(view: PanelView, now: number, lastInputAt: number | null): number {
  if (!view.counting) return view.todayMs;
  const presentUntil = lastInputAt === null ? view.asOf : Math.max(view.asOf, lastInputAt + view.idleThresholdMs);
  return view.todayMs + Math.max(0, Math.min(now, presentUntil) - view.asOf);
}

function statusText(view: PanelView): { text: string; tone: 'in' | 'out' | 'neutral' } {
  switch (view.focus?.status) {
    case 'in-focus':
      return { text: i18n.t('panel.status.inFocus'), tone: 'in' };
    case 'outside':
      return { text: i18n.t('panel.status.outside'), tone: 'out' };
    case 'no-specialization':
      return { text: i18n.t('panel.status.noSpecialization'), tone: 'neutral' };
    default:
      return { text: i18n.t('panel.status.notTracked'), tone: 'neutral' };
  }
}

export function SidePanel({ view, host, lastInputAt }: { view: PanelView | null; host: string; lastInputAt: () => number | null }) {
  const [now, setNow] = useState(Date.now());
  // The live counter is the panel's only timer, and only while counting on a visible page.
  useEffect(() => {
    if (!view?.counting) return undefined;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [view?.counting, view?.asOf]);
  const status = view ? statusText(view) : null;
  return (
    <aside class="panel" aria-label={i18n.t('panel.label')}>
      <p class="brand">{i18n.t('extName')}</p>
      <p class="channel">{view?.label ?? i18n.t('panel.noChannel')}</p>
      <p class="host">{host}</p>
      {view && (
        <>
          <p class="today">
            <span>{i18n.t('panel.today')}</span> <strong class="clock">{clockTime(displayedMs(view, now, lastInputAt()))}</strong>
          </p>
          {status && <p class={`status tone-${status.tone}`} role="status">{status.text}</p>}
          {!view.counting && view.reason && <p class="paused">{i18n.t(`panel.paused.${view.reason === 'no-channel' ? 'noChannel' : view.reason}`)}</p>}
        </>
      )}
    </aside>
  );
}
