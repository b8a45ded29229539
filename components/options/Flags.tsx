import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { LIMITS, setFlagLoudness, setNotifyAfterMinutes, type Settings } from '@/utils/settings';
import { Checkbox, NumberField, Section } from './fields';

/** The minutes outside a user gets when turning the notification on. */
const DEFAULT_NOTIFY_MINUTES = 10;

/**
 * A setting that shows notifications: turning it on asks the browser for the optional
 * `notifications` permission first and calls `on` only once it is granted. `turn` must be called
 * straight from the change handler: the request needs the user's gesture. `denied`: the browser
 * said no, so the setting stays off and the page says why (`alerts.permissionDenied`).
 */
export function useNotificationSwitch(on: () => void, off: () => void): { denied: boolean; turn(checked: boolean): void } {
  const [denied, setDenied] = useState(false);
  const turn = (checked: boolean) => {
    setDenied(false);
    if (!checked) {
      off();
      return;
    }
    browser.permissions.request({ permissions: ['notifications'] }).then(
      (granted) => (granted ? on() : setDenied(true)),
      () => setDenied(true),
    );
  };
  return { denied, turn };
}

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
  const { denied, turn: turnNotify } = useNotificationSwitch(() => notify(DEFAULT_NOTIFY_MINUTES), () => notify(null));
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
