import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelKey, type Channel } from '@/utils/channels';
import type { SystemState, TrackerEvent } from '@/utils/tracking/events';
import {
  initialTrackerState, parseTrackerState, settle, step,
  type CountedPiece, type TrackerOptions, type TrackerState,
} from '@/utils/tracking/tracker';

const T0 = Date.UTC(2024, 9, 26, 22, 0, 0);
const BLOCK = 10 * 60_000;
const CHANNELS: (Channel | null)[] = [
  null,
  { platform: 'linkedin', account: 'company/acme' },
  { platform: 'x', account: null },
  { platform: 'youtube', account: '@news' },
];

// Classification changes with time (10-minute blocks), with the hook that names the boundaries.
const options: TrackerOptions = {
  idleThresholdMs: 60_000,
  classify: (channel, at) => {
    const block = Math.floor(at / BLOCK);
    return {
      tracked: !(channel.platform === 'youtube' && block % 3 === 0),
      focus: channel.platform === 'linkedin' ? 'in' : 'out',
      afterHours: block % 2 === 1,
    };
  },
  nextClassificationChange: (_channel, after) => (Math.floor(after / BLOCK) + 1) * BLOCK,
};

type Draft =
  | { kind: 'page'; tabId: number; windowId: number; channel: number; visible: boolean; input: 'none' | 'same' | number; media: boolean }
  | { kind: 'tab-activated'; tabId: number; windowId: number }
  | { kind: 'tab-updated'; tabId: number; windowId: number; channel: number }
  | { kind: 'tab-removed'; tabId: number }
  | { kind: 'window-focused'; windowId: number | null }
  | { kind: 'window-removed'; windowId: number }
  | { kind: 'system'; state: SystemState }
  | { kind: 'reclassify' }
  | { kind: 'tick' };

const tabId = fc.integer({ min: 1, max: 3 });
const windowId = fc.integer({ min: 1, max: 2 });
/** Tabs 1 and 2 live in window 1, tab 3 in window 2; now and then a tab is reported elsewhere (moved). */
const home = (tab: number) => (tab === 3 ? 2 : 1);
const tabWindow = fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: windowId });
const windowOf = (tab: number, drawn: number) => (drawn === 0 ? home(tab) : drawn);
const channel = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: CHANNELS.length - 1 }) },
);

const draft: fc.Arbitrary<Draft> = fc.oneof(
  { weight: 12, arbitrary: fc.record({
    kind: fc.constant('page' as const), tabId, windowId: tabWindow, channel,
    visible: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    input: fc.oneof(
      { weight: 1, arbitrary: fc.constant('none' as const) },
      { weight: 2, arbitrary: fc.constant('same' as const) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
    ),
    media: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tab-activated' as const), tabId, windowId: tabWindow }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tab-updated' as const), tabId, windowId: tabWindow, channel }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tab-removed' as const), tabId }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('window-focused' as const), windowId: fc.option(windowId, { nil: null, freq: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('window-removed' as const), windowId }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('system' as const), state: fc.constantFrom<SystemState>('active', 'active', 'idle', 'locked') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reclassify' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const) }) },
);

/** Time since the previous event: often 0 (simultaneous events), mostly seconds, sometimes minutes. */
const gap = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 180_000 }) },
);

/** Sessions start with two windows, window 1 focused, then random events. */
const opening: Draft[] = [
  { kind: 'window-focused', windowId: 1 },
  { kind: 'tab-activated', tabId: 1, windowId: 1 },
  { kind: 'tab-activated', tabId: 3, windowId: 2 },
];
const session = fc.array(fc.record({ gap, draft }), { minLength: 5, maxLength: 120, size: 'large' })
  .map((drafts) => [...opening.map((d) => ({ gap: 0, draft: d })), ...drafts]);

function toEvent(d: Draft, at: number, lastInput: Map<number, number>): TrackerEvent {
  switch (d.kind) {
    case 'page': {
      let lastInputAt: number | null = null;
      if (d.input === 'same') lastInputAt = lastInput.get(d.tabId) ?? null;
      else if (d.input !== 'none') lastInputAt = at - d.input;
      if (lastInputAt !== null) lastInput.set(d.tabId, lastInputAt);
      return {
        type: 'page', at, tabId: d.tabId, windowId: windowOf(d.tabId, d.windowId), channel: CHANNELS[d.channel] ?? null,
        visible: d.visible, lastInputAt, mediaPlaying: d.media,
      };
    }
    case 'tab-activated': return { type: 'tab-activated', at, tabId: d.tabId, windowId: windowOf(d.tabId, d.windowId) };
    case 'tab-updated': return { type: 'tab-updated', at, tabId: d.tabId, windowId: windowOf(d.tabId, d.windowId), channel: CHANNELS[d.channel] ?? null };
    case 'tab-removed': return { type: 'tab-removed', at, tabId: d.tabId };
    case 'window-focused': return { type: 'window-focused', at, windowId: d.windowId };
    case 'window-removed': return { type: 'window-removed', at, windowId: d.windowId };
    case 'system': return { type: 'system', at, state: d.state };
    case 'reclassify': return { type: 'reclassify', at };
    case 'tick': return { type: 'tick', at };
  }
}

function buildEvents(drafts: { gap: number; draft: Draft }[]): TrackerEvent[] {
  const lastInput = new Map<number, number>();
  let at = T0;
  return drafts.map(({ gap, draft: d }) => {
    at += gap;
    return toEvent(d, at, lastInput);
  });
}

interface Options { settleEachStep?: boolean; roundTrip?: boolean }

function feed(events: TrackerEvent[], how: Options = {}): { pieces: CountedPiece[]; state: TrackerState } {
  let state = initialTrackerState();
  const pieces: CountedPiece[] = [];
  for (const event of events) {
    const result = step(state, event, options);
    state = result.state;
    pieces.push(...result.pieces);
    if (how.settleEachStep) {
      const settled = settle(state);
      state = settled.state;
      pieces.push(...settled.pieces);
    }
    if (how.roundTrip) state = parseTrackerState(JSON.parse(JSON.stringify(state))) ?? initialTrackerState();
  }
  const settled = settle(state);
  return { pieces: [...pieces, ...settled.pieces], state: settled.state };
}

function totals(pieces: CountedPiece[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const piece of pieces) {
    const key = `${channelKey(piece.channel)}|${piece.focus}|${piece.afterHours}`;
    result[key] = (result[key] ?? 0) + piece.to - piece.from;
  }
  return result;
}

/** Times at which the browser had a focused window, replayed from the events alone. */
function focusedAt(events: TrackerEvent[]): (from: number, to: number) => boolean {
  const changes: { at: number; focused: number | null }[] = [];
  let focused: number | null = null;
  for (const event of events) {
    if (event.type === 'window-focused') focused = event.windowId;
    if (event.type === 'window-removed' && event.windowId === focused) focused = null;
    changes.push({ at: event.at, focused });
  }
  return (from, to) => {
    let current: number | null = null;
    for (const change of changes) {
      if (change.at <= from) current = change.focused;
      else if (change.at < to && change.focused === null) return false;
    }
    return current !== null;
  };
}

describe('tracker properties (random sessions)', () => {
  it('never counts negative, overlapping or more than elapsed time, nor while unfocused', () => {
    fc.assert(fc.property(session, (drafts) => {
      const events = buildEvents(drafts);
      const { pieces } = feed(events);
      const first = events[0]?.at ?? T0;
      const last = events[events.length - 1]?.at ?? T0;
      const wasFocused = focusedAt(events);
      let previousEnd = first;
      let sum = 0;
      for (const piece of pieces) {
        expect(piece.to).toBeGreaterThan(piece.from);
        expect(piece.from).toBeGreaterThanOrEqual(previousEnd);
        expect(piece.to).toBeLessThanOrEqual(last);
        expect(wasFocused(piece.from, piece.to)).toBe(true);
        // Split exactly at classification boundaries and counted under the class of its time.
        expect(Math.floor(piece.from / BLOCK)).toBe(Math.floor((piece.to - 1) / BLOCK));
        const expected = options.classify?.(piece.channel, piece.from);
        expect(expected?.tracked).toBe(true);
        expect({ focus: piece.focus, afterHours: piece.afterHours })
          .toEqual({ focus: expected?.focus, afterHours: expected?.afterHours });
        previousEnd = piece.to;
        sum += piece.to - piece.from;
      }
      expect(sum).toBeLessThanOrEqual(last - first);
    }), { numRuns: 400 });
  });

  it('gives the same result when settled after every event', () => {
    fc.assert(fc.property(session, (drafts) => {
      const events = buildEvents(drafts);
      expect(totals(feed(events, { settleEachStep: true }).pieces)).toEqual(totals(feed(events).pieces));
    }), { numRuns: 300 });
  });

  it('gives exactly the same pieces when the state goes through storage after every event', () => {
    fc.assert(fc.property(session, (drafts) => {
      const events = buildEvents(drafts);
      expect(feed(events, { roundTrip: true }).pieces).toEqual(feed(events).pieces);
    }), { numRuns: 300 });
  });

  it('gives the same totals with extra ticks between events', () => {
    fc.assert(fc.property(session, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 130, size: 'large' }), (drafts, where) => {
      const events = buildEvents(drafts);
      const withTicks: TrackerEvent[] = [];
      events.forEach((event, index) => {
        const previous = events[index - 1];
        const fraction = where[index];
        if (previous && fraction !== undefined) {
          withTicks.push({ type: 'tick', at: Math.round(previous.at + (event.at - previous.at) * fraction) });
        }
        withTicks.push(event);
      });
      expect(totals(feed(withTicks).pieces)).toEqual(totals(feed(events).pieces));
    }), { numRuns: 300 });
  });

  it('never counts more than real (monotonic) time when the wall clock jumps', () => {
    const jumpy = fc.array(fc.record({
      gap,
      jump: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 2_001, max: 3_600_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: -3_600_000, max: -1 }) },
      ),
      draft,
    }), { minLength: 5, maxLength: 120, size: 'large' });
    fc.assert(fc.property(jumpy, (drafts) => {
      const lastInput = new Map<number, number>();
      let mono = 0;
      let offset = T0;
      const events = drafts.map(({ gap, jump, draft: d }) => {
        mono += gap;
        offset += jump;
        return { ...toEvent(d, mono + offset, lastInput), mono };
      });
      const { pieces } = feed(events);
      const sum = pieces.reduce((total, piece) => total + piece.to - piece.from, 0);
      for (const piece of pieces) expect(piece.to).toBeGreaterThan(piece.from);
      expect(sum).toBeLessThanOrEqual(mono);
    }), { numRuns: 400 });
  });
});
