import { browser } from '@/components/extension-api';
import type { Message, Replies } from '@/utils/messages';

/**
 * Sends one message of the protocol (utils/messages.ts) to the background and gives its reply
 * the type the protocol names: the one place where a reply is typed, so no caller casts.
 * Rejects when the background cannot answer (it is starting, or the extension was reloaded).
 */
export function send<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<Replies[M['type']]>;
}
