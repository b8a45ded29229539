import { expect } from 'vitest';
import { render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsPage } from '@/components/options/OptionsPage';
import { defaultSettings, type Settings } from '@/utils/settings';
import { SETTINGS_KEY, decodeSettings } from '@/utils/storage';
import type { BackgroundParts } from '@/entrypoints/background/parts';
import { startBackground } from './background-harness';
import { installLocale } from './dashboard-locale';

/** Settings of a user who has been through the setup. */
export function setUpSettings(change: (settings: Settings) => Settings = (s) => s): Settings {
  return change({ ...defaultSettings(), setup: { completed: true, skipped: false } });
}

/**
 * A fresh fake browser with the real English strings and `items` in storage.local, and the real
 * background behind it: the options page's commands are carried out as in the extension.
 */
export async function freshBrowser(items: Record<string, unknown> = {}): Promise<BackgroundParts> {
  fakeBrowser.reset();
  await installLocale('en');
  if (Object.keys(items).length > 0) await fakeBrowser.storage.local.set(items);
  const background = startBackground();
  await background.settings.ready;
  return background;
}

/** Renders the whole options page and waits until it has read storage. */
export async function renderOptions() {
  const view = render(<OptionsPage />);
  await waitFor(() => expect(screen.queryByText('Loading your settings…')).toBeNull());
  return view;
}

export async function storedSettings(): Promise<Settings> {
  const raw = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const outcome = decodeSettings(raw);
  if (outcome.status !== 'ok') throw new Error(`stored settings: ${outcome.status}`);
  return outcome.value;
}

export async function storedAll(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

/** The element an input's aria-describedby points to that holds an error, or null. */
export function errorOf(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  for (const id of ids) {
    const element = document.getElementById(id);
    if (element?.classList.contains('cf-field-error')) return element.textContent?.replace('⚠', '').trim() ?? '';
  }
  return null;
}
