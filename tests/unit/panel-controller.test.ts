import { describe, expect, it, vi } from 'vitest';
import { createPanelController, type FocusTarget } from '@/entrypoints/panel.content/panel-controller';
import type { PageReportMessage, PanelActionMessage, PanelPlacementView, PanelView } from '@/utils/messages';
import { T0, X_ACME, viewFor } from './panel-fixtures';

/**
 * The panel's state and rules alone: no page, no browser. The background, the timers and the
 * page's report are plain functions that record what they are asked and answer when told.
 */
interface Pending<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

function setUp() {
  const reports: Pending<PanelView | null | undefined>[] = [];
  const sent: (Pending<unknown> & { message: PanelActionMessage })[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const counts = { reportsAsked: 0, draws: 0 };
  const panel = createPanelController({
    sendReport: () => new Promise((resolve, reject) => { reports.push({ resolve, reject }); }),
    send: (message) => new Promise((resolve, reject) => { sent.push({ message, resolve, reject }); }),
    reportNow: () => { counts.reportsAsked += 1; },
    schedule: (run, ms) => { timers.push({ run, ms }); },
    draw: () => { counts.draws += 1; },
  });
  /** A report leaves now; `answer` settles it as the background would. */
  const report = (lastInputAt: number | null = null) => {
    const done = panel.report(pageReport(lastInputAt));
    const pending = reports.at(-1)!;
    return {
      answer: async (reply: PanelView | null | undefined) => { pending.resolve(reply); await done; },
      fail: async () => { pending.reject(new Error('Receiving end does not exist.')); await done; },
    };
  };
  /** The panel's first view, answered at once. */
  const firstView = async (placement: Partial<PanelPlacementView> = {}) => {
    await report().answer(viewWith(placement));
  };
  const messages = () => sent.map((entry) => entry.message);
  return { panel, report, firstView, sent, messages, timers, counts };
}

function pageReport(lastInputAt: number | null): PageReportMessage {
  return {
    type: 'page-report', url: 'https://x.com/acme', visible: true, lastInputAt, mediaPlaying: false,
    document: { id: 'page-0001', shownAt: T0, navigation: 'navigate' },
  };
}

const placementOn = (change: Partial<PanelPlacementView> = {}): PanelPlacementView =>
  ({ key: 'x', edge: 'right', collapsed: false, hidden: false, top: 0.5, ...change });
const viewWith = (placement: Partial<PanelPlacementView> = {}, channel = X_ACME): PanelView =>
  ({ ...viewFor({ channel }), placement: placementOn(placement) });

/** Lets the promise callbacks behind a settled message run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const target = (isConnected = true) => ({ isConnected, focus: vi.fn<FocusTarget['focus']>() });

describe('panel controller: views and placement', () => {
  it('shows the first view with its placement, and keeps the input time the report carried', async () => {
    const { panel, report, counts } = setUp();
    const first = report(T0 - 2_000);
    expect(panel.lastInputAt).toBe(T0 - 2_000);
    expect(panel.view).toBeNull();
    const view = viewWith({ top: 0.3 });
    await first.answer(view);
    expect(panel.view).toBe(view);
    expect(panel.placement).toEqual(placementOn({ top: 0.3 }));
    expect(counts.draws).toBe(1);
  });

  it('changes nothing on a page the background has no view for', async () => {
    const { panel, report, timers, counts } = setUp();
    await report().answer(null);
    expect(panel.view).toBeNull();
    expect(panel.placement).toBeNull();
    expect(counts.draws).toBe(0);
    expect(timers).toEqual([]);
  });

  it('shows a move at once and asks the background to store it', async () => {
    const { panel, firstView, messages, counts } = setUp();
    await firstView();
    panel.changePlacement({ collapsed: true });
    expect(panel.placement).toEqual(placementOn({ collapsed: true }));
    expect(counts.draws).toBe(2);
    expect(messages()).toEqual([{ type: 'panel-placement', channel: X_ACME, collapsed: true }]);
  });

  it('does not let a view answered while its own write is in flight undo the move; after it, a placement from another tab applies', async () => {
    const { panel, report, firstView, sent } = setUp();
    await firstView();
    panel.changePlacement({ collapsed: true });
    // The background answers from settings that do not hold the move yet.
    const during = viewWith({ collapsed: false });
    await report().answer(during);
    expect(panel.view).toBe(during);
    expect(panel.placement).toEqual(placementOn({ collapsed: true }));

    sent[0]!.resolve({ ok: true });
    await settle();
    // Another tab moved the panel on this platform: the stored placement is newer than ours now.
    await report().answer(viewWith({ collapsed: true, top: 0.9 }));
    expect(panel.placement).toEqual(placementOn({ collapsed: true, top: 0.9 }));
  });

  it('does not trust a view whose report left before the move, even if the write was stored by the time it answers', async () => {
    const { panel, report, firstView, sent } = setUp();
    await firstView();
    const early = report();
    panel.changePlacement({ edge: 'left' });
    sent[0]!.resolve({ ok: true });
    await settle();
    await early.answer(viewWith({ edge: 'right' }));
    expect(panel.placement?.edge).toBe('left');
  });

  it('trusts views again once a write failed (the worker restarting): the panel keeps the move for this page', async () => {
    const { panel, report, firstView, sent } = setUp();
    await firstView();
    panel.changePlacement({ top: 0.1 });
    sent[0]!.reject(new Error('worker restarting'));
    await settle();
    expect(panel.placement?.top).toBe(0.1);
    await report().answer(viewWith({ top: 0.7 }));
    expect(panel.placement?.top).toBe(0.7);
  });

  it('takes another platform’s placement even while a write is in flight', async () => {
    const { panel, report, firstView } = setUp();
    await firstView();
    panel.changePlacement({ collapsed: true });
    await report().answer(viewWith({ key: 'linkedin', top: 0.2 }, { platform: 'linkedin', account: 'company/acme' }));
    expect(panel.placement).toEqual(placementOn({ key: 'linkedin', top: 0.2 }));
  });

  it('stores no move where the page has no channel to store it for', async () => {
    const { panel, messages, report } = setUp();
    panel.changePlacement({ collapsed: true });
    await report().answer({ ...viewWith(), channel: null });
    panel.changePlacement({ collapsed: true });
    expect(panel.placement).toEqual(placementOn());
    expect(messages()).toEqual([]);
  });
});

describe('panel controller: first view retries', () => {
  it('asks again after 250, 500, 1000, 2000 and 4000 ms while no background answers, then stops', async () => {
    const { panel, report, timers, counts } = setUp();
    await report().fail();
    expect(timers.map((timer) => timer.ms)).toEqual([250]);
    timers[0]!.run();
    expect(counts.reportsAsked).toBe(1);
    // The asked-for reports (page-signals sends them) find no background either.
    for (let tries = 1; tries < 6; tries += 1) await report().fail();
    expect(timers.map((timer) => timer.ms)).toEqual([250, 500, 1000, 2000, 4000]);
    expect(panel.view).toBeNull();
  });

  it('asks again when the report went out but nobody answered it', async () => {
    const { report, timers } = setUp();
    await report().answer(undefined);
    expect(timers.map((timer) => timer.ms)).toEqual([250]);
  });

  it('asks no more once a view came', async () => {
    const { report, timers, counts } = setUp();
    await report().fail();
    // The user's input sent another report meanwhile, and that one was answered.
    await report().answer(viewWith());
    timers[0]!.run();
    expect(counts.reportsAsked).toBe(0);
    await report().fail();
    expect(timers).toHaveLength(1);
  });
});

describe('panel controller: the keyboard shortcut', () => {
  it('does nothing before the panel has a placement', () => {
    const { panel, messages } = setUp();
    panel.toggle({ inPanel: false, inPage: target() });
    expect(panel.focusRequest).toBe(0);
    expect(messages()).toEqual([]);
  });

  it('opens a hidden panel and takes focus; pressed again, collapses it and gives focus back where the user was', async () => {
    const { panel, firstView, messages } = setUp();
    await firstView({ hidden: true });
    const input = target();
    panel.toggle({ inPanel: false, inPage: input });
    expect(panel.placement).toEqual(placementOn({ hidden: false, collapsed: false }));
    expect(panel.focusRequest).toBe(1);
    expect(messages()).toEqual([{ type: 'panel-placement', channel: X_ACME, hidden: false, collapsed: false }]);

    panel.toggle({ inPanel: true, inPage: null });
    expect(panel.placement).toEqual(placementOn({ collapsed: true }));
    expect(input.focus).toHaveBeenCalledTimes(1);
    expect(panel.focusRequest).toBe(1);
    expect(messages().at(-1)).toEqual({ type: 'panel-placement', channel: X_ACME, collapsed: true });
  });

  it('opens a collapsed panel the same way', async () => {
    const { panel, firstView } = setUp();
    await firstView({ collapsed: true });
    panel.toggle({ inPanel: false, inPage: null });
    expect(panel.placement?.collapsed).toBe(false);
    expect(panel.focusRequest).toBe(1);
  });

  it('leaves focus alone when collapsing a panel that does not have it', async () => {
    const { panel, firstView } = setUp();
    await firstView({ collapsed: true });
    const input = target();
    panel.toggle({ inPanel: false, inPage: input });
    panel.toggle({ inPanel: false, inPage: input });
    expect(panel.placement?.collapsed).toBe(true);
    expect(input.focus).not.toHaveBeenCalled();
    expect(panel.focusRequest).toBe(1);
  });

  it('keeps focus in the panel (on its tab) when the element it came from is gone or unknown', async () => {
    const { panel, firstView } = setUp();
    await firstView({ collapsed: true });
    const gone = target(false);
    panel.toggle({ inPanel: false, inPage: gone });
    panel.toggle({ inPanel: true, inPage: null });
    expect(gone.focus).not.toHaveBeenCalled();
    expect(panel.focusRequest).toBe(2);
    // Opened with the mouse, not the shortcut: nothing to go back to.
    panel.changePlacement({ collapsed: false });
    panel.toggle({ inPanel: true, inPage: null });
    expect(panel.focusRequest).toBe(3);
  });

  it('gives focus back only once', async () => {
    const { panel, firstView } = setUp();
    await firstView();
    const input = target();
    panel.toggle({ inPanel: false, inPage: null }); // the panel was open: this collapses it
    panel.toggle({ inPanel: false, inPage: input });
    panel.toggle({ inPanel: true, inPage: null });
    panel.changePlacement({ collapsed: false });
    panel.toggle({ inPanel: true, inPage: null });
    expect(input.focus).toHaveBeenCalledTimes(1);
  });
});

describe('panel controller: actions', () => {
  it('turns each action into its message for the channel shown', async () => {
    const { panel, firstView, messages } = setUp();
    await firstView();
    panel.act('add-to-focus', 15);
    panel.act('snooze', 30);
    panel.act('open-report', 15);
    panel.act('open-options', 15);
    expect(messages()).toEqual([
      { type: 'panel-add-to-focus', channel: X_ACME },
      { type: 'panel-snooze', channel: X_ACME, minutes: 30 },
      { type: 'panel-open', page: 'report' },
      { type: 'panel-open', page: 'options' },
    ]);
  });

  it('asks for a fresh view after a change to the settings, not after opening a page', async () => {
    const { panel, firstView, sent, counts } = setUp();
    await firstView();
    panel.act('add-to-focus', 15);
    panel.act('snooze', 15);
    panel.act('open-report', 15);
    for (const entry of sent) entry.resolve({ ok: true });
    await settle();
    expect(counts.reportsAsked).toBe(2);
  });

  it('asks for nothing when the background could not take the action', async () => {
    const { panel, firstView, sent, counts } = setUp();
    await firstView();
    panel.act('snooze', 15);
    sent[0]!.reject(new Error('worker restarting'));
    await settle();
    expect(counts.reportsAsked).toBe(0);
  });

  it('sends nothing without a channel shown', async () => {
    const { panel, report, messages } = setUp();
    panel.act('open-options', 15);
    await report().answer({ ...viewWith(), channel: null });
    panel.act('add-to-focus', 15);
    expect(messages()).toEqual([]);
  });
});
