// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS_KEY } from '@/utils/storage';
import { freshBrowser, renderOptions, setUpSettings, storedSettings } from './options-helpers';

/** The browser's answer to the notifications permission prompt. */
async function start(answer: boolean) {
  await freshBrowser({ [SETTINGS_KEY]: setUpSettings() });
  const request = vi.fn(async (_: { permissions?: string[] }) => answer);
  Object.assign(fakeBrowser.permissions, { request });
  await renderOptions();
  const flags = within(screen.getByRole('region', { name: 'Flags' }));
  return { request, flags, box: flags.getByRole('checkbox', { name: 'A notification as well' }) as HTMLInputElement };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('flags: the notification asks for its permission', () => {
  it('asks for "notifications" when turned on, and saves the setting once allowed', async () => {
    const { request, box, flags } = await start(true);
    fireEvent.click(box);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await waitFor(async () => expect((await storedSettings()).flags.notifyAfterMinutes).toBe(10));
    expect(box.checked).toBe(true);
    expect(flags.queryByText(/Notifications were not allowed/)).toBeNull();
  });

  it('keeps the setting off and says so when the browser refuses', async () => {
    const { request, box, flags } = await start(false);
    fireEvent.click(box);
    expect(request).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(flags.getByRole('status').textContent)
      .toBe('Notifications were not allowed, so this stays off. Allow notifications for Channel Focus in your browser to turn it on.'));
    expect(box.checked).toBe(false);
    expect((await storedSettings()).flags.notifyAfterMinutes).toBeNull();
    expect(flags.queryByLabelText('Notify after (minutes outside)')).toBeNull();
  });
});
