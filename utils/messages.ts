import * as v from 'valibot';
import type { Channel } from './channels';
import { PLATFORM_IDS } from './platforms/types';
import type { BudgetStatus, FocusStatus } from './focus';
import type { LiveSnapshot, NotCountingReason } from './tracking/tracker';
import type { TotalsByDate } from './tracking/totals';
import { NAVIGATION_KINDS } from './tracking/presence';
import { MAX_IMPORT_BYTES, type ImportError } from './backup';
import { isValidSourceId } from './backup/source-id';
import { QUARANTINE_PREFIX } from './storage';
import { CLUE_SOURCES, MAX_CLUES, MAX_CLUE_URL_LENGTH } from './page-account/clue';

/**
 * The typed protocol between content scripts, views and the background: one schema per message
 * (validated where it enters the background), the role that may send it, and the type of its
 * reply (`Replies`), used through the `send` helper so that no reply is ever cast. Anything else
 * (an old content script after an update, a page that found a way to post to us, a view message
 * from a web page) gets `null` and is ignored.
 */
const PageReport = v.object({
  type: v.literal('page-report'),
  url: v.pipe(v.string(), v.maxLength(4096)),
  visible: v.boolean(),
  /** Exact time of the last trusted input event the page saw, ms since epoch. */
  lastInputAt: v.nullable(v.pipe(v.number(), v.finite())),
  mediaPlaying: v.boolean(),
  /** Which page of the tab reports (tracking/presence.ts). */
  document: v.object({
    id: v.pipe(v.string(), v.minLength(8), v.maxLength(64)),
    shownAt: v.pipe(v.number(), v.finite()),
    navigation: v.picklist(NAVIGATION_KINDS),
  }),
  /** Sent from `pagehide`: the page is going away. */
  gone: v.optional(v.boolean()),
  /** `document.hasFocus()`: only a focused window's active tab can have it. */
  focused: v.optional(v.boolean()),
  /**
   * Addresses the page's public markup gives for its account (utils/page-account), most trusted
   * first. Unchecked here: the background believes one only when the platform's parser does.
   */
  clues: v.optional(v.pipe(
    v.array(v.object({ url: v.pipe(v.string(), v.maxLength(MAX_CLUE_URL_LENGTH)), source: v.picklist(CLUE_SOURCES) })),
    v.maxLength(MAX_CLUES),
  )),
});

/** The channel the side panel shows, as it came in the panel's view. */
const PanelChannel = v.object({
  platform: v.picklist([...PLATFORM_IDS, 'custom'] as const),
  account: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(300))),
});

/** The side panel's own requests: each is a user's action in the panel (or, for unhide, in the popup). */
const PanelMessages = [
  /** Collapse, hide, move: remembered per platform (`edge` for all platforms). */
  v.object({
    type: v.literal('panel-placement'),
    channel: PanelChannel,
    collapsed: v.optional(v.boolean()),
    hidden: v.optional(v.boolean()),
    top: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    edge: v.optional(v.picklist(['left', 'right'] as const)),
  }),
  /** Quick action on a flagged channel: bring it into the active specialization. */
  v.object({ type: v.literal('panel-add-to-focus'), channel: PanelChannel }),
  /** Quick action on a flagged channel: quiet its flag for a while. */
  v.object({
    type: v.literal('panel-snooze'),
    channel: PanelChannel,
    minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
  }),
  /** Opens the report (a page: the popup cannot be opened from a page everywhere) or the settings. */
  v.object({ type: v.literal('panel-open'), page: v.picklist(['report', 'options'] as const) }),
  /** The popup's way back after "hide on this platform": one placement key, or every hidden one. */
  v.object({ type: v.literal('panel-unhide'), key: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(300))) }),
  /** The popup's offer: track the site in front (a Mastodon instance) as a channel; its access is granted already. */
  v.object({ type: v.literal('custom-host-add'), host: v.pipe(v.string(), v.minLength(1), v.maxLength(253)), platform: v.picklist(['mastodon', 'custom']) }),
] as const;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** Our own pages' commands: every change of the user's data goes through the background. */
const ViewMessages = [
  v.object({ type: v.literal('status') }),
  /** The time counted but not yet written, and the state of storage. */
  v.object({ type: v.literal('live') }),
  /** A view is about to read history from storage: write every counted second first. */
  v.object({ type: v.literal('write-now') }),
  /** The options page's edit: the whole settings object, validated again in the background. */
  v.object({ type: v.literal('settings-save'), settings: v.unknown() }),
  /** The popup's switches. */
  v.object({ type: v.literal('tracking-pause'), until: v.pipe(v.number(), v.finite()) }),
  v.object({ type: v.literal('tracking-resume') }),
  v.object({ type: v.literal('specialization-activate'), id: v.nullable(Id) }),
  /** An import file's text (checked again in the background) and whether its settings replace ours. */
  v.object({ type: v.literal('data-import'), text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES)), takeSettings: v.boolean() }),
  v.object({ type: v.literal('data-restore'), backupId: Id }),
  /** One channel's history (its channel key), or a whole platform's (every account on it). */
  v.object({ type: v.literal('data-delete'), channelKey: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(400))), platform: v.optional(Id) }),
  v.object({ type: v.literal('data-delete-all') }),
  /** This browser profile's source id, created the first time it is asked for. */
  v.object({ type: v.literal('source-id') }),
  v.object({ type: v.literal('kept-aside-discard'), key: v.pipe(v.string(), v.startsWith(QUARANTINE_PREFIX), v.maxLength(600)) }),
  /** Retention once more, after the user confirmed the days it refused to delete at once. */
  v.object({ type: v.literal('retention-run'), confirmed: v.boolean() }),
  /** Sync through the browser's storage.sync (opt-in): on or off. */
  v.object({ type: v.literal('sync-enable'), enabled: v.boolean() }),
  /** Publish this device's totals and pending settings now, instead of at the next 10-minute turn. */
  v.object({ type: v.literal('sync-now') }),
  /** Take a device that stopped syncing out of the merged view (never this device itself). */
  v.object({ type: v.literal('device-remove'), deviceId: v.pipe(v.string(), v.check(isValidSourceId)) }),
] as const;

const MessageSchema = v.variant('type', [
  ...ViewMessages,
  PageReport,
  ...PanelMessages,
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];

/**
 * Who may send each message: `page`, the content script in a tab's top frame on a tracked host;
 * `view`, one of our own extension pages (popup, report, options).
 */
export const SENDER_ROLES: Readonly<Record<MessageType, 'page' | 'view'>> = {
  status: 'view', live: 'view', 'write-now': 'view', 'settings-save': 'view', 'tracking-pause': 'view',
  'tracking-resume': 'view', 'specialization-activate': 'view', 'data-import': 'view', 'data-restore': 'view',
  'data-delete': 'view', 'data-delete-all': 'view', 'source-id': 'view', 'kept-aside-discard': 'view', 'retention-run': 'view',
  'sync-enable': 'view', 'sync-now': 'view', 'device-remove': 'view',
  'panel-unhide': 'view', 'custom-host-add': 'view',
  'page-report': 'page', 'panel-placement': 'page', 'panel-add-to-focus': 'page', 'panel-snooze': 'page', 'panel-open': 'page',
};

/** The answer to a command that changes stored data. `error` is for people (already translated where it can be). */
export type CommandReply = { ok: true } | { ok: false; error: string; importError?: ImportError };

export interface Replies {
  status: StatusReply;
  live: LiveReply;
  'write-now': WriteNowReply;
  'settings-save': CommandReply;
  'tracking-pause': CommandReply;
  'tracking-resume': CommandReply;
  'specialization-activate': CommandReply;
  'data-import': CommandReply;
  'data-restore': CommandReply & { settingsError?: string | null };
  'data-delete': CommandReply;
  'data-delete-all': CommandReply;
  'source-id': { sourceId: string };
  'kept-aside-discard': CommandReply;
  'retention-run': CommandReply;
  'sync-enable': CommandReply;
  'sync-now': CommandReply;
  'device-remove': CommandReply;
  'page-report': PanelView | null;
  'panel-placement': { ok: boolean };
  'panel-add-to-focus': { ok: boolean };
  'panel-snooze': { ok: boolean };
  'panel-open': { ok: boolean };
  'panel-unhide': { ok: boolean };
  'custom-host-add': CommandReply;
}
export type PageReportMessage = v.InferOutput<typeof PageReport>;
export type PanelActionMessage = Extract<Message, { type: `panel-${string}` }>;

/** Background -> content script in one tab: the keyboard shortcut (manifest `commands`) was pressed. */
export interface PanelToggleMessage {
  type: 'panel-toggle';
}

export const PANEL_TOGGLE_COMMAND = 'toggle-panel';

export function parseMessage(raw: unknown): Message | null {
  const result = v.safeParse(MessageSchema, raw);
  return result.success ? result.output : null;
}

interface StatusReply {
  product: 'channel-focus';
  version: string;
}

/** Where the panel sits on one platform, and the settings key it is remembered under. */
export interface PanelPlacementView {
  /** `settings.panel.perPlatform` key: the platform id, or `custom:<host>`. */
  key: string;
  /** Shared by all platforms. */
  edge: 'left' | 'right';
  collapsed: boolean;
  hidden: boolean;
  /** 0 = at the top of the window, 1 = at the bottom. */
  top: number;
}

/** What the side panel shows; the background's answer to every page report. */
export interface PanelView {
  channel: Channel | null;
  /** The channel as people read it (`LinkedIn · company/acme`); made here so the page bundle needs no catalog. */
  label: string | null;
  /** The platform's display name (`LinkedIn`), or the host of a custom channel. */
  platformName: string | null;
  /** The account as the platform writes it (`@acme` on X), or null for account-less pages. */
  account: string | null;
  /** The client this channel's time counts for (its name and colour), or null. */
  client: { name: string; color: string } | null;
  /** Counting this tab's channel right now. */
  counting: boolean;
  reason: NotCountingReason | null;
  /** Time on this channel today, including what is not yet written. */
  todayMs: number;
  afterHoursMs: number;
  focus: FocusStatus | null;
  /** Today's time in focus / all tracked time; null without tracked time. */
  focusShare: number | null;
  budget: BudgetStatus | null;
  idleThresholdMs: number;
  /** Outside the active specialization and not snoozed: the strong style and the quick actions. */
  flagged: boolean;
  /** When the snooze of this channel's flag ends, while one runs. */
  snoozedUntil: number | null;
  /** When the user's pause of all tracking ends, while one runs. */
  pausedUntil: number | null;
  /** The active specialization's name, for the quick action's wording. */
  specializationName: string | null;
  /** Null without a channel: the panel is not shown then. */
  placement: PanelPlacementView | null;
  /** The background's clock when this view was made, for the live counter. */
  asOf: number;
  /** The panel's host element name in this profile (utils/panel-host-name.ts): neutral, so a page cannot look for us by name. */
  hostName: string;
  /** The user's choice: a flagged channel asks why and for how long first. */
  pauseScreen: boolean;
}

/** Whether storage takes our writes: after failures the time waits in the background. */
export interface StorageHealth {
  /** Writes of counted time that failed in a row (0: all well). */
  failedWrites: number;
  /** The browser's words for the last failure, or null. */
  lastError: string | null;
}

/** The answer to `live`: what the views add to the stored days for live figures. */
export interface LiveReply {
  snapshot: LiveSnapshot;
  unwritten: TotalsByDate;
  idleThresholdMs: number;
  storage: StorageHealth;
}

/** The answer to `write-now`: false when the write failed (the time stays pending in the background). */
interface WriteNowReply {
  written: boolean;
}

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number; incognito?: boolean };
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** Chrome only: `active`, `prerender`, `cached` or `pending_deletion`. */
  documentLifecycle?: string;
}

/**
 * Whether `sender` may send a message of `role`. Only our own extension talks to us at all; a
 * view is one of our pages (its URL is under our origin, and it is no content script); a page
 * report comes from a tab's top frame, in an active document, on a host we track (`tracked`,
 * asked only then). A page that goes may still say so from the back/forward cache it goes into.
 */
export function senderMayAsk(
  sender: MessageSender, role: 'page' | 'view', ours: { id: string; origin: string }, tracked: (url: string) => boolean,
  options: { leaving?: boolean } = {},
): boolean {
  if (sender.id !== ours.id) return false;
  if (role === 'view') return sender.url !== undefined && sender.url.startsWith(ours.origin);
  if (sender.tab?.id === undefined || sender.tab.windowId === undefined) return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  if (!options.leaving && sender.documentLifecycle !== undefined && sender.documentLifecycle !== 'active') return false;
  return sender.url !== undefined && tracked(sender.url);
}
