import { fakeBrowser } from 'wxt/testing';
import { messageHandler } from '@/entrypoints/background/messages';
import { createBackgroundParts, type BackgroundParts } from '@/entrypoints/background/parts';
import { registerSync } from '@/entrypoints/background/sync-service';
import type { MessageSender } from '@/utils/messages';

/** How the browser names a message from our options page. */
const viewSender = (): MessageSender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

/**
 * The real background (its parts and message handler) behind the fake browser: what a view sends
 * is answered as the extension would, and lands in the fake storage. Start it after the test's
 * storage is set up: the background reads its settings when it starts.
 */
export function startBackground(): BackgroundParts {
  const parts = createBackgroundParts();
  const handle = messageHandler(parts);
  registerSync(parts);
  // The fake browser passes no sender: the one it would pass for our own page.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => handle(message, viewSender()));
  return parts;
}
