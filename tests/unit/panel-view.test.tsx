import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageTheme, parseRgb, relativeLuminance } from '@/components/panel/theme';
import { isPanelToggle, isReportRequest, isSettingsChanged } from '@/entrypoints/panel.content/tab-messages';
import { parseMessage, type PanelPlacementView } from '@/utils/messages';
import { placementKey } from '@/utils/panel-view';
import { pauseTracking, setPanelEdge, setPanelPlacement, setRecordAccounts, snoozeFlag } from '@/utils/settings';
import { ACME, MIN, T0, X_ACME, focusSettings, viewFor } from './panel-fixtures';

describe('panel view: what the background sends the panel', () => {
  it('names the platform and the account apart, the account as the platform writes it', () => {
    expect(viewFor({ channel: ACME })).toMatchObject({ platformName: 'LinkedIn', account: 'company/acme', label: 'LinkedIn · company/acme' });
    expect(viewFor({ channel: X_ACME })).toMatchObject({ platformName: 'X', account: '@acme' });
    expect(viewFor({ channel: { platform: 'xing', account: null } })).toMatchObject({ platformName: 'XING', account: null });
    expect(viewFor({ channel: { platform: 'custom', account: 'forum.example.org' } })).toMatchObject({ platformName: 'forum.example.org', account: null });
  });

  it('flags a channel outside the specialization until its flag is snoozed', () => {
    expect(viewFor({ channel: X_ACME })).toMatchObject({ flagged: true, snoozedUntil: null, specializationName: 'B2B DACH' });
    expect(viewFor({ channel: ACME }).flagged).toBe(false);
    const snoozed = viewFor({ channel: X_ACME, settings: snoozeFlag(focusSettings(), X_ACME, T0 + 15 * MIN) });
    expect(snoozed).toMatchObject({ flagged: false, snoozedUntil: T0 + 15 * MIN });
    // A snooze of the whole platform covers its accounts; the later end is the one that counts.
    const both = snoozeFlag(snoozeFlag(focusSettings(), X_ACME, T0 + 5 * MIN), { platform: 'x', account: null }, T0 + 20 * MIN);
    expect(viewFor({ channel: X_ACME, settings: both }).snoozedUntil).toBe(T0 + 20 * MIN);
    // An expired snooze is no snooze.
    expect(viewFor({ channel: X_ACME, settings: snoozeFlag(focusSettings(), X_ACME, T0 - 1) })).toMatchObject({ flagged: true, snoozedUntil: null });
  });

  it('is never flagged without an active specialization', () => {
    const view = viewFor({ channel: X_ACME, settings: { ...focusSettings(), activeSpecializationId: null } });
    expect(view).toMatchObject({ flagged: false, specializationName: null, focus: { status: 'no-specialization' } });
  });

  it('says until when tracking is paused, only while it is', () => {
    expect(viewFor({ settings: pauseTracking(focusSettings(), T0 + 10 * MIN) }).pausedUntil).toBe(T0 + 10 * MIN);
    expect(viewFor({ settings: pauseTracking(focusSettings(), T0 - 10 * MIN) }).pausedUntil).toBeNull();
  });

  it('carries the placement remembered for the platform, and the shared edge', () => {
    const settings = setPanelEdge(setPanelPlacement(focusSettings(), 'linkedin', { collapsed: true, top: 0.6 }), 'left');
    expect(viewFor({ channel: ACME, settings }).placement).toEqual({ key: 'linkedin', edge: 'left', collapsed: true, hidden: false, top: 0.6 });
    // Another platform keeps its own (default) placement.
    expect(viewFor({ channel: X_ACME, settings }).placement).toEqual({ key: 'x', edge: 'left', collapsed: false, hidden: false, top: 0.3 });
    expect(viewFor({ channel: null }).placement).toBeNull();
  });

  it('keys custom channels by host, built-in ones by platform', () => {
    expect(placementKey(ACME)).toBe('linkedin');
    expect(placementKey({ platform: 'custom', account: 'forum.example.org' })).toBe('custom:forum.example.org');
  });

  it('shows no account when accounts are not recorded', () => {
    // The background passes the recorded channel: without the account.
    const settings = setRecordAccounts(focusSettings(), false);
    expect(viewFor({ channel: { platform: 'linkedin', account: null }, settings })).toMatchObject({ account: null, platformName: 'LinkedIn' });
  });
});

describe('panel messages', () => {
  it('accepts the panel’s requests and refuses malformed ones', () => {
    expect(parseMessage({ type: 'panel-placement', channel: ACME, collapsed: true })).not.toBeNull();
    expect(parseMessage({ type: 'panel-placement', channel: ACME, top: 1.5 })).toBeNull();
    expect(parseMessage({ type: 'panel-placement', channel: { platform: 'myspace', account: null } })).toBeNull();
    expect(parseMessage({ type: 'panel-add-to-focus', channel: X_ACME })).not.toBeNull();
    expect(parseMessage({ type: 'panel-snooze', channel: X_ACME, minutes: 15 })).not.toBeNull();
    expect(parseMessage({ type: 'panel-snooze', channel: X_ACME, minutes: 0 })).toBeNull();
    expect(parseMessage({ type: 'panel-open', page: 'report' })).not.toBeNull();
    expect(parseMessage({ type: 'panel-open', page: 'https://example.org/' })).toBeNull();
    expect(parseMessage({ type: 'panel-unhide' })).not.toBeNull();
    expect(parseMessage({ type: 'panel-unhide', key: 'linkedin' })).not.toBeNull();
  });
});

describe('panel theme: follows the page, else the system', () => {
  it('reads computed colours', () => {
    expect(parseRgb('rgb(21, 32, 43)')).toEqual({ r: 21, g: 32, b: 43, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseRgb('transparent')).toBeNull();
    expect(relativeLuminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(relativeLuminance({ r: 0, g: 0, b: 0 })).toBe(0);
  });

  it('takes the first opaque background: what the user sees', () => {
    expect(pageTheme({ colorScheme: 'normal', backgrounds: ['rgb(21, 32, 43)', 'rgba(0, 0, 0, 0)'] })).toBe('dark');
    expect(pageTheme({ colorScheme: 'dark', backgrounds: ['rgb(243, 242, 239)', ''] })).toBe('light');
    expect(pageTheme({ colorScheme: 'normal', backgrounds: ['rgba(0, 0, 0, 0)', 'rgb(0, 0, 0)'] })).toBe('dark');
  });

  it('without a background, a one-sided colour scheme; else the system', () => {
    const none = ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'];
    expect(pageTheme({ colorScheme: 'dark', backgrounds: none })).toBe('dark');
    expect(pageTheme({ colorScheme: 'only light', backgrounds: none })).toBe('light');
    expect(pageTheme({ colorScheme: 'light dark', backgrounds: none })).toBe('system');
    expect(pageTheme({ colorScheme: 'normal', backgrounds: none })).toBe('system');
  });
});

describe('the background’s messages to a tab', () => {
  it('knows the shortcut’s message, the request for a report and the news of changed settings', () => {
    expect(isPanelToggle({ type: 'panel-toggle' })).toBe(true);
    expect(isPanelToggle({ type: 'page-report' })).toBe(false);
    expect(isPanelToggle('panel-toggle')).toBe(false);
    expect(isReportRequest({ type: 'report-now' })).toBe(true);
    expect(isSettingsChanged({ type: 'settings-changed' })).toBe(true);
    expect(isSettingsChanged({ type: 'settings' })).toBe(false);
    expect(isSettingsChanged(null)).toBe(false);
  });
});

describe('panel strings', () => {
  async function panelMessages(language: string): Promise<Map<string, ParsedMessage>> {
    const messages = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${language}.yml`));
    return new Map(messages.filter((message) => message.key[0] === 'panel').map((message) => [message.key.join('.'), message]));
  }

  // English and German parity is tests/unit/locales.test.ts's; the issue fixes these three texts.
  it('say the three statuses exactly as specified', async () => {
    const text = async (language: string, key: string) => {
      const message = (await panelMessages(language)).get(key);
      return message && 'message' in message ? message.message : undefined;
    };
    expect(await text('en', 'panel.status.inFocus')).toBe('In focus');
    expect(await text('en', 'panel.status.outside')).toBe('Outside your specialization');
    expect(await text('en', 'panel.status.notTracked')).toBe('Not tracked');
  });
});
