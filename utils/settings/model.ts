import type { ChannelPlatform, UserHost } from '@/utils/channels';
import { PLATFORM_IDS, type PlatformId } from '@/utils/platforms/types';
import { LIMITS } from './limits';

// The shape of everything the user configures, and the defaults a new profile starts with.

/** Schema version of the stored settings. Bump it together with a new step in SETTINGS_MIGRATIONS. */
export const SETTINGS_VERSION = 2;

/**
 * A focus entry: a whole platform (`accounts: null`) or only some accounts within it.
 * At most one entry per platform. For `custom`, `accounts` lists hosts and is never null.
 */
export interface FocusChannel {
  platform: ChannelPlatform;
  accounts: string[] | null;
}

interface DailyBudgets {
  /** Daily minutes for all time on the specialization's channels, or none. */
  totalMinutes: number | null;
  /** Daily minutes per focus key (`linkedin`, `linkedin:company/acme`, `custom:host`). */
  perChannel: Record<string, number>;
}

/**
 * When the user works. Times are local wall-clock times in `timeZone`; the window is
 * [from, to). A window that ends the next day must be chosen explicitly with `overnight`
 * (then `to` is before `from`); otherwise "from after to" is a mistake the editor explains.
 * `days` are the days a window starts on (0 = Sunday .. 6 = Saturday).
 */
export interface WorkingHours {
  days: number[];
  from: string;
  to: string;
  overnight: boolean;
  timeZone: string;
  /** true: time outside working hours is tracked and reported as after-hours; false: not tracked. */
  trackOutside: boolean;
}

export interface Specialization {
  id: string;
  name: string;
  channels: FocusChannel[];
  budgets: DailyBudgets;
  workingHours: WorkingHours | null;
  /** The client this focus is for: activating it is switching to that client. */
  clientId: string | null;
}

/**
 * A customer of an agency. Its channels use the focus entry's shape: a whole platform
 * (`accounts: null`) or some accounts in it. An account belongs to at most one client; an
 * account named by one client goes before another client's whole platform.
 */
export interface Client {
  id: string;
  name: string;
  /** `#rrggbb`, chosen by the user; shown beside the name, never the only sign. */
  color: string;
  channels: FocusChannel[];
}

export interface PanelPlacement {
  collapsed: boolean;
  hidden: boolean;
  /** Vertical position of the panel's top, as a fraction of the viewport height (0..1). */
  top: number;
}

export interface Settings {
  version: number;
  specializations: Specialization[];
  activeSpecializationId: string | null;
  /** Built-in platforms the user excluded or included; a platform missing here is tracked. */
  platforms: Partial<Record<PlatformId, { tracked: boolean }>>;
  /** Hosts the user added, normalised by `isValidHost` (channels.ts), as channel detection reads them. */
  customHosts: UserHost[];
  tracking: {
    idleThresholdSeconds: number;
    /** false: platform-only tracking, accounts are never recorded (privacy choice). */
    recordAccounts: boolean;
    pausedUntil: number | null;
    /** null: keep history forever. */
    retentionDays: number | null;
    /** Private (incognito) windows count, where the browser lets the extension run there at all. Off: they count and store nothing. */
    countPrivateWindows: boolean;
  };
  flags: {
    badge: boolean;
    notifyAfterMinutes: number | null;
    pauseScreen: boolean;
    /** Flag snoozes per channel key (or platform id for the whole platform): epoch ms. */
    snoozedUntil: Record<string, number>;
  };
  panel: {
    edge: 'left' | 'right';
    /** Keyed by platform id, or `custom:<host>` for a custom channel. */
    perPlatform: Record<string, PanelPlacement>;
  };
  setup: { completed: boolean; skipped: boolean };
  clients: Client[];
  /** Names the user gave to the browsers whose time was imported (source id -> name). */
  sourceNames: Record<string, string>;
  reports: {
    /** A notification on the first working day of the week that opens last week's report. */
    weeklyReminder: boolean;
  };
}

export const DEFAULT_PANEL_PLACEMENT: PanelPlacement = { collapsed: false, hidden: false, top: 0.3 };

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    specializations: [],
    activeSpecializationId: null,
    platforms: Object.fromEntries(PLATFORM_IDS.map((id) => [id, { tracked: true }])),
    customHosts: [],
    tracking: {
      idleThresholdSeconds: LIMITS.idleThresholdSeconds.default,
      recordAccounts: true,
      pausedUntil: null,
      retentionDays: null,
      countPrivateWindows: false,
    },
    flags: { badge: false, notifyAfterMinutes: null, pauseScreen: false, snoozedUntil: {} },
    panel: { edge: 'right', perPlatform: {} },
    setup: { completed: false, skipped: false },
    clients: [],
    sourceNames: {},
    reports: { weeklyReminder: false },
  };
}

/** What the editor proposes when the user turns working hours on: Monday to Friday, 9 to 17. */
export function defaultWorkingHours(timeZone: string): WorkingHours {
  return { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', overnight: false, timeZone, trackOutside: true };
}
