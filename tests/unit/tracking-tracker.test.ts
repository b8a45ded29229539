import { describe, expect, it } from 'vitest';
import { channelKey, detectChannel, type Channel } from '@/utils/channels';
import type { TrackerEvent } from '@/utils/tracking/events';
import type { PageDocument } from '@/utils/tracking/presence';
import { tabUpdateEvent } from '@/utils/tracking/tab-updates';
import {
  initialTrackerState, liveSnapshot, parseTrackerState, settle, step,
  type Classification, type CountedPiece, type TrackerOptions, type TrackerState,
} from '@/utils/tracking/tracker';

// A Monday morning, UTC. Every time below is T0 + seconds.
const T0 = Date.UTC(2024, 4, 6, 8, 0, 0);
const t = (seconds: number) => T0 + seconds * 1000;
const S = 1000;

const LI: Channel = { platform: 'linkedin', account: 'company/acme' };
const X: Channel = { platform: 'x', account: null };
const YT: Channel = { platform: 'youtube', account: '@news' };

const options: TrackerOptions = { idleThresholdMs: 60_000 };

interface PageOptions { windowId?: number; visible?: boolean; input?: number | null; media?: boolean; mono?: number; focused?: boolean }
function page(seconds: number, tabId: number, channel: Channel | null, o: PageOptions = {}): TrackerEvent {
  return {
    type: 'page', at: t(seconds), tabId, windowId: o.windowId ?? 1, channel,
    visible: o.visible ?? true,
    lastInputAt: o.input === undefined ? null : o.input === null ? null : t(o.input),
    mediaPlaying: o.media ?? false,
    ...(o.mono === undefined ? {} : { mono: o.mono }),
    ...(o.focused === undefined ? {} : { focused: o.focused }),
  };
}
/** A page report of fresh input at that very moment. */
const input = (seconds: number, tabId: number, channel: Channel, o: PageOptions = {}) =>
  page(seconds, tabId, channel, { ...o, input: seconds });
const focus = (seconds: number, windowId: number | null): TrackerEvent => ({ type: 'window-focused', at: t(seconds), windowId });
const activate = (seconds: number, tabId: number, windowId = 1): TrackerEvent => ({ type: 'tab-activated', at: t(seconds), tabId, windowId });
const system = (seconds: number, state: 'active' | 'idle' | 'locked'): TrackerEvent => ({ type: 'system', at: t(seconds), state });
const tick = (seconds: number): TrackerEvent => ({ type: 'tick', at: t(seconds) });

interface Run { state: TrackerState; pieces: CountedPiece[]; stepPieces: CountedPiece[][] }

function run(events: TrackerEvent[], opts: TrackerOptions = options, from: TrackerState = initialTrackerState()): Run {
  let state = from;
  const pieces: CountedPiece[] = [];
  const stepPieces: CountedPiece[][] = [];
  for (const event of events) {
    const result = step(state, event, opts);
    state = result.state;
    pieces.push(...result.pieces);
    stepPieces.push(result.pieces);
  }
  return { state, pieces, stepPieces };
}

/** Runs the events, then settles: everything confirmed. */
function runAll(events: TrackerEvent[], opts: TrackerOptions = options): Run {
  const result = run(events, opts);
  const settled = settle(result.state);
  return { ...result, state: settled.state, pieces: [...result.pieces, ...settled.pieces] };
}

function msByChannel(pieces: CountedPiece[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const piece of pieces) totals[channelKey(piece.channel)] = (totals[channelKey(piece.channel)] ?? 0) + piece.to - piece.from;
  return totals;
}

/** Joins pieces that continue each other under the same channel and classification. */
function joined(pieces: CountedPiece[]): CountedPiece[] {
  const result: CountedPiece[] = [];
  for (const piece of pieces) {
    const previous = result[result.length - 1];
    if (previous && previous.to === piece.from && channelKey(previous.channel) === channelKey(piece.channel)
      && previous.focus === piece.focus && previous.afterHours === piece.afterHours) previous.to = piece.to;
    else result.push({ ...piece });
  }
  return result;
}

/** Window 1 focused, tab 1 on LinkedIn with input at 0. */
const start = (): TrackerEvent[] => [focus(0, 1), input(0, 1, LI)];

describe('counting one tab', () => {
  it('counts from the first evidence to the last one', () => {
    const { pieces } = runAll([...start(), input(10, 1, LI), input(20, 1, LI), tick(25)]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 20 * S });
    expect(pieces).toEqual([{ channel: LI, from: t(0), to: t(20), focus: 'none', afterHours: false }]);
  });

  it('shows confirmed and provisional time live, without emitting the open target', () => {
    const { state, pieces } = run([...start(), input(20, 1, LI), tick(25)]);
    expect(pieces).toEqual([]);
    expect(liveSnapshot(state, t(25), options)).toEqual({
      counting: true, channel: LI, tabId: 1, openConfirmedMs: 20 * S, provisionalMs: 5 * S, reason: null,
    });
    // Beyond the threshold after the last evidence the user counts as away.
    expect(liveSnapshot(state, t(81), options)).toMatchObject({ counting: false, reason: 'idle', provisionalMs: 0 });
  });

  it('does not take heartbeats without new input as presence', () => {
    const heartbeats = [15, 30, 45, 60, 75, 90].map((s) => page(s, 1, LI, { input: 0 }));
    const { pieces } = runAll([...start(), ...heartbeats]);
    expect(msByChannel(pieces)).toEqual({});
  });

  it('confirms provisional time when input comes within the threshold', () => {
    // 59 s without input is still presence: the next input confirms all of it.
    const { pieces } = runAll([...start(), page(30, 1, LI, { input: 0 }), input(59, 1, LI)]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 59 * S });
  });

  it('counts input reported a little late at the moment it happened', () => {
    const { pieces } = runAll([...start(), page(15, 1, LI, { input: 8 })]);
    expect(pieces).toEqual([{ channel: LI, from: t(0), to: t(8), focus: 'none', afterHours: false }]);
  });

  it('ignores input reported more than the threshold after it happened', () => {
    const { pieces } = runAll([...start(), page(200, 1, LI, { input: 50 })]);
    expect(msByChannel(pieces)).toEqual({});
  });

  it('counts nothing before the browser reports focus', () => {
    const { pieces, state } = runAll([input(0, 1, LI), input(20, 1, LI)]);
    expect(msByChannel(pieces)).toEqual({});
    expect(liveSnapshot(state, t(20), options).reason).toBe('unfocused');
  });
});

describe('switching', () => {
  it('ends the old tab at the switch, which is itself evidence', () => {
    const { pieces, stepPieces } = runAll([
      ...start(), page(1, 2, X, { visible: false }), input(20, 1, LI), activate(30, 2), input(40, 2, X),
    ]);
    expect(stepPieces[4]).toEqual([{ channel: LI, from: t(0), to: t(30), focus: 'none', afterHours: false }]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 30 * S, [channelKey(X)]: 10 * S });
  });

  it('ends the old tab at its last evidence when the user was away before the switch', () => {
    const { pieces } = runAll([
      ...start(), page(1, 2, X, { visible: false }), input(10, 1, LI), activate(100, 2), input(110, 2, X),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 10 * S, [channelKey(X)]: 10 * S });
  });

  it('switches the channel at an SPA navigation on the same tab', () => {
    const { pieces } = runAll([...start(), input(10, 1, LI), page(20, 1, X, { input: 20 }), input(35, 1, X)]);
    expect(pieces).toEqual([
      { channel: LI, from: t(0), to: t(20), focus: 'none', afterHours: false },
      { channel: X, from: t(20), to: t(35), focus: 'none', afterHours: false },
    ]);
  });

  it('stops when the tab leaves the platforms (tab-updated without a channel)', () => {
    const { pieces } = runAll([
      ...start(), input(10, 1, LI),
      { type: 'tab-updated', at: t(25), tabId: 1, windowId: 1, channel: null },
      // Input on the new page (no content script there) is unknown; a later switch is evidence.
      activate(40, 2),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 25 * S });
  });

  it('counts a tab-updated channel on a tab without a report yet once it is active', () => {
    const { pieces } = runAll([
      focus(0, 1), activate(0, 5), { type: 'tab-updated', at: t(0), tabId: 5, windowId: 1, channel: YT }, input(12, 5, YT),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(YT)]: 12 * S });
  });

  it('splits time between two tabs of the same channel without loss', () => {
    const { pieces } = runAll([...start(), page(1, 2, LI, { visible: false }), activate(10, 2), input(25, 2, LI)]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 25 * S });
    expect(joined(pieces)).toHaveLength(1);
  });
});

describe('windows and focus', () => {
  it('counts only the focused window, and nothing while the browser has no focus', () => {
    const events = [
      focus(0, 1),
      input(0, 1, LI, { windowId: 1 }),
      page(0, 2, X, { windowId: 2 }),
      activate(0, 2, 2),
      input(10, 1, LI, { windowId: 1 }),
      page(15, 2, X, { windowId: 2 }), // a visible heartbeat in the other window changes nothing
      focus(30, 2),
      input(45, 2, X, { windowId: 2 }),
      focus(50, null),
      input(60, 2, X, { windowId: 2 }), // hovering an unfocused window: presence, but nothing counts
      focus(120, 2),
      input(130, 2, X, { windowId: 2 }),
    ];
    const { pieces } = runAll(events);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 30 * S, [channelKey(X)]: 30 * S });
  });

  it('takes a page\'s word that its window has focus where the browser named none (Linux says "no window" at starts and switches)', () => {
    const { pieces, state } = runAll([
      activate(0, 1), input(0, 1, LI, { focused: true }), input(10, 1, LI, { focused: true }),
      focus(20, null), input(21, 1, LI, { focused: true }), input(30, 1, LI), tick(31),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 30 * S - 1 * S });
    expect(state.focusedWindowId).toBe(1);
  });

  it('keeps the window the browser named last against a report that left the old window before the switch', () => {
    const { pieces, state } = runAll([
      focus(0, 1), input(0, 1, LI, { windowId: 1 }), page(0, 2, X, { windowId: 2 }), activate(0, 2, 2),
      input(10, 1, LI, { windowId: 1 }),
      focus(20, 2),
      // LinkedIn's heartbeat, sent with focus a moment before the switch, arrives after it.
      page(20.05, 1, LI, { windowId: 1, input: 19.9, focused: true }),
      input(25, 2, X, { windowId: 2 }), input(30, 2, X, { windowId: 2 }), tick(31),
    ]);
    expect(state.focusedWindowId).toBe(2);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 20 * S, [channelKey(X)]: 10 * S });
  });

  it('takes no focus from a page that is hidden: occlusion can hide it before its renderer learns the focus went', () => {
    const { state } = runAll([activate(0, 1), page(1, 1, LI, { visible: false, focused: true, input: 0.5 })]);
    expect(state.focusedWindowId).toBeNull();
  });

  it('treats a repeated focus report (a re-sync) as no evidence', () => {
    const { pieces } = runAll([...start(), focus(50, 1), focus(100, 1), focus(150, 1), activate(160, 1)]);
    expect(msByChannel(pieces)).toEqual({});
  });

  it('stops when the focused window is closed', () => {
    const { pieces, state } = runAll([
      ...start(), input(20, 1, LI), { type: 'window-removed', at: t(30), windowId: 1 }, focus(31, 2), tick(40),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 30 * S });
    expect(state.tabs).toEqual({});
  });

  it('stops when the counted tab is closed; the following activation confirms the time until then', () => {
    const { pieces } = runAll([
      ...start(), page(1, 2, X, { visible: false }), input(20, 1, LI),
      { type: 'tab-removed', at: t(30), tabId: 1 }, activate(30, 2), input(45, 2, X),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 30 * S, [channelKey(X)]: 15 * S });
  });

  it('keeps a closed tab at its last evidence when nothing follows', () => {
    const { pieces, state } = runAll([...start(), input(20, 1, LI), { type: 'tab-removed', at: t(30), tabId: 1 }, tick(200)]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 20 * S });
    expect(liveSnapshot(state, t(200), options).reason).toBe('no-channel');
  });

  it('ends at the hide when the user was present, at the last evidence when not', () => {
    const present = runAll([...start(), input(20, 1, LI), page(30, 1, LI, { visible: false, input: 20 })]);
    expect(msByChannel(present.pieces)).toEqual({ [channelKey(LI)]: 30 * S });
    const away = runAll([...start(), input(20, 1, LI), page(200, 1, LI, { visible: false, input: 20 })]);
    expect(msByChannel(away.pieces)).toEqual({ [channelKey(LI)]: 20 * S });
    expect(liveSnapshot(present.state, t(31), options).reason).toBe('hidden');
  });
});

describe('idle, lock and sleep', () => {
  it('ends at the last evidence when the system goes idle', () => {
    const { pieces } = runAll([
      ...start(), input(20, 1, LI), page(35, 1, LI, { input: 20 }), system(80, 'idle'),
      page(95, 1, LI, { input: 20 }), system(300, 'active'), input(310, 1, LI),
    ]);
    expect(pieces).toEqual([
      { channel: LI, from: t(0), to: t(20), focus: 'none', afterHours: false },
      { channel: LI, from: t(300), to: t(310), focus: 'none', afterHours: false },
    ]);
  });

  it('credits system input the page did not see, up to idle minus the threshold and the idle API\'s second', () => {
    // Idle at 90 means the system saw input until between 29 and 30 (the browser polls idleness
    // every second): 29 is certain; our last evidence was 20.
    const { pieces } = runAll([...start(), input(20, 1, LI), system(90, 'idle'), tick(100)]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 29 * S });
    // ... but never more than one threshold past the last evidence we saw.
    const late = runAll([...start(), input(20, 1, LI), system(500, 'idle')]);
    expect(msByChannel(late.pieces)).toEqual({ [channelKey(LI)]: 80 * S });
  });

  it('adds nothing past the page\'s last input when idle comes within the polling second of the threshold', () => {
    // The page saw the last input at 20; Chrome noticed 15 s of idleness at its next poll, 0.8 s later.
    const { pieces } = runAll([...start(), input(10, 1, LI), input(20, 1, LI), system(35.8, 'idle'), tick(40)], THRESHOLD_15);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 20 * S });
  });

  it('resumes on input even when the system active event has not arrived yet', () => {
    const { pieces, state } = runAll([...start(), input(20, 1, LI), system(80, 'idle'), input(200, 1, LI), input(215, 1, LI)]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 35 * S });
    expect(state.system.state).toBe('active');
  });

  it('ends a gap in the evidence at the earlier evidence, without any system event', () => {
    const { pieces } = runAll([...start(), input(20, 1, LI), input(200, 1, LI), input(215, 1, LI)]);
    expect(pieces).toEqual([
      { channel: LI, from: t(0), to: t(20), focus: 'none', afterHours: false },
      { channel: LI, from: t(200), to: t(215), focus: 'none', afterHours: false },
    ]);
  });

  it('ends at the last evidence when the screen locks, not when the lock is noticed', () => {
    const { pieces, state } = runAll([
      ...start(), input(20, 1, LI), system(50, 'locked'), system(500, 'active'), input(510, 1, LI),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 30 * S });
    expect(liveSnapshot(run([...start(), input(20, 1, LI), system(50, 'locked')]).state, t(51), options).reason).toBe('idle');
    expect(state.system.state).toBe('active');
  });

  it('drops the provisional time before a short lock too', () => {
    // Back after 20 s: the unlock is evidence within the threshold, yet 20..50 was no presence.
    const { pieces } = runAll([...start(), input(20, 1, LI), system(50, 'locked'), system(70, 'active'), input(75, 1, LI)]);
    expect(pieces).toEqual([
      { channel: LI, from: t(0), to: t(20), focus: 'none', afterHours: false },
      { channel: LI, from: t(70), to: t(75), focus: 'none', afterHours: false },
    ]);
  });

  it('counts nothing of an hour of sleep', () => {
    const { pieces } = runAll([
      ...start(), input(30, 1, LI),
      page(3600, 1, LI, { input: 30 }), // the page wakes up and reports: no new input
      input(3605, 1, LI), input(3620, 1, LI),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 45 * S });
  });

  it('treats sleep that stopped the monotonic clock as a jump, with the same result', () => {
    const { pieces } = runAll([
      { ...focus(0, 1), mono: 0 }, input(0, 1, LI, { mono: 0 }), input(30, 1, LI, { mono: 30_000 }),
      page(3600, 1, LI, { input: 30, mono: 31_000 }),
      input(3605, 1, LI, { mono: 36_000 }), input(3620, 1, LI, { mono: 51_000 }),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 45 * S });
  });
});

describe('wall clock jumps', () => {
  it('never counts negative time when the clock is set back', () => {
    const { pieces } = runAll([...start(), input(20, 1, LI), input(-3600, 1, LI), input(-3590, 1, LI)]);
    expect(pieces.every((piece) => piece.to > piece.from)).toBe(true);
    expect(pieces).toEqual([
      { channel: LI, from: t(0), to: t(20), focus: 'none', afterHours: false },
      { channel: LI, from: t(-3600), to: t(-3590), focus: 'none', afterHours: false },
    ]);
  });

  it('does not inflate time when the clock jumps forward by less than the threshold', () => {
    // Real time: 0 .. 30 s (mono). The wall clock jumps 50 s forward at about 25 s.
    const events = [
      { ...focus(0, 1), mono: 0 }, input(0, 1, LI, { mono: 0 }), input(20, 1, LI, { mono: 20_000 }),
      input(75, 1, LI, { mono: 25_000 }), input(80, 1, LI, { mono: 30_000 }),
    ];
    const { pieces } = runAll(events);
    const total = msByChannel(pieces)[channelKey(LI)] ?? 0;
    expect(total).toBe(25 * S);
    expect(total).toBeLessThanOrEqual(30 * S);
  });

  it('tolerates small drift between wall and monotonic clock', () => {
    const { pieces } = runAll([
      { ...focus(0, 1), mono: 0 }, input(0, 1, LI, { mono: 0 }), input(20, 1, LI, { mono: 19_000 }),
      input(40, 1, LI, { mono: 38_500 }),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 40 * S });
  });

  it('does not compare with a monotonic reading from an event that had none', () => {
    // The first event after a worker restart carries no mono: only the wall clock is checked.
    const { pieces } = runAll([
      { ...focus(0, 1), mono: 0 }, input(0, 1, LI, { mono: 0 }), input(20, 1, LI),
      input(30, 1, LI, { mono: 5_000 }), input(40, 1, LI, { mono: 15_000 }),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 40 * S });
  });
});

describe('media', () => {
  const watching = (o: PageOptions) => [15, 30, 45, 60, 75, 90, 105, 120, 135, 150].map((s) => page(s, 1, YT, { input: 0, ...o }));

  it('counts a visible video without input', () => {
    const { pieces } = runAll([focus(0, 1), input(0, 1, YT), ...watching({ media: true })]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(YT)]: 150 * S });
  });

  it('keeps counting a visible video when the system goes idle, but not once it stops', () => {
    const { pieces } = runAll([
      focus(0, 1), input(0, 1, YT), ...watching({ media: true }).slice(0, 5), system(80, 'idle'),
      ...watching({ media: true }).slice(5), page(165, 1, YT, { input: 0, media: false }), tick(400),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(YT)]: 150 * S });
  });

  it('does not count media the content script reports as not watched (muted feed)', () => {
    const { pieces } = runAll([focus(0, 1), input(0, 1, YT), ...watching({ media: false }), input(300, 1, YT)]);
    expect(msByChannel(pieces)).toEqual({});
  });

  it('does not take media in a hidden tab or an unfocused window as presence', () => {
    const hiddenTab = [15, 30, 45, 60, 75, 90, 105].map((s) => page(s, 2, YT, { visible: false, media: true }));
    const otherWindow = [15, 30, 45, 60, 75, 90, 105].map((s) => page(s, 3, YT, { windowId: 2, media: true }));
    const { pieces } = runAll([...start(), ...hiddenTab, ...otherWindow, tick(200)]);
    expect(msByChannel(pieces)).toEqual({});
  });
});

describe('classification', () => {
  it('splits at a reclassify without losing or doubling time', () => {
    let focusNow: Classification['focus'] = 'in';
    const opts: TrackerOptions = { idleThresholdMs: 60_000, classify: () => ({ tracked: true, focus: focusNow, afterHours: false }) };
    let state = run([...start(), input(20, 1, LI)], opts).state;
    focusNow = 'out';
    const afterChange = run([{ type: 'reclassify', at: t(30) }, input(40, 1, LI)], opts, state);
    state = afterChange.state;
    const pieces = [...afterChange.pieces, ...settle(state).pieces];
    // Confirmed in two steps (to the evidence at 20, then to the reclassify at 30): contiguous.
    expect(joined(pieces)).toEqual([
      { channel: LI, from: t(0), to: t(30), focus: 'in', afterHours: false },
      { channel: LI, from: t(30), to: t(40), focus: 'out', afterHours: false },
    ]);
  });

  it('keeps the provisional time before a reclassify provisional', () => {
    let focusNow: Classification['focus'] = 'in';
    const opts: TrackerOptions = { idleThresholdMs: 60_000, classify: () => ({ tracked: true, focus: focusNow, afterHours: false }) };
    const before = run([...start(), input(20, 1, LI)], opts).state;
    focusNow = 'out';
    const after = run([{ type: 'reclassify', at: t(30) }, input(200, 1, LI), input(210, 1, LI)], opts, before);
    const pieces = [...after.pieces, ...settle(after.state).pieces];
    expect(pieces).toEqual([
      { channel: LI, from: t(0), to: t(20), focus: 'in', afterHours: false },
      { channel: LI, from: t(200), to: t(210), focus: 'out', afterHours: false },
    ]);
  });

  it('stops at a pause and says so', () => {
    let paused = false;
    const opts: TrackerOptions = {
      idleThresholdMs: 60_000,
      classify: () => (paused
        ? { tracked: false, focus: 'none', afterHours: false, notTrackedReason: 'paused' }
        : { tracked: true, focus: 'none', afterHours: false }),
    };
    const before = run([...start(), input(20, 1, LI)], opts).state;
    paused = true;
    const after = run([{ type: 'reclassify', at: t(30) }, input(40, 1, LI), input(90, 1, LI)], opts, before);
    expect(msByChannel([...after.pieces, ...settle(after.state).pieces])).toEqual({ [channelKey(LI)]: 30 * S });
    expect(liveSnapshot(after.state, t(91), opts)).toMatchObject({ counting: false, reason: 'paused', channel: LI });
  });

  it('reports channels that are not tracked', () => {
    const opts: TrackerOptions = {
      idleThresholdMs: 60_000,
      classify: (channel) => ({ tracked: channel.platform !== 'x', focus: 'none', afterHours: false }),
    };
    const { pieces, state } = runAll([focus(0, 1), input(0, 1, X), input(30, 1, X)], opts);
    expect(pieces).toEqual([]);
    expect(liveSnapshot(state, t(31), opts).reason).toBe('untracked');
  });

  it('splits exactly at a working-hours boundary given nextClassificationChange', () => {
    const closing = t(60);
    const opts: TrackerOptions = {
      idleThresholdMs: 60_000,
      classify: (_channel, at) => ({ tracked: true, focus: 'in', afterHours: at >= closing }),
      nextClassificationChange: (_channel, after) => (after < closing ? closing : null),
    };
    const inputs = [10, 20, 30, 40, 50, 65, 80, 95, 110, 120].map((s) => input(s, 1, LI));
    const { pieces } = runAll([...start(), ...inputs], opts);
    expect(pieces).toEqual([
      { channel: LI, from: t(0), to: t(60), focus: 'in', afterHours: false },
      { channel: LI, from: t(60), to: t(120), focus: 'in', afterHours: true },
    ]);
  });

  it('without the hook, takes a boundary at the next event', () => {
    const closing = t(60);
    const opts: TrackerOptions = {
      idleThresholdMs: 60_000,
      classify: (_channel, at) => ({ tracked: true, focus: 'in', afterHours: at >= closing }),
    };
    const { pieces } = runAll([...start(), input(50, 1, LI), input(65, 1, LI), input(80, 1, LI)], opts);
    expect(pieces.map((piece) => [piece.from, piece.to, piece.afterHours])).toEqual([[t(0), t(65), false], [t(65), t(80), true]]);
  });

  it('resumes exactly when a pause runs out between events', () => {
    const pausedUntil = t(45);
    const opts: TrackerOptions = {
      idleThresholdMs: 60_000,
      classify: (_channel, at) => (at < pausedUntil
        ? { tracked: false, focus: 'none', afterHours: false, notTrackedReason: 'paused' }
        : { tracked: true, focus: 'none', afterHours: false }),
      nextClassificationChange: (_channel, after) => (after < pausedUntil ? pausedUntil : null),
    };
    const { pieces } = runAll([...start(), input(30, 1, LI), input(70, 1, LI)], opts);
    expect(pieces).toEqual([{ channel: LI, from: t(45), to: t(70), focus: 'none', afterHours: false }]);
  });
});

describe('restart and settle', () => {
  const session: TrackerEvent[] = [
    ...start(), page(1, 2, X, { visible: false }), input(12, 1, LI), page(20, 1, LI, { input: 12 }), input(33, 1, LI),
    activate(40, 2), input(52, 2, X), tick(60), page(75, 2, X, { input: 52 }), input(90, 2, X), focus(100, null),
    focus(130, 1), activate(135, 1), input(140, 1, LI), system(150, 'locked'), system(400, 'active'), input(405, 1, LI), tick(420),
  ];

  it('loses nothing and counts nothing twice when the worker restarts mid-segment', () => {
    const uninterrupted = runAll(session);
    for (let cut = 1; cut < session.length; cut += 1) {
      const first = run(session.slice(0, cut));
      const restored = parseTrackerState(JSON.parse(JSON.stringify(first.state)));
      expect(restored).toEqual(first.state);
      const rest = run(session.slice(cut), options, restored ?? initialTrackerState());
      const pieces = [...first.pieces, ...rest.pieces, ...settle(rest.state).pieces];
      expect(msByChannel(pieces)).toEqual(msByChannel(uninterrupted.pieces));
    }
    // LI 0..40, 135..140, 400..405; X 40..100, 130..135.
    expect(msByChannel(uninterrupted.pieces)).toEqual({ [channelKey(LI)]: 50 * S, [channelKey(X)]: 65 * S });
  });

  it('gives the same totals whether settled after every event or once at the end', () => {
    let state = initialTrackerState();
    const pieces: CountedPiece[] = [];
    for (const event of session) {
      const stepped = step(state, event, options);
      const settled = settle(stepped.state);
      state = settled.state;
      pieces.push(...stepped.pieces, ...settled.pieces);
    }
    expect(settle(state).pieces).toEqual([]);
    expect(msByChannel(pieces)).toEqual(msByChannel(runAll(session).pieces));
  });

  it('settles only confirmed time and leaves the target open from the last evidence', () => {
    const { state } = run([...start(), input(20, 1, LI), tick(30)]);
    const first = settle(state);
    expect(first.pieces).toEqual([{ channel: LI, from: t(0), to: t(20), focus: 'none', afterHours: false }]);
    expect(settle(first.state).pieces).toEqual([]);
    const later = run([input(50, 1, LI)], options, first.state);
    expect(settle(later.state).pieces).toEqual([{ channel: LI, from: t(20), to: t(50), focus: 'none', afterHours: false }]);
    expect(liveSnapshot(first.state, t(30), options)).toMatchObject({ openConfirmedMs: 0, provisionalMs: 10 * S });
  });

  it('does not change its input state', () => {
    const { state } = run(start());
    const copy = JSON.parse(JSON.stringify(state)) as TrackerState;
    step(state, input(10, 1, LI), options);
    settle(state);
    expect(state).toEqual(copy);
  });

  it('keeps the timeline short while nobody is there', () => {
    // A night of autoplay: the channel changes every 30 s, nobody gives input.
    const night = Array.from({ length: 1000 }, (_, index) => page(60 + index * 30, 1, index % 2 ? X : YT, { input: 0 }));
    const { state, pieces } = runAll([...start(), ...night]);
    expect(msByChannel(pieces)).toEqual({});
    // Kept: the last evidence's threshold, a blank, and the last threshold's changes (two here).
    expect(state.runs.length).toBeLessThanOrEqual(5);
  });

  it('rejects stored values that are not a tracker state', () => {
    expect(parseTrackerState(null)).toBeNull();
    expect(parseTrackerState({ ...initialTrackerState(), version: 2 })).toBeNull();
    const { state } = run(start());
    expect(parseTrackerState({ ...state, runs: [] })).toBeNull();
    expect(parseTrackerState({ ...state, tabs: { 1: { ...state.tabs['1'], channel: { platform: 'myspace', account: null } } } })).toBeNull();
    expect(parseTrackerState(initialTrackerState())).toEqual(initialTrackerState());
    const custom = run([focus(0, 1), input(0, 1, { platform: 'custom', account: 'example.com' })]).state;
    expect(parseTrackerState(JSON.parse(JSON.stringify(custom)))).toEqual(custom);
    expect(parseTrackerState({ ...custom, tabs: { 1: { ...custom.tabs['1'], channel: { platform: 'custom', account: null } } } })).toBeNull();
  });
});

describe('liveSnapshot reasons', () => {
  it('names why nothing counts', () => {
    const at = t(5);
    const snapshot = (events: TrackerEvent[]) => liveSnapshot(run(events).state, at, options);
    expect(snapshot([focus(0, 1)])).toMatchObject({ counting: false, reason: 'no-channel', channel: null });
    expect(snapshot([focus(0, 1), page(0, 1, null)]).reason).toBe('no-channel');
    expect(snapshot([focus(0, 1), activate(0, 1), page(0, 1, LI, { visible: false })]).reason).toBe('hidden');
    expect(snapshot([focus(0, 1), input(0, 1, LI), focus(1, null)])).toMatchObject({ reason: 'unfocused', channel: null });
    expect(snapshot([focus(0, 1), input(0, 1, LI), system(1, 'idle')]).reason).toBe('idle');
    expect(snapshot([focus(0, 1), input(0, 1, LI)])).toMatchObject({ counting: true, reason: null, channel: LI, tabId: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// Presence from real input only (issue: every counted second is a second the user was there)

const THRESHOLD_15: TrackerOptions = { idleThresholdMs: 15_000 };
const pageOf = (id: string, shownAt: number, navigation: PageDocument['navigation'] = 'navigate'): PageDocument => ({ id, shownAt: t(shownAt), navigation });
/** A report of page `doc` (with its own input, or none yet). */
const report = (seconds: number, tabId: number, channel: Channel | null, doc: PageDocument, o: PageOptions = {}): TrackerEvent =>
  ({ ...page(seconds, tabId, channel, o), document: doc } as TrackerEvent);
/** The page's pagehide report. */
const gone = (seconds: number, tabId: number, channel: Channel, doc: PageDocument, input: number | null): TrackerEvent =>
  ({ ...page(seconds, tabId, channel, { visible: false, input }), document: doc, gone: true } as TrackerEvent);
/** What the browser's tabs.onUpdated becomes, through the real translation. */
const updated = (seconds: number, tabId: number, change: { status?: string; url?: string }, tabUrl?: string): TrackerEvent[] => {
  const event = tabUpdateEvent(tabId, change, { windowId: 1, ...(tabUrl ? { url: tabUrl } : {}) }, (url) => detectChannel(url));
  return event ? [{ ...event, at: t(seconds) } as TrackerEvent] : [];
};
const LI_URL = 'https://www.linkedin.com/company/acme/';

describe('presence: idle and locked against page input', () => {
  it('stays idle on a report that repeats old input, and resumes on trusted input newer than the idle event', () => {
    const { pieces, state } = runAll([
      ...start(), input(5, 1, LI), system(20, 'idle'),
      page(25, 1, LI, { input: 5 }), page(30, 1, LI, { input: 5 }), // heartbeats: the same input
    ], THRESHOLD_15);
    expect(state.system.state).toBe('idle');
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 5 * S });
    const back = runAll([...start(), input(5, 1, LI), system(20, 'idle'), input(40, 1, LI), input(50, 1, LI)], THRESHOLD_15);
    expect(back.state.system.state).toBe('active');
    expect(msByChannel(back.pieces)).toEqual({ [channelKey(LI)]: 15 * S });
  });

  it('does not let page input end a locked screen: only the system says when it is unlocked', () => {
    const { pieces, state } = runAll([
      ...start(), input(5, 1, LI), system(10, 'locked'), input(20, 1, LI), input(30, 1, LI), input(40, 1, LI),
    ], THRESHOLD_15);
    expect(state.system.state).toBe('locked');
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 5 * S });
    const unlocked = runAll([
      ...start(), input(5, 1, LI), system(10, 'locked'), input(20, 1, LI), system(50, 'active'), input(60, 1, LI),
    ], THRESHOLD_15);
    expect(msByChannel(unlocked.pieces)).toEqual({ [channelKey(LI)]: 15 * S });
  });
});

describe('presence: a tab that leaves the platform', () => {
  const A = pageOf('page-a-0001', 0);

  // The user works on LinkedIn until 6, clicks a link to a news site at 6, reads there with the
  // pointer moving (no page of ours sees it), switches to another window at 20 and back at 25.
  const leaving = (browserEvents: TrackerEvent[]) => runAll([
    focus(0, 1), report(0, 1, LI, A, { input: 0 }), report(3, 1, LI, A, { input: 3 }),
    ...browserEvents,
    focus(20, 2), focus(25, 1), tick(31), focus(31, 2), tick(40),
  ], THRESHOLD_15);

  it('stops counting when Chromium starts loading a page it shows us no URL for', () => {
    const { pieces } = leaving([
      ...updated(6, 1, { status: 'loading' }), // Chromium: no tab.url for the news site
      gone(6.1, 1, LI, A, 6),
      ...updated(6.3, 1, { status: 'complete' }),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 6 * S });
  });

  it('stops counting on Firefox’s second loading update, the one without the old URL', () => {
    const { pieces } = leaving([
      ...updated(6, 1, { status: 'loading' }, LI_URL), // Firefox: the old URL first
      ...updated(6.05, 1, {}), // isArticle and the like: nothing
      gone(6.1, 1, LI, A, 6),
      ...updated(6.15, 1, { status: 'loading' }),
    ]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 6.15 * S });
  });

  it('does not let a late pagehide report or window focus bring the platform back', () => {
    const { pieces, state } = leaving([...updated(6, 1, { status: 'loading' }), gone(7, 1, LI, A, 6)]);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 6 * S });
    expect(state.tabs['1']).toMatchObject({ channel: null, gone: true, document: null });
  });

  it('counts again once the tab shows a platform page that reports', () => {
    const B = pageOf('page-b-0002', 50);
    const { pieces } = runAll([
      focus(0, 1), report(0, 1, LI, A, { input: 0 }), ...updated(6, 1, { status: 'loading' }), gone(6, 1, LI, A, 6),
      ...updated(49, 1, { status: 'loading', url: 'https://x.com/home' }), report(50, 1, X, B), report(55, 1, X, B, { input: 55 }),
    ], THRESHOLD_15);
    // A link from the other site: the user opened it, so X counts from its load.
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 6 * S, [channelKey(X)]: 5 * S });
  });
});

describe('presence: pages of one tab', () => {
  it('never makes a tab visible again by activation or focus once its page is gone; its next page does', () => {
    const A = pageOf('page-a-0001', 0);
    const B = pageOf('page-b-0002', 40);
    const { pieces } = runAll([
      focus(0, 1), report(0, 1, LI, A, { input: 0 }), report(0, 2, X, pageOf('page-x-0003', 0), { visible: false }),
      activate(5, 2), report(5, 1, LI, A, { visible: false, input: 0 }), report(5.1, 2, X, pageOf('page-x-0003', 0), { input: 5 }),
      gone(10, 1, LI, A, 0), // tab 1, in the background, navigates by itself
      activate(20, 1), focus(25, 2), focus(26, 1), tick(30), report(30, 2, X, pageOf('page-x-0003', 0), { visible: false, input: 5 }),
      report(40, 1, LI, B, { input: 40 }), report(45, 1, LI, B, { input: 45 }),
    ], THRESHOLD_15);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 10 * S, [channelKey(X)]: 15 * S });
  });

  it('ignores a late report of the page the tab has left', () => {
    const A = pageOf('page-a-0001', 0);
    const B = pageOf('page-b-0002', 10);
    const { state, pieces } = runAll([
      focus(0, 1), report(0, 1, LI, A, { input: 0 }), report(10, 1, X, B, { input: 9 }),
      report(10.5, 1, LI, A, { input: 8 }), // a heartbeat of A still on its way
      report(20, 1, X, B, { input: 20 }),
    ], THRESHOLD_15);
    expect(state.tabs['1']?.document?.id).toBe('page-b-0002');
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 10 * S, [channelKey(X)]: 10 * S });
  });

  it('takes a page back from the back/forward cache as shown anew', () => {
    const A = pageOf('page-a-0001', 0);
    const B = pageOf('page-b-0002', 10);
    const { state } = run([
      focus(0, 1), report(0, 1, LI, A, { input: 0 }), report(10, 1, X, B, { input: 10 }),
      gone(20, 1, X, B, 10), report(20.1, 1, LI, { ...A, shownAt: t(20.1), navigation: 'back_forward' }),
    ], THRESHOLD_15);
    expect(state.tabs['1']).toMatchObject({ channel: LI, gone: false, document: { id: 'page-a-0001', shownAt: t(20.1) } });
  });
});

describe('presence: a page load is presence only when the user caused it', () => {
  it('credits nothing to a chat page that reloads itself while the user is away', () => {
    const events: TrackerEvent[] = [focus(0, 1), report(0, 1, LI, pageOf('page-0000', 0), { input: 0 }), report(5, 1, LI, pageOf('page-0000', 0), { input: 5 })];
    for (let n = 1; n <= 6; n += 1) {
      const before = pageOf(`page-000${n - 1}`, n === 1 ? 0 : (n - 1) * 12);
      events.push(gone(n * 12 - 0.2, 1, LI, before, 5), report(n * 12, 1, LI, pageOf(`page-000${n}`, n * 12, 'reload')));
    }
    events.push(tick(90));
    const { pieces } = runAll(events, THRESHOLD_15);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 5 * S });
  });

  it('credits the load of a page the user opened with a click on the page before', () => {
    const A = pageOf('page-a-0001', 0);
    const { pieces } = runAll([
      focus(0, 1), report(0, 1, LI, A, { input: 0 }), report(8, 1, LI, A, { input: 8 }),
      ...updated(9, 1, { status: 'loading', url: 'https://x.com/home' }), gone(9.2, 1, LI, A, 8.5),
      report(10, 1, X, pageOf('page-b-0002', 10)), tick(40),
    ], THRESHOLD_15);
    expect(msByChannel(pieces)).toEqual({ [channelKey(LI)]: 9 * S, [channelKey(X)]: 1 * S });
  });

  it('credits a page opened from the address bar or a new tab, not a reload nobody vouches for', () => {
    const typed = runAll([focus(0, 1), activate(0, 1), report(2, 1, LI, pageOf('page-a-0001', 2)), report(10, 1, LI, pageOf('page-a-0001', 2), { input: 10 })], THRESHOLD_15);
    expect(msByChannel(typed.pieces)).toEqual({ [channelKey(LI)]: 8 * S });
    const reloaded = runAll([focus(0, 1), report(2, 1, LI, pageOf('page-a-0001', 2, 'reload')), tick(40)], THRESHOLD_15);
    expect(msByChannel(reloaded.pieces)).toEqual({});
  });

  it('credits no load in a tab the user is not looking at', () => {
    const { state } = run([focus(0, 1), report(0, 1, LI, pageOf('page-a-0001', 0), { input: 0 }), report(30, 2, X, pageOf('page-b-0002', 30), { visible: false })], THRESHOLD_15);
    expect(state.lastEvidenceAt).toBe(t(0));
  });
});

describe('the account a page names on its first report', () => {
  const YT_ONLY: Channel = { platform: 'youtube', account: null };
  const CREATOR: Channel = { platform: 'youtube', account: '@creator' };
  const BY_ID: Channel = { platform: 'linkedin', account: 'company/12345' };
  const BY_NAME: Channel = { platform: 'linkedin', account: 'company/acme-gmbh' };
  const doc = (id: string, shownAtSeconds: number): PageDocument => ({ id: `page-${id}-000000`, shownAt: t(shownAtSeconds), navigation: 'navigate' });
  const report = (seconds: number, channel: Channel, document: PageDocument): TrackerEvent =>
    ({ ...page(seconds, 1, channel, { input: seconds }), document } as TrackerEvent);
  const loading = (seconds: number, channel: Channel): TrackerEvent => ({ type: 'tab-updated', at: t(seconds), tabId: 1, windowId: 1, channel, newPage: true });
  const start = [focus(0, 1), activate(0, 1)];

  it('the moments between the load and the page’s report count for the channel that published the video, not for the platform alone', () => {
    const { pieces } = runAll([
      ...start, report(0, YT_ONLY, doc('feed', 0)), input(5, 1, YT_ONLY),
      loading(10, YT_ONLY), report(10.8, CREATOR, doc('watch', 10.7)), input(20, 1, CREATOR),
    ]);
    expect(msByChannel(pieces)).toEqual({ youtube: 10 * S, 'youtube:@creator': 10 * S });
  });

  it('an admin view under a numeric id counts from its load for the name its canonical gives: one channel', () => {
    const { pieces } = runAll([
      ...start, report(0, BY_NAME, doc('public', 0)), input(5, 1, BY_NAME),
      loading(10, BY_ID), report(11, BY_NAME, doc('admin', 10.9)), input(20, 1, BY_NAME),
    ]);
    expect(msByChannel(pieces)).toEqual({ 'linkedin:company/acme-gmbh': 20 * S });
  });

  it('a later report of the same page that says another account (an SPA move) leaves the time before it alone', () => {
    const watch = doc('watch', 0);
    const { pieces } = runAll([
      ...start, report(0, CREATOR, watch), report(10, { platform: 'youtube', account: '@other' }, watch), input(20, 1, { platform: 'youtube', account: '@other' }),
    ]);
    expect(msByChannel(pieces)).toEqual({ 'youtube:@creator': 10 * S, 'youtube:@other': 10 * S });
  });

  it('time already written stays where it went', () => {
    const first = run([...start, report(0, BY_NAME, doc('public', 0)), loading(10, BY_ID), input(12, 1, BY_ID)]);
    const settled = settle(first.state);
    const after = run([report(14, BY_NAME, doc('admin', 13.9)), input(20, 1, BY_NAME)], options, settled.state);
    const rest = settle(after.state);
    expect(msByChannel([...first.pieces, ...settled.pieces, ...after.pieces, ...rest.pieces]))
      .toEqual({ 'linkedin:company/acme-gmbh': 10 * S + 8 * S, 'linkedin:company/12345': 2 * S });
  });

  it('keeps the new field through storage, and reads states stored without it', () => {
    const { state } = run([...start, loading(1, BY_ID)]);
    expect(parseTrackerState(JSON.parse(JSON.stringify(state)))?.tabs['1']?.channelSince).toBe(t(1));
    const old = JSON.parse(JSON.stringify(state)) as { tabs: Record<string, { channelSince?: number }> };
    delete old.tabs['1']!.channelSince;
    expect(parseTrackerState(old)?.tabs['1']?.channelSince).toBeUndefined();
  });
});
