import * as v from 'valibot';
import { channelKey, parseChannelKey, type Channel } from '@/utils/channels';
import { PLATFORM_IDS } from '@/utils/platforms/types';
import type { PageEvent, SystemState, TrackerEvent } from './events';
import { loadIsPresence } from './presence';

/**
 * The presence state machine: one clock, fed with events, giving back counted time.
 *
 * Model
 * - At any moment at most one channel can count: the active tab of the focused window, when its
 *   page reported a channel, is visible, the system is active (or, when idle, the tab plays media
 *   visibly), and `classify` says the channel is tracked. That is the *target*.
 * - The user's presence is known only from evidence (see events.ts). Time is *confirmed* up to
 *   the last evidence. Time after it is provisional: evidence arriving within the idle threshold
 *   confirms it; a longer gap (away, asleep, frozen tab, dead worker) drops it, and counting
 *   resumes at the new evidence. So idleness stops counting at the last evidence, not when it is
 *   noticed.
 * - The provisional stretch may span several targets (an autoplay that changed the channel, a
 *   reclassification), so the open time is kept as a short timeline of runs; confirmation walks
 *   it, and each run keeps the classification it began with.
 * - Pieces are emitted only for confirmed time and never retracted. `step` emits the confirmed
 *   part of targets that ended; `settle` also emits the confirmed part of the one still open.
 * - Time is a difference of wall timestamps. A wall clock that goes backwards, or that disagrees
 *   with the monotonic clock by more than CLOCK_JUMP_TOLERANCE_MS between two events, ends
 *   everything at the last evidence and starts afresh.
 *
 * Decisions the wiring should know
 * - Working-hours and pause boundaries: pass `nextClassificationChange` and time is split exactly
 *   there; without it, a boundary takes effect at the next event (the 15 s alarm tick). Settings
 *   changes are announced with a `reclassify` event.
 * - Evidence reported more than the idle threshold after it happened is stale and ignored.
 * - Tab removal and window removal are not evidence: the browser follows them with an
 *   activation or focus change, which is.
 * - `system: idle` does not stop a tab that plays media visibly: someone watching a video gives
 *   no input. `locked` always stops, until the system itself says `active`; page input newer
 *   than an `idle` ends the idle spell (the content script reports trusted input only).
 * - A tab's page that is gone (pagehide, or a load of a page we cannot see) is not made visible
 *   again by activation or window focus: only a report of its next page is.
 * - The browser's focus events decide which window has focus. A visible page that says it has
 *   focus fills in only where the browser named no window: at a switch, the old window's page
 *   can still say so after the browser named the new one.
 */

const DEFAULT_IDLE_THRESHOLD_MS = 60_000;
/** How late an idle event may come: Chrome polls the system's idle time once a second, in whole seconds. */
const IDLE_POLL_MS = 1_000;
/** Wall and monotonic clock may drift apart this much between two events before it is a jump. */
const CLOCK_JUMP_TOLERANCE_MS = 2_000;

type Focus = 'in' | 'out' | 'none';

/** How time on a channel counts at a moment. Computed by the specialization rules (utils/focus/). */
export interface Classification {
  tracked: boolean;
  focus: Focus;
  /** The time falls outside the working hours (whatever its focus). */
  afterHours: boolean;
  /** Why it is not tracked; `'paused'` makes liveSnapshot report `paused`. */
  notTrackedReason?: string | null;
}

type Classify = (channel: Channel, at: number) => Classification;

/** The classification until a specialization exists: everything counts, with no focus. */
const classifyWithoutSpecialization: Classify = () => ({ tracked: true, focus: 'none', afterHours: false });

export interface TrackerOptions {
  /** User present while there was evidence within this many ms. Default 60 000. */
  idleThresholdMs: number;
  /** Default: classifyWithoutSpecialization. */
  classify?: Classify;
  /**
   * The first moment after `after` at which `classify(channel, ·)` may answer differently
   * (working hours begin or end, a pause runs out), or null. Lets the tracker split exactly there.
   */
  nextClassificationChange?: (channel: Channel, after: number) => number | null;
}

/** Confirmed time on one channel under one classification: [from, to), wall ms. */
export interface CountedPiece {
  channel: Channel;
  from: number;
  to: number;
  focus: Focus;
  afterHours: boolean;
}

/** What counts during a run of the timeline. */
interface CountingTarget {
  tabId: number;
  channel: Channel;
  focus: Focus;
  afterHours: boolean;
}

/** A stretch of the open timeline, from `from` until the next run's `from` (the last: until now). */
interface TimelineRun {
  from: number;
  /** null: nothing counts (or the time was dropped). */
  target: CountingTarget | null;
}

/** The latest facts about a tab. */
interface TabFacts {
  windowId: number;
  channel: Channel | null;
  visible: boolean;
  lastInputAt: number | null;
  mediaPlaying: boolean;
  reportedAt: number;
  /** The page of ours the tab shows (or showed last); null when none reported or the tab left for another site. */
  document: { id: string; shownAt: number } | null;
  /** The page is gone: only a report of the next one makes the tab visible again. */
  gone: boolean;
  /** Since when the tab has had this channel (absent in states stored before it was kept). */
  channelSince?: number;
}

/**
 * Everything the tracker knows. JSON-serialisable (no undefined, no Infinity): store it in
 * storage.session after every event and a restarted service worker continues exactly.
 */
export interface TrackerState {
  version: 1;
  /** Keyed by String(tabId). */
  tabs: Record<string, TabFacts>;
  /** Keyed by String(windowId). */
  activeTabByWindow: Record<string, number>;
  /** null: the browser has no focus (or none reported yet). */
  focusedWindowId: number | null;
  system: { state: SystemState; since: number | null };
  /** Latest moment the user was known to be present (wall ms of the current clock). */
  lastEvidenceAt: number | null;
  /** Everything before this is final: emitted as pieces or dropped. null before the first event. */
  settledTo: number | null;
  /** The open timeline from settledTo: sorted, runs[0].from === settledTo, neighbours differ. */
  runs: TimelineRun[];
  /** Clock readings of the last event, to notice jumps. */
  clock: { at: number; mono: number | null } | null;
}

export type NotCountingReason = 'idle' | 'hidden' | 'unfocused' | 'paused' | 'untracked' | 'no-channel';

export interface LiveSnapshot {
  /** A channel accrues time right now. */
  counting: boolean;
  /** The channel of the focused window's active tab (counting or not), if any. */
  channel: Channel | null;
  tabId: number | null;
  /** Confirmed time not yet emitted (settle would emit it). */
  openConfirmedMs: number;
  /** Time after the last evidence that the next evidence would confirm. */
  provisionalMs: number;
  /** Why nothing counts; null while counting. */
  reason: NotCountingReason | null;
}

export function initialTrackerState(): TrackerState {
  return {
    version: 1,
    tabs: {},
    activeTabByWindow: {},
    focusedWindowId: null,
    system: { state: 'active', since: null },
    lastEvidenceAt: null,
    settledTo: null,
    runs: [],
    clock: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Public steps

/** Feeds one event. Returns the new state and the pieces of time it confirmed and closed. */
export function step(
  state: TrackerState, event: TrackerEvent, options: TrackerOptions,
): { state: TrackerState; pieces: CountedPiece[] } {
  if (!Number.isFinite(event.at)) return { state, pieces: [] };
  const rules = rulesFrom(options);
  const s = structuredClone(state);
  const pieces: CountedPiece[] = [];
  const at = event.at;
  const mono = event.mono !== undefined && Number.isFinite(event.mono) ? event.mono : null;

  if (s.settledTo === null || s.clock === null) {
    s.settledTo = at;
    s.runs = [{ from: at, target: null }];
  } else if (isClockJump(s.clock, at, mono)) {
    restartAfterClockJump(s, at, pieces);
  } else {
    followClassificationChanges(s, s.clock.at, at, rules);
  }
  s.clock = { at, mono };

  const countedBefore = lastRun(s).target;
  const evidence: number[] = [];
  let absence: 'idle' | 'locked' | null = null;
  let shownByUserAt: number | null = null;

  switch (event.type) {
    case 'page':
      // Linux desktops report "no window" at starts and during switches while one has focus: a
      // page with focus corrects that. A window named since is not undone by a report that left
      // its page before the switch.
      if (event.focused && event.visible && !event.gone && s.focusedWindowId === null) focusWindow(s, event.windowId, at, evidence);
      shownByUserAt = recordPage(s, event, countedBefore, evidence, rules);
      break;
    case 'tab-activated': {
      const windowKey = String(event.windowId);
      const previous = s.activeTabByWindow[windowKey];
      moveTab(s, event.tabId, event.windowId);
      s.activeTabByWindow[windowKey] = event.tabId;
      const facts = s.tabs[String(event.tabId)];
      // An active tab of a window is visible; its page confirms (or corrects) that shortly.
      if (facts && !facts.gone) facts.visible = true;
      if (previous !== event.tabId && s.focusedWindowId === event.windowId) evidence.push(at);
      break;
    }
    case 'tab-updated': {
      const key = String(event.tabId);
      moveTab(s, event.tabId, event.windowId);
      const facts = s.tabs[key];
      if (facts) {
        if (event.newPage || !sameChannel(facts.channel, event.channel)) facts.channelSince = at;
        facts.channel = event.channel;
        // A page we may not see: none of ours shows there now, and nothing of the old one counts.
        if (event.newPage && event.channel === null) {
          facts.document = null;
          facts.gone = true;
          facts.mediaPlaying = false;
        }
      } else if (event.channel) {
        s.tabs[key] = {
          windowId: event.windowId, channel: event.channel,
          visible: s.activeTabByWindow[String(event.windowId)] === event.tabId,
          lastInputAt: null, mediaPlaying: false, reportedAt: at, document: null, gone: false, channelSince: at,
        };
      }
      break;
    }
    case 'tab-removed':
      forgetTab(s, event.tabId);
      break;
    case 'window-focused':
      focusWindow(s, event.windowId, at, evidence);
      break;
    case 'window-removed': {
      delete s.activeTabByWindow[String(event.windowId)];
      for (const [key, facts] of Object.entries(s.tabs)) {
        if (facts.windowId === event.windowId) delete s.tabs[key];
      }
      if (s.focusedWindowId === event.windowId) s.focusedWindowId = null;
      break;
    }
    case 'system':
      // Only a change is news: a re-sync that repeats the known state says nothing.
      if (event.state !== s.system.state) {
        // Idle after a lock says nothing of input: only active-to-idle credits the system's input.
        const wasActive = s.system.state === 'active';
        s.system = { state: event.state, since: at };
        if (event.state === 'active') evidence.push(at);
        else absence = event.state === 'idle' && !wasActive ? 'locked' : event.state;
      }
      break;
    case 'reclassify':
    case 'tick':
      break;
  }

  const evaluation = evaluate(s, at, rules);
  setRun(s, at, evaluation.target);
  // Media and a page the user opened are evidence only on the page being counted.
  if (event.type === 'page' && event.visible && evaluation.target?.tabId === event.tabId) {
    if (event.mediaPlaying) evidence.push(at);
    if (shownByUserAt !== null) evidence.push(shownByUserAt);
  }
  evidence.sort((a, b) => a - b);
  for (const moment of evidence) applyEvidence(s, moment, at, rules.idleThresholdMs, pieces);

  if (absence === 'locked' || (absence === 'idle' && evaluation.target === null)) {
    endPresence(s, absence, at, rules.idleThresholdMs, pieces);
  }

  emitClosedRuns(s, pieces);
  prune(s, at, rules.idleThresholdMs);
  return { state: s, pieces };
}

/**
 * Emits the confirmed part of the open target too (start .. last evidence), for the batched
 * write. The target stays open from there. Needs no clock: call it after a `tick`.
 */
export function settle(state: TrackerState): { state: TrackerState; pieces: CountedPiece[] } {
  if (state.settledTo === null) return { state, pieces: [] };
  const s = structuredClone(state);
  const pieces: CountedPiece[] = [];
  emitTo(s, confirmedEnd(s), pieces);
  return { state: s, pieces };
}

/** What counts at `now` and why not, for the panel and the popup. Reads only. */
export function liveSnapshot(state: TrackerState, now: number, options: TrackerOptions): LiveSnapshot {
  const rules = rulesFrom(options);
  const evaluation = evaluate(state, now, rules);
  const last = state.lastEvidenceAt;
  const present = last !== null && now - last <= rules.idleThresholdMs;
  const confirmed = state.settledTo === null ? 0 : confirmedEnd(state);
  const openConfirmedMs = state.settledTo === null ? 0 : countingMs(state.runs, state.settledTo, confirmed);
  const provisionalMs = present && state.settledTo !== null ? countingMs(state.runs, confirmed, now) : 0;
  return {
    counting: evaluation.target !== null && present,
    channel: evaluation.channel,
    tabId: evaluation.tabId,
    openConfirmedMs,
    provisionalMs,
    reason: evaluation.target === null ? evaluation.reason : present ? null : 'idle',
  };
}

// ---------------------------------------------------------------------------------------------
// Facts

interface Rules {
  idleThresholdMs: number;
  classify: Classify;
  nextChange: TrackerOptions['nextClassificationChange'];
}

function rulesFrom(options: TrackerOptions): Rules {
  const threshold = options.idleThresholdMs;
  return {
    idleThresholdMs: Number.isFinite(threshold) && threshold > 0 ? threshold : DEFAULT_IDLE_THRESHOLD_MS,
    classify: options.classify ?? classifyWithoutSpecialization,
    nextChange: options.nextClassificationChange,
  };
}

/**
 * Takes a page's report into the tab's facts; new input is evidence. Returns when the report
 * shows a page the user opened (their click, key or typed address), for the caller to credit if
 * that page is the one counted; null otherwise.
 */
function recordPage(
  s: TrackerState, event: PageEvent, countedBefore: CountingTarget | null, evidence: number[], rules: Rules,
): number | null {
  const threshold = rules.idleThresholdMs;
  const key = String(event.tabId);
  const previous = s.tabs[key];
  const page = event.document;
  // A late report of a page the tab has left (a heartbeat or pagehide still on its way).
  if (page && previous?.document && previous.document.id !== page.id && page.shownAt < previous.document.shownAt) return null;

  const input = event.lastInputAt !== null && Number.isFinite(event.lastInputAt) ? event.lastInputAt : null;
  // New input is a changed timestamp (not a larger one: the wall clock may have gone back).
  if (input !== null && input !== previous?.lastInputAt) {
    const inputAt = Math.min(input, event.at);
    if (inputAt >= event.at - threshold) {
      evidence.push(inputAt);
      // Input after the system went idle ends the idle spell, event or not. A locked screen
      // ends only when the system says so.
      if (s.system.state === 'idle' && (s.system.since === null || inputAt > s.system.since)) {
        s.system = { state: 'active', since: inputAt };
      }
    }
  }

  if (event.gone) {
    // The page goes: its last input counted above; what the tab shows next, its report or
    // tabs.onUpdated tells.
    if (previous && (!page || previous.document?.id === page.id)) {
      previous.gone = true;
      previous.mediaPlaying = false;
      if (input !== null) previous.lastInputAt = input;
    }
    return null;
  }

  const shown = page !== undefined && (previous?.document?.id !== page.id || previous.document.shownAt !== page.shownAt);
  const byUser = shown && page.shownAt >= event.at - threshold
    && loadIsPresence(page, { ourPage: Boolean(previous?.document), lastInputAt: previous?.lastInputAt ?? null });
  // The first report of a page can name its account where the load's URL could not (a video's
  // channel, the name behind an id): the moments since the load are that account's too.
  if (shown && previous?.channelSince !== undefined && previous.channel && event.channel
    && previous.channel.platform === event.channel.platform && !sameChannel(previous.channel, event.channel)) {
    renameOpenTime(s, event.tabId, previous.channel, event.channel, previous.channelSince, rules.classify);
  }
  moveTab(s, event.tabId, event.windowId);
  const channelSince = previous && sameChannel(previous.channel, event.channel) ? previous.channelSince ?? event.at : event.at;
  s.tabs[key] = {
    windowId: event.windowId,
    channel: event.channel,
    channelSince,
    visible: event.visible,
    lastInputAt: input,
    mediaPlaying: event.mediaPlaying,
    reportedAt: event.at,
    document: page ? { id: page.id, shownAt: page.shownAt } : previous?.document ?? null,
    gone: false,
  };
  const windowKey = String(event.windowId);
  if (event.visible && s.activeTabByWindow[windowKey] === undefined) s.activeTabByWindow[windowKey] = event.tabId;
  // Hiding the counted tab is the user's doing (a switch, a minimised window).
  if (!event.visible && countedBefore?.tabId === event.tabId) evidence.push(event.at);
  return byUser && page ? Math.min(page.shownAt, event.at) : null;
}

/** The desktop's focus is on `windowId` (null: on no window of the browser). A change is evidence. */
function focusWindow(s: TrackerState, windowId: number | null, at: number, evidence: number[]): void {
  if (windowId !== s.focusedWindowId) {
    s.focusedWindowId = windowId;
    evidence.push(at);
  }
  if (windowId === null) return;
  const active = s.activeTabByWindow[String(windowId)];
  const facts = active === undefined ? undefined : s.tabs[String(active)];
  if (facts && !facts.gone) facts.visible = true;
}

function sameChannel(a: Channel | null, b: Channel | null): boolean {
  return a === null || b === null ? a === b : channelKey(a) === channelKey(b);
}

/**
 * The tab's open (not yet emitted) time on `from` since `since` counts for `to` instead, each
 * run under `to`'s own classification. Time already emitted stays where it went.
 */
function renameOpenTime(s: TrackerState, tabId: number, from: Channel, to: Channel, since: number, classify: Classify): void {
  const start = Math.max(since, s.settledTo ?? since);
  const onOld = (run: TimelineRun) => run.target?.tabId === tabId && sameChannel(run.target.channel, from);
  const cut = s.runs.findIndex((run, index) => run.from < start && start < runEnd(s.runs, index));
  if (cut >= 0 && onOld(s.runs[cut]!)) s.runs.splice(cut + 1, 0, { from: start, target: s.runs[cut]!.target });
  for (const run of s.runs) {
    if (run.from >= start && onOld(run)) run.target = targetFor(tabId, to, classify(to, run.from)).target;
  }
  // Neighbours differ: runs that now say the same become one.
  s.runs = s.runs.filter((run, index) => index === 0 || !sameTarget(s.runs[index - 1]!.target, run.target));
}

/** A tab seen in another window than before stops being the old window's active tab. */
function moveTab(s: TrackerState, tabId: number, windowId: number): void {
  const facts = s.tabs[String(tabId)];
  if (!facts || facts.windowId === windowId) return;
  const oldWindow = String(facts.windowId);
  if (s.activeTabByWindow[oldWindow] === tabId) delete s.activeTabByWindow[oldWindow];
  facts.windowId = windowId;
}

function forgetTab(s: TrackerState, tabId: number): void {
  delete s.tabs[String(tabId)];
  for (const [windowKey, active] of Object.entries(s.activeTabByWindow)) {
    if (active === tabId) delete s.activeTabByWindow[windowKey];
  }
}

type Candidate = { tabId: number; channel: Channel } | { reason: NotCountingReason; tabId: number | null; channel: Channel | null };

/** The tab that would count if its channel is tracked, from the facts alone. */
function candidate(s: TrackerState): Candidate {
  const windowId = s.focusedWindowId;
  const tabId = windowId === null ? undefined : s.activeTabByWindow[String(windowId)];
  const facts = tabId === undefined ? undefined : s.tabs[String(tabId)];
  const seen = { tabId: tabId ?? null, channel: facts?.channel ?? null };
  if (s.system.state === 'locked') return { reason: 'idle', ...seen };
  if (windowId === null) return { reason: 'unfocused', tabId: null, channel: null };
  if (tabId === undefined || !facts?.channel) return { reason: 'no-channel', ...seen };
  if (!facts.visible) return { reason: 'hidden', ...seen };
  if (s.system.state === 'idle' && !facts.mediaPlaying) return { reason: 'idle', ...seen };
  return { tabId, channel: facts.channel };
}

type Evaluation =
  | { target: CountingTarget; reason: null; tabId: number; channel: Channel }
  | { target: null; reason: NotCountingReason; tabId: number | null; channel: Channel | null };

function targetFor(tabId: number, channel: Channel, classification: Classification): Evaluation {
  if (!classification.tracked) {
    const reason = classification.notTrackedReason === 'paused' ? 'paused' : 'untracked';
    return { target: null, reason, tabId, channel };
  }
  return {
    target: { tabId, channel, focus: classification.focus, afterHours: classification.afterHours },
    reason: null, tabId, channel,
  };
}

function evaluate(s: TrackerState, at: number, rules: Rules): Evaluation {
  const found = candidate(s);
  if ('reason' in found) return { target: null, ...found };
  return targetFor(found.tabId, found.channel, rules.classify(found.channel, at));
}

/** Splits the open target at the classification boundaries between the last event and `to`. */
function followClassificationChanges(s: TrackerState, from: number, to: number, rules: Rules): void {
  if (!rules.nextChange) return;
  const found = candidate(s);
  if ('reason' in found) return;
  let moment = from;
  for (let guard = 0; guard < 1000; guard += 1) {
    const boundary = rules.nextChange(found.channel, moment);
    if (boundary === null || !Number.isFinite(boundary) || boundary <= moment || boundary >= to) return;
    setRun(s, boundary, targetFor(found.tabId, found.channel, rules.classify(found.channel, boundary)).target);
    moment = boundary;
  }
}

// ---------------------------------------------------------------------------------------------
// Clock

function isClockJump(clock: { at: number; mono: number | null }, at: number, mono: number | null): boolean {
  if (at < clock.at) return true;
  if (mono === null || clock.mono === null) return false;
  return Math.abs((at - clock.at) - (mono - clock.mono)) > CLOCK_JUMP_TOLERANCE_MS;
}

/** Keeps what the old clock confirmed, forgets everything else measured on it. */
function restartAfterClockJump(s: TrackerState, at: number, pieces: CountedPiece[]): void {
  emitTo(s, confirmedEnd(s), pieces);
  s.runs = [{ from: at, target: lastRun(s).target }];
  s.settledTo = at;
  s.lastEvidenceAt = null;
  if (s.system.since !== null) s.system.since = at;
}

// ---------------------------------------------------------------------------------------------
// Evidence and the timeline

function lastRun(s: TrackerState): TimelineRun {
  const run = s.runs[s.runs.length - 1];
  if (!run) throw new Error('tracker timeline is empty');
  return run;
}

function confirmedEnd(s: TrackerState): number {
  const settled = s.settledTo ?? 0;
  return s.lastEvidenceAt === null ? settled : Math.max(settled, s.lastEvidenceAt);
}

function applyEvidence(s: TrackerState, moment: number, at: number, threshold: number, pieces: CountedPiece[]): void {
  const evidenceAt = Math.min(moment, at);
  const last = s.lastEvidenceAt;
  if (last !== null && evidenceAt <= last) return;
  if (last !== null && evidenceAt - last <= threshold) {
    s.lastEvidenceAt = evidenceAt;
    return;
  }
  // A gap: the provisional time since the last evidence never became real.
  emitTo(s, confirmedEnd(s), pieces);
  discardTo(s, evidenceAt);
  s.lastEvidenceAt = evidenceAt;
}

/**
 * The system went idle or locked at `at`. Idle: the system saw input until between
 * `at - threshold - IDLE_POLL_MS` and `at - threshold` (browsers poll idleness in whole seconds);
 * the earlier bound is credible, up to one threshold past our own last evidence. Locked:
 * nothing after our last evidence is credible.
 */
function endPresence(s: TrackerState, kind: 'idle' | 'locked', at: number, threshold: number, pieces: CountedPiece[]): void {
  const last = s.lastEvidenceAt;
  if (kind === 'idle' && last !== null) s.lastEvidenceAt = Math.min(last + threshold, Math.max(last, at - threshold - IDLE_POLL_MS));
  emitTo(s, confirmedEnd(s), pieces);
  discardTo(s, at);
}

function sameTarget(a: CountingTarget | null, b: CountingTarget | null): boolean {
  if (a === null || b === null) return a === b;
  return a.tabId === b.tabId && a.focus === b.focus && a.afterHours === b.afterHours
    && channelKey(a.channel) === channelKey(b.channel);
}

/** From `at` on, `target` counts. */
function setRun(s: TrackerState, at: number, target: CountingTarget | null): void {
  const last = lastRun(s);
  if (sameTarget(last.target, target)) return;
  if (last.from < at) {
    s.runs.push({ from: at, target });
    return;
  }
  last.target = target;
  const before = s.runs[s.runs.length - 2];
  if (before && sameTarget(before.target, target)) s.runs.pop();
}

function runEnd(runs: TimelineRun[], index: number): number {
  return runs[index + 1]?.from ?? Number.POSITIVE_INFINITY;
}

/** Counting time of the runs within [from, to). */
function countingMs(runs: TimelineRun[], from: number, to: number): number {
  let total = 0;
  runs.forEach((run, index) => {
    if (!run.target) return;
    const start = Math.max(run.from, from);
    const end = Math.min(runEnd(runs, index), to);
    if (end > start) total += end - start;
  });
  return total;
}

/** Moves settledTo forward to `to`, dropping the runs that end by then. */
function advanceTo(s: TrackerState, to: number): void {
  let first = 0;
  while (first < s.runs.length - 1 && runEnd(s.runs, first) <= to) first += 1;
  s.runs = s.runs.slice(first);
  const head = s.runs[0];
  if (head) head.from = to;
  s.settledTo = to;
}

/** Emits [settledTo, upTo) as pieces and makes it final. */
function emitTo(s: TrackerState, upTo: number, pieces: CountedPiece[]): void {
  const settled = s.settledTo;
  if (settled === null || upTo <= settled) return;
  s.runs.forEach((run, index) => {
    if (!run.target) return;
    const from = Math.max(run.from, settled);
    const to = Math.min(runEnd(s.runs, index), upTo);
    if (to > from) addPiece(pieces, run.target, from, to);
  });
  advanceTo(s, upTo);
}

/** Drops [settledTo, to): it will never count. */
function discardTo(s: TrackerState, to: number): void {
  if (s.settledTo === null || to <= s.settledTo) return;
  advanceTo(s, to);
}

function addPiece(pieces: CountedPiece[], target: CountingTarget, from: number, to: number): void {
  const previous = pieces[pieces.length - 1];
  if (previous && previous.to === from && previous.focus === target.focus && previous.afterHours === target.afterHours
    && channelKey(previous.channel) === channelKey(target.channel)) {
    previous.to = to;
    return;
  }
  pieces.push({ channel: target.channel, from, to, focus: target.focus, afterHours: target.afterHours });
}

/** Emits every confirmed piece except that of the target still open. */
function emitClosedRuns(s: TrackerState, pieces: CountedPiece[]): void {
  const last = lastRun(s);
  const end = confirmedEnd(s);
  emitTo(s, last.target ? Math.min(end, last.from) : end, pieces);
}

/**
 * Keeps the timeline short. Two stretches can still matter: up to one threshold after the last
 * evidence (later evidence, or a system idle, can confirm it) and the last threshold before `now`
 * (fresh evidence can start presence there; older evidence is stale). Runs between them are
 * blanked; with no evidence at all, everything before the last threshold is dropped.
 */
function prune(s: TrackerState, now: number, threshold: number): void {
  const settled = s.settledTo;
  if (settled === null) return;
  const last = s.lastEvidenceAt;
  const stillNew = now - threshold;
  if (last === null || last + threshold <= settled) {
    discardTo(s, stillNew);
    return;
  }
  if (last + threshold < stillNew) blank(s, last + threshold, stillNew);
}

/** Nothing counts in [from, to). */
function blank(s: TrackerState, from: number, to: number): void {
  const runs: TimelineRun[] = [];
  s.runs.forEach((run, index) => {
    const end = runEnd(s.runs, index);
    if (end <= from || run.from >= to || !run.target) {
      runs.push(run);
      return;
    }
    if (run.from < from) runs.push({ from: run.from, target: run.target });
    runs.push({ from: Math.max(run.from, from), target: null });
    if (end > to) runs.push({ from: to, target: run.target });
  });
  s.runs = runs.filter((run, index) => {
    const previous = runs[index - 1];
    return !previous || !sameTarget(previous.target, run.target);
  });
}

// ---------------------------------------------------------------------------------------------
// Validation of a stored state (storage.session)

const Ms = v.pipe(v.number(), v.finite());
const ChannelSchema = v.pipe(
  v.object({ platform: v.picklist([...PLATFORM_IDS, 'custom'] as const), account: v.nullable(v.string()) }),
  v.check((channel) => parseChannelKey(channelKey(channel)) !== null, 'not a channel'),
);
const FocusSchema = v.picklist(['in', 'out', 'none']);

const TrackerStateSchema = v.pipe(
  v.object({
    version: v.literal(1),
    tabs: v.record(v.string(), v.object({
      windowId: v.number(),
      channel: v.nullable(ChannelSchema),
      visible: v.boolean(),
      lastInputAt: v.nullable(Ms),
      mediaPlaying: v.boolean(),
      reportedAt: Ms,
      // Absent in states stored before pages were told apart: no page known, none gone.
      document: v.optional(v.nullable(v.object({ id: v.string(), shownAt: Ms })), null),
      gone: v.optional(v.boolean(), false),
      channelSince: v.optional(Ms),
    })),
    activeTabByWindow: v.record(v.string(), v.number()),
    focusedWindowId: v.nullable(v.number()),
    system: v.object({ state: v.picklist(['active', 'idle', 'locked']), since: v.nullable(Ms) }),
    lastEvidenceAt: v.nullable(Ms),
    settledTo: v.nullable(Ms),
    runs: v.array(v.object({
      from: Ms,
      target: v.nullable(v.object({ tabId: v.number(), channel: ChannelSchema, focus: FocusSchema, afterHours: v.boolean() })),
    })),
    clock: v.nullable(v.object({ at: Ms, mono: v.nullable(Ms) })),
  }),
  v.check((state) => {
    if (state.settledTo === null) return state.runs.length === 0;
    const first = state.runs[0];
    return first !== undefined && first.from === state.settledTo
      && state.runs.every((run, index) => index === 0 || run.from > (state.runs[index - 1]?.from ?? run.from));
  }, 'the timeline must start at settledTo and be sorted'),
);

/** A stored tracker state, or null when it is not one this version can continue from. */
export function parseTrackerState(raw: unknown): TrackerState | null {
  const result = v.safeParse(TrackerStateSchema, raw);
  return result.success ? (result.output satisfies TrackerState) : null;
}
