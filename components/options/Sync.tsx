import { useEffect, useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SaveSettings } from '@/components/source-names';
import { formatBytes } from '@/utils/format';
import type { Settings } from '@/utils/settings';
import type { SyncState } from '@/utils/sync/state';
import { SYNC_QUOTA } from '@/utils/sync/layout';
import { SYNC_DAYS_PER_DEVICE } from '@/utils/sync/usage-encoding';
import { Checkbox, MessageLine, Section, type Message } from './fields';
import { enableSync, ensureSourceId, syncNow, type OptionsData } from './options-store';
import { SyncDevices, atText } from './SyncDevices';

type ProblemCode = NonNullable<SyncState['problem']>['code'];

/** A sync problem in words, per code: what happened and what the user can do. */
const PROBLEM_TEXT: Record<ProblemCode, () => string> = {
  'quota-bytes': () => i18n.t('options.sync.problem.quotaBytes'),
  'quota-item': () => i18n.t('options.sync.problem.quotaItem'),
  'quota-items': () => i18n.t('options.sync.problem.quotaItems'),
  'rate-minute': () => i18n.t('options.sync.problem.rateMinute'),
  'rate-hour': () => i18n.t('options.sync.problem.rateHour'),
  unavailable: () => i18n.t('options.sync.problem.unavailable'),
  other: () => i18n.t('options.sync.problem.other'),
};

const errorText = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

export interface SyncProps {
  data: OptionsData;
  /** The newest settings (a rename right after another edit builds on it). */
  current(): Settings;
  save: SaveSettings;
}

/**
 * Sync of settings and daily totals across the user's devices through the browser's own
 * storage.sync: the switch, how the last turns went, and the devices it brought.
 */
export function Sync({ data, current, save }: SyncProps) {
  const [ownId, setOwnId] = useState<string | null>(null);
  // The switch as the user set it, while the background's state is still the one it was set over.
  const [asked, setAsked] = useState<{ on: boolean; over: boolean } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const state = data.syncState;
  useEffect(() => {
    ensureSourceId().then(setOwnId, () => {});
  }, []);

  const toggle = async (on: boolean) => {
    setAsked({ on, over: state.enabled });
    setMessage(null);
    try {
      await enableSync(on);
    } catch (failure) {
      setAsked(null);
      setMessage({ kind: 'error', text: i18n.t('options.sync.switchFailed', [errorText(failure)]) });
    }
  };
  const enabled = asked !== null && asked.over === state.enabled ? asked.on : state.enabled;

  return (
    <Section id="sync" title={i18n.t('options.sync.title')} intro={i18n.t('options.sync.intro')}>
      <Checkbox
        label={i18n.t('options.sync.enable')}
        hint={i18n.t('options.sync.hint', [String(SYNC_DAYS_PER_DEVICE)])}
        checked={enabled}
        onChange={(on) => void toggle(on)}
      />
      <MessageLine message={message} />
      {state.enabled && (
        <>
          <SyncStatus state={state} />
          <SyncDevices
            ownId={ownId} ownPublishedAt={state.lastPublishedAt} devices={data.devices}
            settings={data.settings} current={current} save={save}
          />
        </>
      )}
    </Section>
  );
}

/** When sync last ran, how much the sync copy holds, a problem in words, and "Sync now". */
function SyncStatus({ state }: { state: SyncState }) {
  const ids = useId();
  const locale = i18n.t('langCode');
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const times = [state.lastPublishedAt, state.lastReceivedAt].filter((at): at is number => at !== null);
  const last = times.length > 0 ? Math.max(...times) : null;
  const bytes = state.bytesInUse;
  const problem = state.problem;

  const runNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await syncNow();
      setMessage({ kind: 'done', text: i18n.t('options.sync.nowDone') });
    } catch (failure) {
      setMessage({ kind: 'error', text: i18n.t('options.sync.nowFailed', [errorText(failure)]) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{i18n.t('options.sync.statusTitle')}</h3>
      <dl class="cf-figures">
        <div>
          <dt>{i18n.t('options.sync.lastSynced')}</dt>
          <dd>{last === null ? i18n.t('options.sync.never') : atText(last, locale)}</dd>
        </div>
        <div>
          <dt>{i18n.t('options.sync.daysShared')}</dt>
          <dd>{i18n.t('options.sync.daysValue', [String(state.daysShared)])}</dd>
        </div>
        <div>
          <dt>{i18n.t('options.sync.bytesUsed')}</dt>
          <dd>
            {bytes === null ? i18n.t('options.sync.bytesUnknown')
              : i18n.t('options.sync.bytesValue', [formatBytes(bytes, locale), formatBytes(SYNC_QUOTA.bytes, locale)])}
            {bytes !== null && (
              // The words above say it; the bar shows it at a glance.
              <meter class="cf-sync-meter" aria-hidden="true" min={0} max={SYNC_QUOTA.bytes} high={SYNC_QUOTA.bytes * 0.9} value={bytes} />
            )}
          </dd>
        </div>
      </dl>
      {state.accountsFolded && <p class="cf-hint">{i18n.t('options.sync.accountsFolded')}</p>}
      {problem && (
        <div class="cf-warning" role="alert">
          <p>{PROBLEM_TEXT[problem.code]()}</p>
          {problem.code === 'other' && problem.message && <p>{i18n.t('options.sync.problem.detail', [problem.message])}</p>}
          <p>{problem.retryAt === null
            ? i18n.t('options.sync.problem.noRetry')
            : i18n.t('options.sync.problem.retryAt', [atText(problem.retryAt, locale)])}</p>
        </div>
      )}
      <div class="cf-actions">
        <button type="button" disabled={busy} onClick={() => void runNow()}>{i18n.t('options.sync.now')}</button>
      </div>
      <MessageLine message={message} />
    </div>
  );
}
