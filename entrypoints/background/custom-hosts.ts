/**
 * The options page's part of the background: opens the options page (guided setup) on install,
 * and keeps the side panel's content script registered on the custom hosts the user added and
 * allowed, so a new custom channel is tracked from its next page on, without a reinstall.
 */
import { browser } from 'wxt/browser';
import { hostMatchPattern, isValidHost, type UserHost } from '@/utils/channels';
import { SETTINGS_KEY, decodeSettings } from '@/utils/storage';

/** The id of the one dynamic registration that covers every allowed custom host. */
export const CUSTOM_PANEL_SCRIPT_ID = 'panel-custom';
/** The built panel content script (entrypoints/panel.content), the same file the manifest lists. */
export const PANEL_SCRIPT_FILE = 'content-scripts/panel.js';

/** The match patterns of the custom hosts, each once, in the order the user added them. */
export function customHostPatterns(hosts: readonly UserHost[]): string[] {
  const patterns = hosts
    .map((entry) => isValidHost(entry.host))
    .filter((host): host is string => host !== null)
    .map(hostMatchPattern);
  return [...new Set(patterns)];
}

function samePatterns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((pattern, index) => pattern === [...b].sort()[index]);
}

/** The patterns of the custom hosts whose access the user allowed, in the order of `customHostPatterns`. */
export async function allowedCustomHostPatterns(
  hosts: readonly UserHost[], permissions: Pick<typeof browser.permissions, 'contains'> = browser.permissions,
): Promise<string[]> {
  const allowed: string[] = [];
  for (const pattern of customHostPatterns(hosts)) {
    // Registering a pattern without its permission fails the whole call: check each one.
    if (await permissions.contains({ origins: [pattern] }).catch(() => false)) allowed.push(pattern);
  }
  return allowed;
}

export interface ScriptRegistry {
  scripting: Pick<typeof browser.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'>;
  permissions: Pick<typeof browser.permissions, 'contains'>;
}

/**
 * Registers the panel script on exactly the custom hosts whose access the user allowed, and
 * leaves the registration alone when it is right already. Returns the patterns now registered.
 */
export async function syncCustomHostScripts(
  hosts: readonly UserHost[], registry: ScriptRegistry = { scripting: browser.scripting, permissions: browser.permissions },
): Promise<string[]> {
  const allowed = await allowedCustomHostPatterns(hosts, registry.permissions);
  const existing = await registry.scripting.getRegisteredContentScripts({ ids: [CUSTOM_PANEL_SCRIPT_ID] });
  const registered = existing[0]?.matches ?? [];
  if (existing.length > 0 && samePatterns(registered, allowed)) return allowed;
  if (existing.length > 0) await registry.scripting.unregisterContentScripts({ ids: [CUSTOM_PANEL_SCRIPT_ID] });
  if (allowed.length > 0) {
    await registry.scripting.registerContentScripts([{
      id: CUSTOM_PANEL_SCRIPT_ID, matches: allowed, js: [PANEL_SCRIPT_FILE], runAt: 'document_idle',
    }]);
  }
  return allowed;
}

function hostsOf(raw: unknown): UserHost[] {
  return decodeSettings(raw).value.customHosts;
}

/**
 * Wires the options page's lifecycle into the background. Call once, synchronously, when the
 * background starts (listeners registered later would miss the event that woke the worker).
 */
export function registerOptionsLifecycle(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A fresh install opens on the guided setup; updates never interrupt the user.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });

  // Without the `scripting` permission there is nothing to register (and nothing was registered).
  if (!browser.scripting) {
    console.warn('Channel Focus: no scripting API; custom hosts are detected but get no side panel.');
    return;
  }
  let queue: Promise<unknown> = Promise.resolve();
  // One sync at a time: overlapping unregister/register calls would collide on the id.
  const sync = () => {
    queue = queue
      .then(() => browser.storage.local.get(SETTINGS_KEY))
      .then((items) => syncCustomHostScripts(hostsOf(items[SETTINGS_KEY])))
      .catch((error: unknown) => console.error('Channel Focus: custom hosts not registered:', error));
    return queue;
  };

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const change = changes[SETTINGS_KEY];
    const before = customHostPatterns(hostsOf(change?.oldValue));
    const after = customHostPatterns(hostsOf(change?.newValue));
    if (!samePatterns(before, after)) void sync();
  });
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  void sync();
}
