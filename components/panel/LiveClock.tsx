import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PanelView } from '@/utils/messages';

/** `1:05:09` — a running clock reads the same in every language. */
export function clockTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The moment the live counter stops: presence ends a threshold after the last input. */
export function presentUntil(view: PanelView, lastInputAt: number | null): number {
  return lastInputAt === null ? view.asOf : Math.max(view.asOf, lastInputAt + view.idleThresholdMs);
}

/** Time counted since the view was made: up to now, but never past the end of presence. */
export function elapsedSinceView(view: PanelView, now: number, lastInputAt: number | null): number {
  if (!view.counting) return 0;
  return Math.max(0, Math.min(now, presentUntil(view, lastInputAt)) - view.asOf);
}

/**
 * Today's time on the channel, running while the tab counts. The one thing in the panel that
 * changes every second, so it alone changes: its text, once a second, while the page is visible
 * and the user present; nothing runs while the tab is hidden or the user away (the next view,
 * which the user's return brings, starts it again).
 */
export function LiveClock({ view, lastInputAt, clock }: { view: PanelView; lastInputAt: () => number | null; clock: () => number }) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      timer = undefined;
      const now = clock();
      const text = clockTime(view.todayMs + elapsedSinceView(view, now, lastInputAt()));
      if (element.textContent !== text) element.textContent = text;
      if (!view.counting || document.visibilityState !== 'visible' || now >= presentUntil(view, lastInputAt())) return;
      // On the second boundary of the figure, so it never skips or repeats a second.
      timer = setTimeout(tick, 1000 - ((now - view.asOf + view.todayMs) % 1000));
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
  }, [view]);
  // Preact renders the element, never its text: the text node is this component's alone.
  return <dd class="clock" ref={ref} />;
}
