// @vitest-environment happy-dom
import { within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '@/entrypoints/panel.content/script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPanel } from '@/entrypoints/panel.content/start-panel';
import type { PanelView } from '@/utils/messages';
import { setPanelPlacement, type Settings } from '@/utils/settings';
import { installLocale } from './dashboard-locale';
import { HOST_NAME, X_ACME, focusSettings, viewFor } from './panel-fixtures';

/**
 * The content script as a whole, against the fake browser: a stand-in background answers page
 * reports with views made by the real buildPanelView from `settings`.
 */
let settings: Settings;
let received: { type: string; [key: string]: unknown }[];
let root: ShadowRoot | null;
let ctx: ContentScriptContext;
/** While set, the stand-in background holds its answers to page reports until it resolves. */
let slowBackground: Promise<void> | null;

const host = () => document.querySelector(HOST_NAME);
/** Testing Library's queries inside the panel's closed shadow root (the test keeps it when it is attached). */
const shadow = () => {
  if (!root) throw new Error('no panel root');
  return within(root as unknown as HTMLElement);
};
const status = () => shadow().getByRole('status').textContent;
/** The collapsed panel: a tab that names the status and opens the panel. */
const tab = () => shadow().getByRole('button', { name: 'Channel Focus: Outside your specialization. Show the panel' });
const collapseButton = () => shadow().getByRole<HTMLButtonElement>('button', { name: 'Collapse the panel' });
/** The background's news that the settings changed, as it sends it to each tab with a panel. */
const settingsChanged = async () => {
  await fakeBrowser.runtime.onMessage.trigger({ type: 'settings-changed' }, {});
  await flush();
  await flush();
};
const reports = () => received.filter((message) => message.type === 'page-report').length;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Preact runs effects (focus moves among them) after the next frame. */
const afterPaint = () => new Promise((resolve) => setTimeout(resolve, 50));

async function start(): Promise<void> {
  ctx = new ContentScriptContext('panel-test');
  startPanel(ctx);
  await vi.waitFor(() => expect(reports()).toBeGreaterThan(0));
  await flush();
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installLocale('en');
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  settings = focusSettings();
  received = [];
  root = null;
  slowBackground = null;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
    const message = raw as { type: string };
    if (message.type === 'panel-toggle') return undefined;
    received.push(message);
    if (message.type === 'page-report') {
      return (slowBackground ?? Promise.resolve()).then(() => viewFor({ channel: X_ACME, settings }) satisfies PanelView);
    }
    return Promise.resolve({ ok: true });
  });
});

afterEach(() => {
  ctx?.notifyInvalidated();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('panel content script', () => {
  it('mounts in a closed shadow root under <html>, with the view', async () => {
    await start();
    const element = host();
    expect(element?.parentElement).toBe(document.documentElement);
    expect((element as Element & { shadowRoot: ShadowRoot | null }).shadowRoot).toBeNull();
    expect(root?.mode).toBe('closed');
    expect(status()).toBe('Outside your specialization');
    expect(shadow().getByText('@acme').previousElementSibling?.textContent).toBe('X');
    expect(root?.querySelector('style')).not.toBeNull();
  });

  it('adds nothing to the page before the first view, and the panel when the background answers', async () => {
    let answer = () => {};
    slowBackground = new Promise((resolve) => { answer = resolve; });
    ctx = new ContentScriptContext('panel-test');
    startPanel(ctx);
    await flush();
    expect(document.documentElement.children.length).toBe(2); // <head> and <body>: nothing of ours
    expect(root).toBeNull();
    answer();
    await vi.waitFor(() => expect(status()).toBe('Outside your specialization'));
    expect(host()?.parentElement).toBe(document.documentElement);
  });

  it('asks again when its first report finds no background (a worker still starting), and shows the panel', async () => {
    let refused = 0;
    const answer = fakeBrowser.runtime.onMessage.trigger.bind(fakeBrowser.runtime.onMessage);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      if ((message as { type: string }).type === 'page-report' && refused < 2) {
        refused += 1;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return (await answer(message, {}))[0];
    });
    ctx = new ContentScriptContext('panel-test');
    startPanel(ctx);
    await vi.waitFor(() => expect(status()).toBe('Outside your specialization'), { timeout: 3000 });
    expect(refused).toBe(2);
  });

  it('runs once per page: a second copy injected while the first runs stays quiet', async () => {
    await start();
    const first = reports();
    const second = new ContentScriptContext('panel-test');
    try {
      startPanel(second);
      await flush();
      expect(reports()).toBe(first);
      expect(document.documentElement.querySelectorAll(HOST_NAME)).toHaveLength(1);
    } finally {
      second.notifyInvalidated();
    }
  });

  it('never shows a host element where the user hid the panel', async () => {
    settings = setPanelPlacement(focusSettings(), 'x', { hidden: true });
    await start();
    await flush();
    expect(document.documentElement.children.length).toBe(2);
  });

  it('names its host element as the background says, not after the product', async () => {
    await start();
    expect(host()?.localName).toBe(HOST_NAME);
    expect(document.documentElement.outerHTML).not.toMatch(/channel|focus/i);
  });

  it('comes back at once when the page removes it, moves it or makes it inert', async () => {
    await start();
    const element = host() as HTMLElement;
    element.remove();
    await flush();
    expect(host()?.parentElement).toBe(document.documentElement);
    document.body.append(element);
    await flush();
    expect(host()?.parentElement).toBe(document.documentElement);
    element.setAttribute('inert', '');
    element.setAttribute('style', 'display:none !important');
    element.hidden = true;
    await flush();
    expect(element.getAttributeNames()).toEqual([]);
    expect(status()).toBe('Outside your specialization');
  });

  it('is back within a second even from a page that removes it in a loop', async () => {
    await start();
    let removals = 0;
    const fighter = new MutationObserver(() => {
      const element = host();
      if (element && removals < 50) { removals += 1; element.remove(); }
    });
    fighter.observe(document.documentElement, { childList: true });
    host()!.remove();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    fighter.disconnect();
    await vi.waitFor(() => expect(host()?.parentElement).toBe(document.documentElement), { timeout: 1000 });
    // Put back a few times at once, then at a calm pace: the page's loop cannot hang the tab.
    expect(removals).toBeLessThan(50);
  });

  it('removes an element of its name left by an older copy of the script', async () => {
    const leftover = document.createElement(HOST_NAME);
    document.documentElement.append(leftover);
    await start();
    expect(leftover.isConnected).toBe(false);
    expect(document.documentElement.querySelectorAll(HOST_NAME).length).toBe(1);
  });

  it('gives way when the extension is updated: the next change around it finds itself cut off', async () => {
    await start();
    const runtime = fakeBrowser.runtime as { id?: string };
    const id = runtime.id;
    try {
      runtime.id = undefined;
      document.documentElement.append(document.createElement('div')); // the new copy's panel, say
      await flush();
      expect(host()).toBeNull();
      expect(ctx.isInvalid).toBe(true);
    } finally {
      runtime.id = id;
    }
  });

  it('ignores the page’s forged "newer script started" event and posts nothing to the page', async () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    await start();
    // Starting, the script told the page nothing.
    expect(dispatched).not.toHaveBeenCalled();
    const name = `${fakeBrowser.runtime.id}:panel:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'panel', messageId: 'page' } }));
    document.dispatchEvent(new CustomEvent(name.replace(':panel:', ':panel-test:'), { detail: { contentScriptName: 'panel-test', messageId: 'page' } }));
    await flush();
    expect(ctx.isValid).toBe(true);
    expect(host()?.parentElement).toBe(document.documentElement);
    expect(posted).not.toHaveBeenCalled();
  });

  it('stays out of the page on a platform where the user hid it, and comes back when unhidden', async () => {
    settings = setPanelPlacement(focusSettings(), 'x', { hidden: true });
    await start();
    expect(host()).toBeNull();
    const before = reports();
    settings = setPanelPlacement(settings, 'x', { hidden: false });
    await settingsChanged();
    expect(host()).not.toBeNull();
    // The news of changed settings asks for a fresh view: placement and focus status come with it.
    expect(reports()).toBe(before + 1);
  });

  it('never listens to extension storage: nothing stored reaches the page’s process unasked', async () => {
    const listens = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    await start();
    expect(listens).not.toHaveBeenCalled();
  });

  it('keeps a placement the user just chose over a view that was answered before it was stored', async () => {
    let answer = () => {};
    await start();
    // A report leaves (input), and the background is slow to answer it with the old placement.
    slowBackground = new Promise((resolve) => { answer = resolve; });
    const focus = new Event('focus');
    Object.defineProperty(focus, 'isTrusted', { value: true });
    window.dispatchEvent(focus);
    collapseButton().click();
    answer();
    await flush();
    await flush();
    expect(tab().getAttribute('aria-expanded')).toBe('false');
  });

  it('collapses at once and asks the background to remember it', async () => {
    await start();
    collapseButton().click();
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    expect(received).toContainEqual({ type: 'panel-placement', channel: X_ACME, collapsed: true });
  });

  it('follows a placement changed in another tab as soon as the background says the settings changed', async () => {
    await start();
    settings = setPanelPlacement(settings, 'x', { collapsed: true, top: 0.9 });
    await settingsChanged();
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    // The dock, the named panel's role-less wrapper, carries the position.
    const dock = shadow().getByRole('complementary', { name: 'Channel Focus side panel' }).parentElement!;
    expect(dock.style.getPropertyValue('--top').trim()).toBe('0.9');
  });

  it('sends the quick action with the channel shown, then asks for a fresh view', async () => {
    await start();
    const before = reports();
    shadow().getByRole<HTMLButtonElement>('button', { name: 'Add @acme to “B2B DACH”' }).click();
    await flush();
    expect(received).toContainEqual({ type: 'panel-add-to-focus', channel: X_ACME });
    expect(reports()).toBe(before + 1);
  });

  it("answers the background's request for a report once the report has gone out, through sendResponse", async () => {
    await start();
    const before = reports();
    const sendResponse = vi.fn();
    // Chrome before 144 ignores a listener's promise: the listener must say it answers later (true).
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    const returned = await trigger({ type: 'report-now' }, {}, sendResponse);
    expect(returned).toContain(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(true), { timeout: 5000 });
    expect(reports()).toBe(before + 1);
  });

  it('toggles with the keyboard shortcut: hidden or collapsed opens and takes focus, open collapses', async () => {
    settings = setPanelPlacement(focusSettings(), 'x', { hidden: true });
    await start();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'panel-toggle' }, {});
    expect(host()).not.toBeNull();
    await afterPaint();
    expect(root!.activeElement?.getAttribute('aria-label')).toBe('Collapse the panel');
    expect(received).toContainEqual({ type: 'panel-placement', channel: X_ACME, hidden: false, collapsed: false });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'panel-toggle' }, {});
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    await afterPaint();
    // Focus goes back where the user was typing.
    expect(document.activeElement).toBe(input);
  });

  it('cleans up when the extension is updated or disabled', async () => {
    await start();
    ctx.notifyInvalidated();
    expect(host()).toBeNull();
    const before = reports();
    settings = setPanelPlacement(settings, 'x', { collapsed: true });
    await settingsChanged();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'panel-toggle' }, {});
    expect(host()).toBeNull();
    expect(reports()).toBe(before);
  });
});
