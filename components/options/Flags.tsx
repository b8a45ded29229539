import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { LIMITS, setFlagLoudness, setNotifyAfterMinutes, type Settings } from '@/utils/settings';
import { Checkbox, NumberField, Section } from './fields';

/** The minutes outside a user gets when turning the notification on. */
const DEFAULT_NOTIFY_MINUTES = 10;

/** How loud a flag is: the panel always, then badge, notification and pause screen as the user adds them. */
export function Flags(props: { settings: Settings; save(next: Settings): void }) {
  const { settings, save } = props;
  const flags = settings.flags;
  const notify = (minutes: number | null) => {
    const result = setNotifyAfterMinutes(settings, minutes);
    if (!result.ok) return result.code;
    save(result.settings);
    return null;
  };
  /** The browser said no to notifications: the setting stays off, and the page says why. */
  const [denied, setDenied] = useState(false);
  // Called straight from the change: the permission request needs the user's gesture.
  const turnNotify = (on: boolean) => {
    setDenied(false);
    if (!on) {
      notify(null);
      return;
    }
    browser.permissions.request({ permissions: ['notifications'] }).then(
      (granted) => (granted ? notify(DEFAULT_NOTIFY_MINUTES) : setDenied(true)),
      () => setDenied(true),
    );
  };
  return (
    <Section id="flags" title={i18n.t('options.flags.title')} intro={i18n.t('options.flags.intro')}>
      <Checkbox label={i18n.t('options.flags.panel')} hint={i18n.t('options.flags.panelHint')} checked disabled onChange={() => {}} />
      <Checkbox
        label={i18n.t('options.flags.badge')}
        hint={i18n.t('options.flags.badgeHint')}
        checked={flags.badge}
        onChange={(badge) => save(setFlagLoudness(settings, { badge }))}
      />
      <Checkbox
        label={i18n.t('options.flags.notify')}
        hint={i18n.t('options.flags.notifyHint')}
        checked={flags.notifyAfterMinutes !== null}
        onChange={turnNotify}
      />
      <p class="cf-status-slot" role="status">{denied && i18n.t('alerts.permissionDenied')}</p>
      {flags.notifyAfterMinutes !== null && (
        <NumberField
          class="cf-indent"
          label={i18n.t('options.flags.notifyAfter')}
          value={flags.notifyAfterMinutes}
          min={LIMITS.notifyAfterMinutes.min}
          max={LIMITS.notifyAfterMinutes.max}
          invalidCode="notify-invalid"
          onCommit={(minutes) => notify(minutes ?? Number.NaN)}
        />
      )}
      <Checkbox
        label={i18n.t('options.flags.pauseScreen')}
        hint={i18n.t('options.flags.pauseScreenHint')}
        checked={flags.pauseScreen}
        onChange={(pauseScreen) => save(setFlagLoudness(settings, { pauseScreen }))}
      />
    </Section>
  );
}
