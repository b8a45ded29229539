import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PanelView } from '@/utils/messages';
import { formatDuration } from '@/utils/format';

const MINUTE_MS = 60_000;

/**
 * Today's time as the panel shows it: whole minutes, in the popup's words (`1 h 05 min`). Not
 * seconds: a figure that changes every second repaints the page every second, and that alone
 * cost the pages about 0.3 s of CPU in a 90 s session (the bench's renderer row).
 */
function clockText(ms: number, locale: string): string {
  return formatDuration(Math.floor(Math.max(0, ms) / MINUTE_MS) * MINUTE_MS, locale);
}

/** The moment the live counter stops: presence ends a threshold after the last input. */
function presentUntil(view: PanelView, lastInputAt: number | null): number {
  return lastInputAt === null ? view.asOf : Math.max(view.asOf, lastInputAt + view.idleThresholdMs);
}

/** Time counted since the view was made: up to now, but never past the end of presence. */
export function elapsedSinceView(view: PanelView, now: number, lastInputAt: number | null): number {
  if (!view.counting) return 0;
  return Math.max(0, Math.min(now, presentUntil(view, lastInputAt)) - view.asOf);
}

/**
 * Today's time on the channel, running while the tab counts. The one thing in the panel that
 * changes by itself, so it alone changes: its text, at each minute of the figure, while the page
 * is visible and the user present; nothing runs while the tab is hidden or the user away (the
 * next view, which the user's return brings, starts it again).
 */
export function LiveClock({ view, lastInputAt, clock, locale }: {
  view: PanelView; lastInputAt: () => number | null; clock: () => number; locale: string;
}) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      timer = undefined;
      const now = clock();
      const shown = view.todayMs + elapsedSinceView(view, now, lastInputAt());
      const text = clockText(shown, locale);
      if (element.textContent !== text) element.textContent = text;
      if (!view.counting || document.visibilityState !== 'visible' || now >= presentUntil(view, lastInputAt())) return;
      // On the minute boundary of the figure, so it never skips or repeats a minute.
      timer = setTimeout(tick, MINUTE_MS - (shown % MINUTE_MS));
    };
    const onVisibility = () => {
      if (timer === undefined) tick();
    };
    tick();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [view, locale]);
  // Preact renders the element, never its text: the text node is this component's alone.
  return <dd class="clock" ref={ref} />;
}
