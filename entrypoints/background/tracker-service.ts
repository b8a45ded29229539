/**
 * The imperative shell around the tracker core: feeds browser events into `step`, keeps the
 * state in storage.session after every event (a terminated worker loses nothing), and writes
 * confirmed time to storage.local at most once per 15 s. Every task runs through the storage
 * door, in one queue with every other write.
 */
import { browser } from 'wxt/browser';
import { initialTrackerState, liveSnapshot, settle, step, type LiveSnapshot, type TrackerOptions } from '@/utils/tracking/tracker';
import type { TrackerEvent, TrackerEventWithoutClock } from '@/utils/tracking/events';
import { addPieces, flushDue, mergeDayTotals, writeInterval, type DayTotals } from '@/utils/tracking/totals';
import type { LiveReply } from '@/utils/messages';
import { StorageDoor } from './storage-door';
import { localDate } from '@/utils/time-zone';
import { classify, nextClassificationChange } from '@/utils/focus';
import type { Settings } from '@/utils/settings';
import {
  TRACKER_KEY, decodeEnvelope, encodeEnvelope, quarantineKey, trackerRecord, usageDay, usageKey,
  type TrackerRecord,
} from '@/utils/storage';

export const FLUSH_ALARM = 'flush';

export class TrackerService {
  #record: TrackerRecord | null = null;
  #lastWriteError: string | null = null;
  /** Monotonic readings are comparable only within one life of the worker. */
  #monoValid = false;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  /**
   * @param askForReport asks a tab for a page report now and resolves once it was handled (false
   *   when the tab has no content script): a write then confirms time up to the moment it runs.
   */
  constructor(
    private readonly settings: () => Settings,
    private readonly askForReport: (tabId: number) => Promise<boolean> = async () => false,
    private readonly door: StorageDoor = new StorageDoor(),
  ) {}

  #options(): TrackerOptions {
    const settings = this.settings();
    return {
      idleThresholdMs: settings.tracking.idleThresholdSeconds * 1000,
      classify: (channel, at) => classify(channel, at, settings),
      nextClassificationChange: (_channel, after) => nextClassificationChange(after, settings),
    };
  }

  /** Runs tasks one at a time, in the door's queue: browser events arrive concurrently, the state must not fork. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    return this.door.run(task);
  }

  async #load(): Promise<TrackerRecord> {
    if (this.#record) return this.#record;
    const raw = (await browser.storage.session.get(TRACKER_KEY))[TRACKER_KEY];
    const outcome = decodeEnvelope(trackerRecord, raw);
    if (outcome.status === 'unreadable') {
      // Session data is ours alone and short-lived, but the unwritten time is the user's: keep it aside.
      console.warn(`Channel Focus: tracker state unreadable (${outcome.reason}); kept aside, starting fresh.`);
      await this.door.keepAside(TRACKER_KEY, raw, Date.now()).catch(() => {});
    }
    this.#record = outcome.value;
    return this.#record;
  }

  #clock(): { at: number; mono?: number } {
    const at = Date.now();
    const mono = performance.timeOrigin + performance.now();
    const reading = this.#monoValid ? { at, mono } : { at };
    this.#monoValid = true;
    return reading;
  }

  /** One step of the tracker: the state moves on, the time it confirmed joins the pending totals. */
  #step(record: TrackerRecord, event: TrackerEvent): void {
    const result = step(record.state, event, this.#options());
    record.state = result.state;
    record.pending = addPieces(record.pending, result.pieces, this.#timeZone);
  }

  /** Feeds one browser event into the tracker. */
  handle(event: TrackerEventWithoutClock): Promise<LiveSnapshot> {
    return this.#serial(async () => {
      const record = await this.#load();
      const clock = this.#clock();
      this.#step(record, { ...event, ...clock } as TrackerEvent);
      await this.#afterChange(record, clock.at);
      return liveSnapshot(record.state, clock.at, this.#options());
    });
  }

  /** True when the tracker has never seen an event in this browser session. */
  async isFresh(): Promise<boolean> {
    return this.#serial(async () => (await this.#load()).state.settledTo === null);
  }

  async #afterChange(record: TrackerRecord, now: number): Promise<void> {
    const snapshot = liveSnapshot(record.state, now, this.#options());
    const hasPending = Object.keys(record.pending).length > 0 || snapshot.openConfirmedMs > 0;
    // The first time to write starts the write clock rather than writing at once: every write,
    // the first included, then covers 15 s, which keeps the budget of 4 writes a minute.
    if (hasPending && record.lastFlushAt === null) record.lastFlushAt = now;
    const due = flushDue(record.lastFlushAt, now, hasPending, record.failedWrites);
    if (due.writeNow) {
      await this.#write(record, now);
    } else {
      await browser.storage.session.set({ [TRACKER_KEY]: encodeEnvelope(trackerRecord, record) });
      if (due.writeAt !== null) this.#scheduleFlush(due.writeAt - now);
    }
  }

  #scheduleFlush(delayMs: number): void {
    if (this.#flushTimer !== undefined) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      void this.#freshEvidence().then(() => this.flush());
    }, Math.max(0, delayMs) + 50);
    // Backstop for a worker stopped before the timer fires: the alarm wakes it again.
    void browser.alarms.create(FLUSH_ALARM, { when: Date.now() + Math.max(delayMs, 0) + 30_000 });
  }

  /** The counted tab's latest input, reported before a write (at most a second's wait). */
  async #freshEvidence(): Promise<void> {
    const { snapshot } = await this.live();
    if (!snapshot.counting || snapshot.tabId === null) return;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000));
    await Promise.race([this.askForReport(snapshot.tabId).catch(() => false), timeout]);
  }

  /**
   * Writes everything confirmed up to now, whatever the write budget: a reader of history
   * (export, report, options) is about to read storage. The counted tab reports its latest input
   * first. Resolves to false when the write failed (the time stays pending).
   */
  async writeNow(): Promise<boolean> {
    await this.#freshEvidence();
    return this.#serial(async () => {
      const record = await this.#load();
      const clock = this.#clock();
      this.#step(record, { type: 'tick', ...clock });
      return this.#write(record, clock.at);
    });
  }

  /** Settles the confirmed time and writes it, if the write budget allows; otherwise schedules it. */
  flush(): Promise<void> {
    return this.#serial(async () => {
      const record = await this.#load();
      const clock = this.#clock();
      this.#step(record, { type: 'tick', ...clock });
      await this.#afterChange(record, clock.at);
    });
  }

  /**
   * Writes the pending time and the confirmed part of the open target. A write that fails keeps
   * it all pending (in storage.session, so a stopped worker keeps it too) and is tried again
   * later, waiting longer after each failure.
   */
  async #write(record: TrackerRecord, now: number): Promise<boolean> {
    const settled = settle(record.state);
    record.state = settled.state;
    record.pending = addPieces(record.pending, settled.pieces, this.#timeZone);
    const dates = Object.keys(record.pending);
    let written = true;
    if (dates.length > 0) {
      try {
        const keys = dates.map(usageKey);
        const stored = await browser.storage.local.get(keys);
        const writes: Record<string, unknown> = {};
        for (const date of dates) {
          const outcome = decodeEnvelope(usageDay, stored[usageKey(date)]);
          if (outcome.status === 'unreadable') {
            // Never write over a day we cannot read: keep the original aside first.
            writes[quarantineKey(usageKey(date), now)] = stored[usageKey(date)];
          }
          writes[usageKey(date)] = encodeEnvelope(usageDay, mergeDayTotals(outcome.value, record.pending[date] ?? {}));
        }
        // One set() for all days: one storage write, one onChanged event.
        await browser.storage.local.set(writes);
        record.pending = {};
        record.failedWrites = 0;
        this.#lastWriteError = null;
      } catch (error) {
        console.error('Channel Focus: writing the counted time failed; it stays pending and is tried again.', error);
        record.failedWrites += 1;
        this.#lastWriteError = error instanceof Error ? error.message : String(error);
        written = false;
      }
      record.lastFlushAt = now;
    }
    await browser.storage.session.set({ [TRACKER_KEY]: encodeEnvelope(trackerRecord, record) });
    if (this.#flushTimer !== undefined) {
      clearTimeout(this.#flushTimer);
      this.#flushTimer = undefined;
    }
    if (written) await browser.alarms.clear(FLUSH_ALARM);
    else this.#scheduleFlush(writeInterval(record.failedWrites));
    return written;
  }

  /**
   * What is counted but not yet in storage.local, including the time the next evidence would
   * confirm while counting: views add it to the stored days to show live figures.
   */
  live(): Promise<LiveReply> {
    return this.#serial(async () => this.#liveOf(await this.#load(), Date.now()));
  }

  /**
   * What a page's panel shows: the tracker takes the page's report (if any) and answers with the
   * live figures and the stored day `date`, read in the same turn of the queue (no write falls
   * between them, so nothing is counted twice or missed). The answer leaves before the state is
   * kept: the panel waits for it, the next task in the queue still waits for the keeping.
   */
  forPanel(date: string, event: TrackerEventWithoutClock | null): Promise<LiveReply & { storedDay: DayTotals }> {
    // A failure before the answer reaches the page (it reports again); one after it, the door logs.
    return new Promise((resolve, reject) => {
      this.#serial(async () => {
        const storedRead = browser.storage.local.get(usageKey(date));
        const record = await this.#load();
        const clock = event ? this.#clock() : { at: Date.now() };
        if (event) this.#step(record, { ...event, ...clock } as TrackerEvent);
        const storedDay = decodeEnvelope(usageDay, (await storedRead)[usageKey(date)]).value;
        resolve({ ...this.#liveOf(record, clock.at), storedDay });
        if (event) await this.#afterChange(record, clock.at);
      }).catch(reject);
    });
  }

  #liveOf(record: TrackerRecord, now: number): LiveReply {
    const options = this.#options();
    const snapshot = liveSnapshot(record.state, now, options);
    // A dry settle: the pieces the next write would add, without changing the state.
    let unwritten = addPieces(record.pending, settle(record.state).pieces, this.#timeZone);
    const channel = snapshot.channel;
    if (snapshot.counting && channel && snapshot.provisionalMs > 0) {
      const kind = options.classify!(channel, now);
      unwritten = addPieces(unwritten, [{ channel, from: now - snapshot.provisionalMs, to: now, focus: kind.focus, afterHours: kind.afterHours }], this.#timeZone);
    }
    const storage = { failedWrites: record.failedWrites, lastError: record.failedWrites > 0 ? this.#lastWriteError : null };
    return { snapshot, unwritten, idleThresholdMs: options.idleThresholdMs, storage };
  }

  /** Tabs that show a page of ours now (it reported and has not gone): where a panel may be. */
  pageTabs(): Promise<number[]> {
    return this.#serial(async () => Object.entries((await this.#load()).state.tabs)
      .filter(([, facts]) => facts.document !== null && !facts.gone)
      .map(([tabId]) => Number(tabId)));
  }

  today(): string {
    return localDate(Date.now(), this.#timeZone);
  }

  /**
   * Forgets the unwritten time of the channels `match` names (their history is being deleted):
   * the confirmed part of the open target is settled first, so none of it comes back later.
   * Only inside a task of the door.
   */
  async forgetUnwrittenInTask(match: (channelKey: string) => boolean): Promise<void> {
    const record = await this.#load();
    const settled = settle(record.state);
    record.state = settled.state;
    const pending = addPieces(record.pending, settled.pieces, this.#timeZone);
    record.pending = Object.fromEntries(Object.entries(pending).flatMap(([date, day]) => {
      const kept = Object.fromEntries(Object.entries(day).filter(([key]) => !match(key)));
      return Object.keys(kept).length > 0 ? [[date, kept]] : [];
    }));
    await browser.storage.session.set({ [TRACKER_KEY]: encodeEnvelope(trackerRecord, record) });
  }

  /** Forgets the session (a reset of all data): the next event starts from scratch. Only inside a task of the door. */
  async resetInTask(): Promise<void> {
    // The time goes; what the tracker knows of tabs and focus stays, so counting goes on at once.
    const now = Date.now();
    const before = (await this.#load()).state;
    const target = before.runs[before.runs.length - 1]?.target ?? null;
    const state = before.settledTo === null ? initialTrackerState()
      : { ...before, settledTo: now, runs: [{ from: now, target }], lastEvidenceAt: before.lastEvidenceAt === null ? null : Math.min(before.lastEvidenceAt, now) };
    this.#record = { state, pending: {}, lastFlushAt: this.#record?.lastFlushAt ?? null, failedWrites: 0 };
    this.#lastWriteError = null;
    await browser.storage.session.set({ [TRACKER_KEY]: encodeEnvelope(trackerRecord, this.#record) });
  }
}
