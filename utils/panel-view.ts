import { channelKey, channelLabel, type Channel } from './channels';
import { budgetForChannel, focusShare, focusStatus, type UsageRow } from './focus';
import type { PanelView } from './messages';
import { activeSpecialization, type Settings } from './settings';
import { channelTotals, type DayTotals } from './tracking/totals';
import type { LiveSnapshot } from './tracking/tracker';

/** Today's rows in the shape the focus rules read. */
export function usageRows(day: DayTotals): UsageRow[] {
  return channelTotals(day).flatMap((row) => (row.channel ? [{ channel: row.channel, inMs: row.inMs, outMs: row.outMs, noneMs: row.noneMs }] : []));
}

/**
 * The side panel's view of one tab: its channel, today's time on it (the stored day plus what is
 * not yet written), and its focus status.
 */
export function buildPanelView(input: {
  channel: Channel | null;
  tabId: number;
  snapshot: LiveSnapshot;
  today: DayTotals;
  settings: Settings;
  now: number;
  idleThresholdMs: number;
}): PanelView {
  const { channel, snapshot, today, settings, now } = input;
  const countingHere = snapshot.counting && snapshot.tabId === input.tabId;
  const reason = countingHere ? null : snapshot.tabId === input.tabId ? snapshot.reason : 'unfocused';
  const rows = usageRows(today);
  const spec = activeSpecialization(settings);
  const totals = channel ? today[channelKey(channel)] : undefined;
  return {
    channel,
    label: channel ? channelLabel(channel) : null,
    counting: countingHere,
    reason: channel ? reason : 'no-channel',
    todayMs: totals ? totals[0] + totals[1] + totals[2] : 0,
    afterHoursMs: totals?.[3] ?? 0,
    focus: channel ? focusStatus(channel, now, settings) : null,
    focusShare: focusShare(rows),
    budget: channel && spec ? (budgetForChannel(channel, spec, rows)?.status ?? null) : null,
    idleThresholdMs: input.idleThresholdMs,
    asOf: now,
  };
}
