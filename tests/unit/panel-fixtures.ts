import type { Channel } from '@/utils/channels';
import type { PanelView } from '@/utils/messages';
import { buildPanelView } from '@/utils/panel-view';
import { defaultSettings, type Settings } from '@/utils/settings';
import type { DayTotals } from '@/utils/tracking/totals';
import type { NotCountingReason } from '@/utils/tracking/tracker';

export const MIN = 60_000;
/** Wednesday 2025-06-04 10:00 UTC. */
export const T0 = Date.UTC(2025, 5, 4, 10, 0, 0);
const TAB = 7;

export const ACME: Channel = { platform: 'linkedin', account: 'company/acme' };
export const X_ACME: Channel = { platform: 'x', account: 'acme' };

/** One active specialization, "B2B DACH": LinkedIn's company page acme and all of XING. */
export function focusSettings(change: (settings: Settings) => Settings = (s) => s): Settings {
  return change({
    ...defaultSettings(),
    specializations: [{
      id: 'b2b', name: 'B2B DACH',
      channels: [{ platform: 'linkedin', accounts: ['company/acme'] }, { platform: 'xing', accounts: null }],
      budgets: { totalMinutes: null, perChannel: {} },
      workingHours: null,
      clientId: null,
    }],
    activeSpecializationId: 'b2b',
  });
}

/** The panel's host element name the fixtures' background hands out. */
export const HOST_NAME = 'qzvkt-mwrpla';

/** A panel view made the way the background makes it, for one tab on one channel. */
export function viewFor(options: {
  channel?: Channel | null;
  settings?: Settings;
  today?: DayTotals;
  counting?: boolean;
  reason?: NotCountingReason;
  now?: number;
}): PanelView {
  const channel = options.channel === undefined ? ACME : options.channel;
  const counting = options.counting ?? true;
  return buildPanelView({
    channel,
    tabId: TAB,
    snapshot: {
      counting, channel, tabId: TAB, openConfirmedMs: 0, provisionalMs: 0,
      reason: counting ? null : options.reason ?? 'idle',
    },
    today: options.today ?? { 'linkedin:company/acme': [45 * MIN, 0, 0, 0], 'x:acme': [0, 15 * MIN, 0, 0] },
    settings: options.settings ?? focusSettings(),
    now: options.now ?? T0,
    hostName: HOST_NAME,
    idleThresholdMs: 60_000,
  });
}
