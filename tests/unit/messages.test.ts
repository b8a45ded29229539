import { describe, expect, it } from 'vitest';
import { SENDER_ROLES, parseMessage, senderMayAsk, type MessageSender } from '@/utils/messages';

const ours = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const tracked = (url: string) => new URL(url).hostname.endsWith('linkedin.com');
const page = (over: Partial<MessageSender> = {}): MessageSender => ({
  id: 'our-id', url: 'https://www.linkedin.com/feed/', tab: { id: 3, windowId: 1 }, frameId: 0, ...over,
});
const view = (over: Partial<MessageSender> = {}): MessageSender => ({ id: 'our-id', url: 'chrome-extension://our-id/options.html', ...over });

describe('sender roles', () => {
  it('takes view commands only from our own pages', () => {
    expect(senderMayAsk(view(), 'view', ours, tracked)).toBe(true);
    expect(senderMayAsk(view({ tab: { id: 9, windowId: 1 } }), 'view', ours, tracked)).toBe(true); // options page in a tab
    expect(senderMayAsk(page(), 'view', ours, tracked)).toBe(false); // our content script on a platform page
    expect(senderMayAsk(view({ id: 'other-extension' }), 'view', ours, tracked)).toBe(false);
    expect(senderMayAsk(view({ url: undefined }), 'view', ours, tracked)).toBe(false);
  });

  it('takes page reports only from a tab’s top frame on a tracked host, in an active document', () => {
    expect(senderMayAsk(page(), 'page', ours, tracked)).toBe(true);
    expect(senderMayAsk(page({ documentLifecycle: 'active' }), 'page', ours, tracked)).toBe(true);
    expect(senderMayAsk(page({ frameId: 7 }), 'page', ours, tracked)).toBe(false);
    expect(senderMayAsk(page({ documentLifecycle: 'prerender' }), 'page', ours, tracked)).toBe(false);
    expect(senderMayAsk(page({ documentLifecycle: 'cached' }), 'page', ours, tracked)).toBe(false);
    expect(senderMayAsk(page({ url: 'https://news.example.org/' }), 'page', ours, tracked)).toBe(false);
    expect(senderMayAsk(page({ tab: undefined }), 'page', ours, tracked)).toBe(false);
    expect(senderMayAsk(view(), 'page', ours, tracked)).toBe(false);
    expect(senderMayAsk(page({ id: 'other-extension' }), 'page', ours, tracked)).toBe(false);
  });

  it('lets a page going into the back/forward cache still say that it goes', () => {
    expect(senderMayAsk(page({ documentLifecycle: 'cached' }), 'page', ours, tracked, { leaving: true })).toBe(true);
    expect(senderMayAsk(page({ documentLifecycle: 'cached', frameId: 2 }), 'page', ours, tracked, { leaving: true })).toBe(false);
  });

  it('names a role for every message, and page messages only for what a page does', () => {
    const pageTypes = Object.entries(SENDER_ROLES).filter(([, role]) => role === 'page').map(([type]) => type).sort();
    expect(pageTypes).toEqual(['page-report', 'panel-add-to-focus', 'panel-open', 'panel-placement', 'panel-snooze']);
  });
});

describe('message validation', () => {
  it('refuses what is not a message of the protocol', () => {
    expect(parseMessage({ type: 'data-delete-all', extra: 1 })).toEqual({ type: 'data-delete-all' });
    expect(parseMessage({ type: 'kept-aside-discard', key: 'settings' })).toBeNull();
    expect(parseMessage({ type: 'tracking-pause', until: Number.POSITIVE_INFINITY })).toBeNull();
    expect(parseMessage({ type: 'unknown' })).toBeNull();
    expect(parseMessage('write-now')).toBeNull();
    expect(parseMessage({ type: 'data-import', text: 5, takeSettings: false })).toBeNull();
  });
});

describe('sync commands', () => {
  it('takes them from our own pages only', () => {
    expect([SENDER_ROLES['sync-enable'], SENDER_ROLES['sync-now'], SENDER_ROLES['device-remove']]).toEqual(['view', 'view', 'view']);
    expect(senderMayAsk(page(), SENDER_ROLES['device-remove'], ours, tracked)).toBe(false);
  });

  it('validates what they carry', () => {
    expect(parseMessage({ type: 'sync-enable', enabled: true })).toEqual({ type: 'sync-enable', enabled: true });
    expect(parseMessage({ type: 'sync-enable', enabled: 'yes' })).toBeNull();
    expect(parseMessage({ type: 'sync-enable' })).toBeNull();
    expect(parseMessage({ type: 'sync-now', extra: 1 })).toEqual({ type: 'sync-now' });
    expect(parseMessage({ type: 'device-remove', deviceId: 'device-a' })).toEqual({ type: 'device-remove', deviceId: 'device-a' });
    // Device ids are source ids: no key separators, no prototype names, not empty, not too long.
    expect(parseMessage({ type: 'device-remove', deviceId: 'a:0' })).toBeNull();
    expect(parseMessage({ type: 'device-remove', deviceId: '__proto__' })).toBeNull();
    expect(parseMessage({ type: 'device-remove', deviceId: '' })).toBeNull();
    expect(parseMessage({ type: 'device-remove', deviceId: 'x'.repeat(65) })).toBeNull();
    expect(parseMessage({ type: 'device-remove' })).toBeNull();
  });
});
