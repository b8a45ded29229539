import * as v from 'valibot';

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
  /** What the page could read about the account when the URL cannot name it. */
  pageAccount: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
});

const MessageSchema = v.variant('type', [
  v.object({ type: v.literal('status') }),
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

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

/** Only our own extension's pages and content scripts may talk to the background. */
export function isOwnSender(sender: MessageSender, extensionId: string): boolean {
  return sender.id === extensionId;
}
