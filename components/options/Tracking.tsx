import { useEffect, useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatTime, formatDate } from '@/utils/format';
import {
  LIMITS, pauseTracking, resumeTracking, setIdleThreshold, setCountPrivateWindows, setRecordAccounts, setRetentionDays, type Settings,
} from '@/utils/settings';
import { localDate, startOfNextLocalDate } from '@/utils/time-zone';
import { Checkbox, NumberField, Section } from './fields';
import { browserTimeZone } from './Specializations';

const MINUTE = 60_000;

/** The retention a user gets when turning "keep for a number of days" on: a year. */
const DEFAULT_RETENTION_DAYS = 365;

/** Re-renders when a pause runs out, so the page never shows a pause that has ended. */
function useNow(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null || until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(until - now + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until, now]);
  return now;
}

export function Tracking(props: { settings: Settings; save(next: Settings): void }) {
  const { settings, save } = props;
  const ids = useId();
  const pausedUntil = settings.tracking.pausedUntil;
  const now = useNow(pausedUntil);
  const paused = pausedUntil !== null && pausedUntil > now;
  const locale = i18n.t('langCode');
  const timeZone = browserTimeZone();

  const pause = (choice: number | 'tomorrow') => {
    const at = Date.now();
    save(pauseTracking(settings, choice === 'tomorrow' ? startOfNextLocalDate(at, timeZone) : at + choice * MINUTE));
  };
  const pausedText = () => {
    if (pausedUntil === null) return '';
    const time = formatTime(pausedUntil, locale, timeZone);
    return localDate(pausedUntil, timeZone) === localDate(now, timeZone)
      ? i18n.t('options.tracking.pausedUntil', [time])
      : i18n.t('options.tracking.pausedUntilDay', [formatDate(pausedUntil, locale, timeZone, 'medium'), time]);
  };

  const retention = settings.tracking.retentionDays;
  const commit = (result: ReturnType<typeof setIdleThreshold>) => {
    if (!result.ok) return result.code;
    save(result.settings);
    return null;
  };

  return (
    <Section id="tracking" title={i18n.t('options.tracking.title')} intro={i18n.t('options.tracking.intro')}>
      <div class="cf-group" role="group" aria-labelledby={`${ids}-pause`}>
        <h3 id={`${ids}-pause`}>{i18n.t('options.tracking.pauseTitle')}</h3>
        <p role="status">{paused ? pausedText() : i18n.t('options.tracking.running')}</p>
        <div class="cf-actions">
          <button type="button" onClick={() => pause(15)}>{i18n.t('options.tracking.pause15')}</button>
          <button type="button" onClick={() => pause(60)}>{i18n.t('options.tracking.pause60')}</button>
          <button type="button" onClick={() => pause('tomorrow')}>{i18n.t('options.tracking.pauseTomorrow')}</button>
          {paused && (
            <button type="button" class="cf-primary" onClick={() => save(resumeTracking(settings))}>
              {i18n.t('options.tracking.resume')}
            </button>
          )}
        </div>
      </div>

      <NumberField
        label={i18n.t('options.tracking.idle')}
        hint={i18n.t('options.tracking.idleHint', [String(LIMITS.idleThresholdSeconds.min), String(LIMITS.idleThresholdSeconds.max)])}
        value={settings.tracking.idleThresholdSeconds}
        min={LIMITS.idleThresholdSeconds.min}
        max={LIMITS.idleThresholdSeconds.max}
        invalidCode="idle-invalid"
        onCommit={(seconds) => commit(setIdleThreshold(settings, seconds ?? Number.NaN))}
      />

      <Checkbox
        label={i18n.t('options.tracking.recordAccounts')}
        hint={i18n.t('options.tracking.recordAccountsHint')}
        checked={settings.tracking.recordAccounts}
        onChange={(on) => save(setRecordAccounts(settings, on))}
      />
      <Checkbox
        label={i18n.t('options.tracking.countPrivateWindows')}
        hint={i18n.t('options.tracking.countPrivateWindowsHint')}
        checked={settings.tracking.countPrivateWindows}
        onChange={(on) => save(setCountPrivateWindows(settings, on))}
      />

      <fieldset class="cf-group">
        <legend>{i18n.t('options.tracking.retention')}</legend>
        <label class="cf-radio">
          <input
            type="radio"
            name={`${ids}-retention`}
            checked={retention === null}
            onChange={() => commit(setRetentionDays(settings, null))}
          />
          {i18n.t('options.tracking.keepForever')}
        </label>
        <label class="cf-radio">
          <input
            type="radio"
            name={`${ids}-retention`}
            checked={retention !== null}
            onChange={() => commit(setRetentionDays(settings, DEFAULT_RETENTION_DAYS))}
          />
          {i18n.t('options.tracking.keepDays')}
        </label>
        {retention !== null && (
          <NumberField
            label={i18n.t('options.tracking.retentionDays')}
            hint={i18n.t('options.tracking.retentionHint')}
            value={retention}
            min={LIMITS.retentionDays.min}
            max={LIMITS.retentionDays.max}
            invalidCode="retention-invalid"
            onCommit={(days) => commit(setRetentionDays(settings, days ?? Number.NaN))}
          />
        )}
      </fieldset>
    </Section>
  );
}
