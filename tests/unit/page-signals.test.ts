// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPageSignals } from '@/entrypoints/panel.content/page-signals';
import type { PageReportMessage } from '@/utils/messages';

/** The content script's page signals on their own: what they report for each kind of event. */
let ctx: ContentScriptContext;
let reports: PageReportMessage[];

const THRESHOLD = 15_000;
const last = () => reports[reports.length - 1]!;

function start() {
  ctx = new ContentScriptContext('signals-test');
  reports = [];
  return watchPageSignals(ctx, (report) => { reports.push(report); }, () => THRESHOLD);
}

/** An event as the browser makes it from real input (a page's dispatchEvent cannot set isTrusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: Date.UTC(2026, 11, 2, 9) });
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
});

afterEach(() => {
  ctx?.notifyInvalidated();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('page signals: presence is the user’s own input', () => {
  it('reports the load with no input: loading a page is not input (the background decides whether the user caused it)', () => {
    start();
    expect(reports).toHaveLength(1);
    expect(last()).toMatchObject({ type: 'page-report', lastInputAt: null, focused: true, visible: true });
    expect(last().document).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), shownAt: Date.now(), navigation: expect.any(String) });
  });

  it.each([
    ['pointermove', () => new PointerEvent('pointermove')],
    ['pointerdown', () => new PointerEvent('pointerdown')],
    ['keydown', () => new KeyboardEvent('keydown', { key: 'a' })],
    ['wheel', () => new WheelEvent('wheel', { deltaY: 40 })],
    ['touchstart', () => new Event('touchstart')],
  ])('ignores a %s the page dispatched itself, and counts the same event from the user', (_type, make) => {
    start();
    vi.advanceTimersByTime(1000);
    window.dispatchEvent(make());
    document.body.dispatchEvent(make());
    vi.advanceTimersByTime(20_000);
    expect(reports.every((report) => report.lastInputAt === null)).toBe(true);

    const at = Date.now();
    window.dispatchEvent(trusted(make()));
    expect(last().lastInputAt).toBe(at);
  });

  it('sends nothing for a focus or blur the page dispatched itself: a page cannot make us report every second', () => {
    start();
    const count = reports.length;
    for (let second = 0; second < 10; second += 1) {
      vi.advanceTimersByTime(1000);
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new Event('blur'));
    }
    expect(reports).toHaveLength(count);
    window.dispatchEvent(trusted(new Event('blur')));
    expect(reports).toHaveLength(count + 1);
  });

  it('does not count a scroll, not even a trusted one: a chat that scrolls by itself is not the user', () => {
    start();
    vi.advanceTimersByTime(1000);
    window.dispatchEvent(trusted(new Event('scroll')));
    document.dispatchEvent(trusted(new Event('scroll')));
    expect(reports.every((report) => report.lastInputAt === null)).toBe(true);
  });

  it('keeps the last real input through a page that dispatches events every second while the user is away', () => {
    start();
    vi.advanceTimersByTime(1000);
    const realInputAt = Date.now();
    window.dispatchEvent(trusted(new PointerEvent('pointermove')));
    for (let second = 0; second < 45; second += 1) {
      vi.advanceTimersByTime(1000);
      window.dispatchEvent(new PointerEvent('pointermove'));
      window.dispatchEvent(new KeyboardEvent('keydown'));
      window.dispatchEvent(new WheelEvent('wheel'));
      window.dispatchEvent(new Event('scroll'));
    }
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.slice(1).every((report) => report.lastInputAt === realInputAt)).toBe(true);
    // Heartbeats stop once the real input is older than the threshold.
    const count = reports.length;
    vi.advanceTimersByTime(60_000);
    expect(reports).toHaveLength(count);
  });
});

describe('page signals: the page’s life in the tab', () => {
  it('says on pagehide that the page goes, with its last input', () => {
    start();
    vi.advanceTimersByTime(500);
    const inputAt = Date.now();
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter' })));
    const page = last().document;
    window.dispatchEvent(new Event('pagehide'));
    expect(last()).toMatchObject({ gone: true, visible: false, lastInputAt: inputAt, mediaPlaying: false, document: page });
  });

  it('says nothing more once the page went, as Firefox still fires visibilitychange after pagehide', () => {
    start();
    window.dispatchEvent(new Event('pagehide'));
    const count = reports.length;
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('blur'));
    expect(reports).toHaveLength(count);
    expect(last().gone).toBe(true);
  });

  it('reports again as the same page, shown anew, when it comes back from the back/forward cache', () => {
    start();
    const page = last().document;
    window.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(30_000);
    const event = new Event('pageshow') as PageTransitionEvent;
    Object.defineProperty(event, 'persisted', { value: true });
    window.dispatchEvent(event);
    expect(last().gone).toBeUndefined();
    expect(last().document).toEqual({ id: page.id, shownAt: Date.now(), navigation: 'back_forward' });
  });

  it('stays silent while prerendered, and reports once the user navigates to the page', () => {
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true });
    try {
      const signals = start();
      signals.reportNow();
      document.dispatchEvent(new Event('visibilitychange'));
      expect(reports).toHaveLength(0);
      vi.advanceTimersByTime(3000);
      Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
      document.dispatchEvent(new Event('prerenderingchange'));
      expect(reports).toHaveLength(1);
      expect(last().document).toMatchObject({ shownAt: Date.now(), navigation: 'navigate' });
    } finally {
      delete (document as { prerendering?: boolean }).prerendering;
    }
  });
});

describe('page signals: the account the page names', () => {
  const video = (id: string, author: string) => `<div itemscope itemtype="http://schema.org/VideoObject">
    <link itemprop="url" href="https://www.youtube.com/watch?v=${id}">
    <span itemprop="author" itemscope itemtype="http://schema.org/Person"><link itemprop="url" href="https://www.youtube.com/${author}"></span>
  </div>`;

  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://www.youtube.com/watch?v=one');
    document.body.innerHTML = video('one', '@first');
  });
  afterEach(() => { document.body.innerHTML = ''; });

  it('sends the markup’s clues with the first report', () => {
    start();
    expect(last().clues).toEqual([{ url: 'https://www.youtube.com/@first', source: 'microdata-author' }]);
  });

  it('after an SPA navigation, reads again as the app writes the new markup late, and reports the change once', () => {
    start();
    history.pushState(null, '', '/watch?v=two');
    window.dispatchEvent(new PopStateEvent('popstate'));
    // The old video's markup is still there: it names another video, so it is no clue for this one.
    expect(last().url).toBe('https://www.youtube.com/watch?v=two');
    expect(last().clues).toBeUndefined();
    const before = reports.length;
    document.body.innerHTML = video('two', '@second');
    vi.advanceTimersByTime(600);
    expect(reports).toHaveLength(before + 1);
    expect(last().clues).toEqual([{ url: 'https://www.youtube.com/@second', source: 'microdata-author' }]);
    // Later re-reads find the same and send nothing more.
    vi.advanceTimersByTime(4_000);
    expect(reports).toHaveLength(before + 1);
  });

  it('sends no clues from a page that names nothing', () => {
    document.body.innerHTML = '<p>Just a feed</p>';
    start();
    expect(last().clues).toBeUndefined();
  });
});
