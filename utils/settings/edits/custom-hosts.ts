import { channelKey, type UserHost } from '@/utils/channels';
import type { Settings } from '../model';
import { validateCustomHost } from '../validate';
import { setFocusAccounts } from './focus-channels';
import { fail, type EditResult } from './result';

export function addCustomHost(
  settings: Settings, input: string, platform: UserHost['platform'],
): EditResult<{ host: string }> {
  const check = validateCustomHost(input, settings);
  if (!check.ok) return fail('host', check.code);
  return {
    ok: true,
    host: check.host,
    settings: { ...settings, customHosts: [...settings.customHosts, { host: check.host, platform }] },
  };
}

/** Removes a custom host, and with it every focus entry, budget, snooze and panel state for it. */
export function removeCustomHost(settings: Settings, host: string): Settings {
  const key = channelKey({ platform: 'custom', account: host });
  const without = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
  let next: Settings = {
    ...settings,
    customHosts: settings.customHosts.filter((entry) => entry.host !== host),
    flags: { ...settings.flags, snoozedUntil: without(settings.flags.snoozedUntil) },
    panel: { ...settings.panel, perPlatform: without(settings.panel.perPlatform) },
  };
  for (const spec of settings.specializations) {
    const custom = spec.channels.find((entry) => entry.platform === 'custom');
    if (custom?.accounts?.includes(host)) {
      next = setFocusAccounts(next, spec.id, 'custom', custom.accounts.filter((listed) => listed !== host));
    }
  }
  return next;
}
