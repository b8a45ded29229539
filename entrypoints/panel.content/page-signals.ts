import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageReportMessage } from '@/utils/messages';

/** While the user is present, the page reports at most this often; the background's heartbeat window is 15 s. */
export const REPORT_INTERVAL_MS = 5_000;

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'volumechange', 'emptied'] as const;

/** Media counts as presence only when it plays audibly on a visible page (muted feed autoplay does not). */
function audibleMediaPlaying(): boolean {
  if (document.visibilityState !== 'visible') return false;
  for (const media of document.querySelectorAll<HTMLMediaElement>('video, audio')) {
    if (!media.paused && !media.ended && !media.muted && media.volume > 0 && media.readyState > 2) return true;
  }
  return false;
}

/**
 * Reports facts about the page to the background — URL, visibility, the exact time of the last
 * input, audible media — and never counts time itself. Reports are sent on every change that
 * matters at once, and while the user is present at most every REPORT_INTERVAL_MS.
 */
export function watchPageSignals(
  ctx: ContentScriptContext,
  send: (report: PageReportMessage) => Promise<unknown> | void,
  idleThresholdMs: () => number,
): { reportNow(): Promise<unknown> | void } {
  // A page that loads in the focused window is being looked at: the load is the user's doing.
  let lastInputAt: number | null = document.hasFocus() ? Date.now() : null;
  let lastSentAt = 0;
  let lastUrl = location.href;
  let timer: number | undefined;
  let mediaPlaying = false;

  const report = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    lastSentAt = Date.now();
    lastUrl = location.href;
    const sent = send({
      type: 'page-report',
      url: location.href,
      visible: document.visibilityState === 'visible',
      lastInputAt,
      mediaPlaying,
      focused: document.hasFocus(),
    });
    scheduleHeartbeat();
    return sent;
  };

  // Keeps reporting while there is something to report: input within the threshold, or media.
  const scheduleHeartbeat = () => {
    if (timer !== undefined || document.visibilityState !== 'visible') return;
    const present = mediaPlaying || (lastInputAt !== null && Date.now() - lastInputAt < idleThresholdMs());
    if (!present) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      report();
    }, REPORT_INTERVAL_MS);
  };

  // SPA navigation: the isolated world does not see the page's own history.pushState, so the
  // URL is compared after every input (navigations follow clicks and keys) and on history events.
  const checkUrl = () => {
    if (location.href !== lastUrl) report();
  };
  const checkUrlSoon = () => {
    ctx.setTimeout(checkUrl, 150);
    ctx.setTimeout(checkUrl, 700);
  };

  const onInput = () => {
    checkUrl();
    const now = Date.now();
    const wasAway = lastInputAt === null || now - lastInputAt >= idleThresholdMs();
    lastInputAt = now;
    // The first input after a pause is news; later ones ride on the next heartbeat.
    if (wasAway || now - lastSentAt >= REPORT_INTERVAL_MS) report();
    else scheduleHeartbeat();
  };

  const onMedia = () => {
    const playing = audibleMediaPlaying();
    if (playing !== mediaPlaying) {
      mediaPlaying = playing;
      report();
    }
  };

  for (const type of INPUT_EVENTS) ctx.addEventListener(window, type, onInput, { capture: true, passive: true });
  for (const type of MEDIA_EVENTS) ctx.addEventListener(document, type, onMedia, { capture: true, passive: true });
  ctx.addEventListener(document, 'visibilitychange', () => {
    mediaPlaying = audibleMediaPlaying();
    report();
  });
  ctx.addEventListener(window, 'wxt:locationchange', checkUrl);
  ctx.addEventListener(window, 'popstate', checkUrl);
  ctx.addEventListener(window, 'hashchange', checkUrl);
  for (const type of ['click', 'keyup'] as const) ctx.addEventListener(window, type, checkUrlSoon, { capture: true, passive: true });
  // Window focus as the page sees it: corrects the browser's focus events, which on some
  // desktops report "no window" while one has focus.
  ctx.addEventListener(window, 'focus', report);
  ctx.addEventListener(window, 'blur', report);
  ctx.addEventListener(window, 'pagehide', () => {
    send({ type: 'page-report', url: location.href, visible: false, lastInputAt, mediaPlaying: false });
  });
  report();
  return { reportNow: report };
}
