import * as v from 'valibot';
import type { Channel } from './channels';
import type { BudgetStatus, FocusStatus } from './focus';
import type { LiveSnapshot, NotCountingReason } from './tracking/tracker';
import type { TotalsByDate } from './tracking/totals';

/**
 * The typed protocol between content scripts, views and the background. Every message is
 * validated on arrival: anything else (an old content script after an update, a page that found a
 * way to post to us) gets `null` and is ignored.
 */
const PageReport = v.object({
  type: v.literal('page-report'),
  url: v.pipe(v.string(), v.maxLength(4096)),
  visible: v.boolean(),
  /** Exact time of the last input event the page saw, ms since epoch. */
  lastInputAt: v.nullable(v.number()),
  mediaPlaying: v.boolean(),
  /** `document.hasFocus()`: only a focused window's active tab can have it. */
  focused: v.optional(v.boolean()),
  /** What the page could read about the account when the URL cannot name it. */
  pageAccount: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
});

const MessageSchema = v.variant('type', [
  v.object({ type: v.literal('status') }),
  v.object({ type: v.literal('live') }),
  PageReport,
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type PageReportMessage = v.InferOutput<typeof PageReport>;

export function parseMessage(raw: unknown): Message | null {
  const result = v.safeParse(MessageSchema, raw);
  return result.success ? result.output : null;
}

export interface StatusReply {
  product: 'channel-focus';
  version: string;
}

/** What the side panel shows; the background's answer to every page report. */
export interface PanelView {
  channel: Channel | null;
  /** The channel as people read it (`LinkedIn · company/acme`); made here so the page bundle needs no catalog. */
  label: string | null;
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
  /** The background's clock when this view was made, for the live counter. */
  asOf: number;
}

/** The answer to `live`: what the views add to the stored days for live figures. */
export interface LiveReply {
  snapshot: LiveSnapshot;
  unwritten: TotalsByDate;
  idleThresholdMs: number;
}

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

/** Only our own extension's pages and content scripts may talk to the background. */
export function isOwnSender(sender: MessageSender, extensionId: string): boolean {
  return sender.id === extensionId;
}
