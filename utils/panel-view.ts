import { channelKey, channelLabel, channelNameParts, type Channel } from './channels';
import { clientOf } from './clients/membership';
import { budgetForChannel, focusShare, focusStatus, type UsageRow } from './focus';
import type { PanelPlacementView, PanelView } from './messages';
import { activeSpecialization, panelPlacement, type Settings } from './settings';
import { channelTotals, type DayTotals } from './tracking/totals';
import type { LiveSnapshot } from './tracking/tracker';

/** Today's rows in the shape the focus rules read. */
export function usageRows(day: DayTotals): UsageRow[] {
  return channelTotals(day).flatMap((row) => (row.channel ? [{ channel: row.channel, inMs: row.inMs, outMs: row.outMs, noneMs: row.noneMs }] : []));
}

/** The `settings.panel.perPlatform` key of a channel: its platform, or its host for a custom channel. */
export function placementKey(channel: Channel): string {
  return channel.platform === 'custom' ? channelKey(channel) : channel.platform;
}

function panelPlacementView(channel: Channel, settings: Settings): PanelPlacementView {
  const key = placementKey(channel);
  return { key, edge: settings.panel.edge, ...panelPlacement(settings, key) };
}

function clientView(channel: Channel | null, settings: Settings): PanelView['client'] {
  const client = channel ? clientOf(settings, channel) : null;
  return client ? { name: client.name, color: client.color } : null;
}

/** The end of the snooze that quiets this channel's flag (its own or its platform's), if one runs. */
function snoozeEnd(channel: Channel, now: number, settings: Settings): number | null {
  const keys = [channelKey(channel)];
  if (channel.platform !== 'custom' && channel.account !== null) keys.push(channel.platform);
  const ends = keys.flatMap((key) => {
    const until = Object.hasOwn(settings.flags.snoozedUntil, key) ? settings.flags.snoozedUntil[key] : undefined;
    return until !== undefined && until > now ? [until] : [];
  });
  return ends.length > 0 ? Math.max(...ends) : null;
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
  hostName: string;
}): PanelView {
  const { channel, snapshot, today, settings, now } = input;
  const countingHere = snapshot.counting && snapshot.tabId === input.tabId;
  const reason = countingHere ? null : snapshot.tabId === input.tabId ? snapshot.reason : 'unfocused';
  const rows = usageRows(today);
  const spec = activeSpecialization(settings);
  const totals = channel ? today[channelKey(channel)] : undefined;
  const focus = channel ? focusStatus(channel, now, settings) : null;
  const parts = channel ? channelNameParts(channel) : null;
  const pausedUntil = settings.tracking.pausedUntil !== null && settings.tracking.pausedUntil > now ? settings.tracking.pausedUntil : null;
  return {
    channel,
    label: channel ? channelLabel(channel) : null,
    platformName: parts?.platformName ?? null,
    account: parts?.account ?? null,
    client: clientView(channel, settings),
    counting: countingHere,
    reason: channel ? reason : 'no-channel',
    todayMs: totals ? totals[0] + totals[1] + totals[2] : 0,
    afterHoursMs: totals?.[3] ?? 0,
    focus,
    focusShare: focusShare(rows),
    budget: channel && spec ? (budgetForChannel(channel, spec, rows)?.status ?? null) : null,
    idleThresholdMs: input.idleThresholdMs,
    pauseScreen: settings.flags.pauseScreen,
    flagged: focus?.status === 'outside' && !focus.snoozed,
    snoozedUntil: channel && focus?.status === 'outside' ? snoozeEnd(channel, now, settings) : null,
    pausedUntil,
    specializationName: spec?.name ?? null,
    placement: channel ? panelPlacementView(channel, settings) : null,
    asOf: now,
    hostName: input.hostName,
  };
}
