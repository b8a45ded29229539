import { browser } from 'wxt/browser';
import { isOwnSender, parseMessage, type Message, type StatusReply } from '@/utils/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (!isOwnSender(sender, browser.runtime.id)) return undefined;
    const message = parseMessage(raw);
    if (!message) return undefined;
    return answer(message);
  });
});

async function answer(message: Message): Promise<unknown> {
  switch (message.type) {
    case 'status':
      return { product: 'channel-focus', version: browser.runtime.getManifest().version } satisfies StatusReply;
    case 'page-report':
      return null;
  }
}
