import type { PageScope } from './script-context';
import type { PageReportMessage } from '@/utils/messages';
import { PRESENCE_INPUT_EVENTS, isPresenceInput, navigationKind, type PageDocument } from '@/utils/tracking/presence';
import { readPageAccountClues } from '@/utils/page-account/read';
import type { PageAccountClue } from '@/utils/page-account/clue';

/** While the user is present, the page reports at most this often; the background's heartbeat window is 15 s. */
const REPORT_INTERVAL_MS = 5_000;
/** While the user is present, a page's own navigation is seen within this time. */
const URL_CHECK_MS = 1_000;
/** After the URL changes, a single-page app writes the new page's markup late: read it again then. */
const CLUE_REREADS_MS = [600, 1_500, 4_000];

const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'volumechange', 'emptied'] as const;

/** Media counts as presence only when it plays audibly on a visible page (muted feed autoplay does not). */
function audibleMediaPlaying(): boolean {
  if (document.visibilityState !== 'visible') return false;
  for (const media of document.querySelectorAll<HTMLMediaElement>('video, audio')) {
    if (!media.paused && !media.ended && !media.muted && media.volume > 0 && media.readyState > 2) return true;
  }
  return false;
}

/** This page as its reports name it: the background tells a tab's pages apart by it. */
function thisPage(navigation?: PageDocument['navigation']): PageDocument {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  // getRandomValues, not randomUUID: that one exists only in secure contexts, and http pages exist.
  const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { id, shownAt: Date.now(), navigation: navigation ?? navigationKind(entry?.type) };
}

/** A prerendered page is nobody's yet: it reports once the user navigates to it. */
const isPrerendering = () => (document as Document & { prerendering?: boolean }).prerendering === true;

/**
 * Reports facts about the page to the background — URL, visibility, the exact time of the last
 * trusted input, audible media — and never counts time itself. Reports are sent on every change
 * that matters at once, and while the user is present at most every REPORT_INTERVAL_MS.
 * Loading is no input: the background decides whether the user caused it (presence.ts).
 */
export function watchPageSignals(
  ctx: PageScope,
  send: (report: PageReportMessage) => Promise<unknown> | void,
  idleThresholdMs: () => number,
): { reportNow(): Promise<unknown> | void } {
  let page = thisPage();
  let lastInputAt: number | null = null;
  let lastSentAt = 0;
  let lastUrl = location.href;
  let timer: number | undefined;
  let mediaPlaying = false;
  /** What the markup says about the account, read for `cluesUrl`. */
  let clues: PageAccountClue[] = [];
  let cluesUrl: string | null = null;
  let cluesKey = '';

  /** After pagehide the page is gone: Firefox still fires visibilitychange, whose report would revive it. */
  let left = false;
  const report = () => {
    if (isPrerendering() || left) return undefined;
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    lastSentAt = Date.now();
    lastUrl = location.href;
    if (cluesUrl !== lastUrl) readClues(true);
    const sent = send({
      type: 'page-report',
      url: location.href,
      visible: document.visibilityState === 'visible',
      lastInputAt,
      mediaPlaying,
      focused: document.hasFocus(),
      document: page,
      ...(clues.length > 0 ? { clues } : {}),
    });
    scheduleHeartbeat();
    return sent;
  };

  // The account where the URL cannot name it (a video's channel, a post's author), read from the
  // page's public markup: on every new URL, and again a few times after, as SPAs write it late.
  // A changed answer is news; the same one is not sent again.
  function readClues(newUrl: boolean): boolean {
    const url = location.href;
    const read = readPageAccountClues(document, url);
    const key = JSON.stringify(read);
    const changed = key !== cluesKey;
    clues = read;
    cluesKey = key;
    if (newUrl) {
      cluesUrl = url;
      for (const delay of CLUE_REREADS_MS) {
        ctx.setTimeout(() => { if (cluesUrl === url && location.href === url && readClues(false)) report(); }, delay);
      }
    }
    return changed;
  }

  // Keeps reporting while there is something to report: input within the threshold, or media.
  // While the user is away nothing runs here: no timer, no URL check.
  const scheduleHeartbeat = () => {
    if (timer !== undefined || document.visibilityState !== 'visible') return;
    const present = mediaPlaying || (lastInputAt !== null && Date.now() - lastInputAt < idleThresholdMs());
    if (!present) {
      stopUrlWatch();
      return;
    }
    startUrlWatch();
    timer = ctx.setTimeout(() => {
      timer = undefined;
      report();
    }, REPORT_INTERVAL_MS);
  };

  // A page's own navigations (a video that plays the next one, a redirect after a post) come
  // with no input and no event the isolated world can see: while the user is there, the URL is
  // compared every URL_CHECK_MS.
  let urlWatch: number | undefined;
  const startUrlWatch = () => { urlWatch ??= ctx.setInterval(() => checkUrl(), URL_CHECK_MS); };
  const stopUrlWatch = () => {
    if (urlWatch !== undefined) clearInterval(urlWatch);
    urlWatch = undefined;
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

  const onInput = (event: Event) => {
    if (!isPresenceInput(event)) return;
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

  for (const type of PRESENCE_INPUT_EVENTS) ctx.addEventListener(window, type, onInput, { capture: true, passive: true });
  for (const type of MEDIA_EVENTS) ctx.addEventListener(document, type, onMedia, { capture: true, passive: true });
  ctx.addEventListener(document, 'visibilitychange', () => {
    mediaPlaying = audibleMediaPlaying();
    if (document.visibilityState !== 'visible') stopUrlWatch();
    report();
  });
  ctx.addEventListener(window, 'popstate', checkUrl);
  ctx.addEventListener(window, 'hashchange', checkUrl);
  for (const type of ['click', 'keyup'] as const) ctx.addEventListener(window, type, checkUrlSoon, { capture: true, passive: true });
  // Window focus as the page sees it: corrects the browser's focus events, which on some
  // desktops report "no window" while one has focus.
  // Only the browser's: a page that dispatches focus events itself would make us report every second.
  const onWindowFocus = (event: Event) => { if (event.isTrusted) report(); };
  ctx.addEventListener(window, 'focus', onWindowFocus);
  ctx.addEventListener(window, 'blur', onWindowFocus);
  ctx.addEventListener(window, 'pagehide', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    stopUrlWatch();
    left = true;
    send({ type: 'page-report', url: location.href, visible: false, lastInputAt, mediaPlaying: false, document: page, gone: true });
  });
  // Back from the back/forward cache: shown anew, as the same page.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    left = false;
    page = { ...page, shownAt: Date.now(), navigation: 'back_forward' };
    mediaPlaying = audibleMediaPlaying();
    report();
  });
  if (isPrerendering()) {
    ctx.addEventListener(document, 'prerenderingchange', () => {
      page = thisPage('navigate');
      report();
    });
  }
  report();
  return { reportNow: report };
}
