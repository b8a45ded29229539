import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { hostMatchPattern, type UserHost } from '@/utils/channels';
import { checkCustomHost, type CustomHostRefusal } from '@/utils/custom-host-check';
import { PLATFORM_LIST } from '@/utils/platforms';
import {
  addCustomHost, isPlatformTracked, removeCustomHost, setPlatformTracked, validateCustomHost,
  type Settings, type ValidationCode,
} from '@/utils/settings';
import { Checkbox, Section, TextField, validationText } from './fields';

/** Whether the browser granted access to each custom host (undefined while unknown). */
function useGrantedHosts(hosts: readonly string[]): Record<string, boolean> {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const hostList = hosts.join(' ');
  useEffect(() => {
    let alive = true;
    const check = async () => {
      const entries = await Promise.all(hosts.map(async (host) => {
        try {
          return [host, await browser.permissions.contains({ origins: [hostMatchPattern(host)] })] as const;
        } catch {
          return null;
        }
      }));
      if (alive) setGranted(Object.fromEntries(entries.filter((entry) => entry !== null)));
    };
    void check();
    const listen = (event: typeof browser.permissions.onAdded, on: boolean) => {
      try {
        event[on ? 'addListener' : 'removeListener'](check);
      } catch {
        // Browsers (and test doubles) without these events: the status is read on every change of hosts.
      }
    };
    listen(browser.permissions.onAdded, true);
    listen(browser.permissions.onRemoved, true);
    return () => {
      alive = false;
      listen(browser.permissions.onAdded, false);
      listen(browser.permissions.onRemoved, false);
    };
  }, [hostList]);
  return granted;
}

type AddProblem =
  | { kind: 'code'; code: ValidationCode }
  | { kind: 'refused'; reason: Exclude<CustomHostRefusal, 'not-a-host'>; host: string }
  | { kind: 'denied'; host: string }
  | { kind: 'failed'; detail: string };

/** Why the Public Suffix List check refused a host, in the user's language. */
function refusalText(reason: Exclude<CustomHostRefusal, 'not-a-host'>, host: string): string {
  switch (reason) {
    case 'ip-address': return i18n.t('options.error.hostIpAddress');
    case 'localhost': return i18n.t('options.error.hostLocalhost', [host]);
    case 'single-label': return i18n.t('options.error.hostSingleLabel', [host]);
    case 'public-suffix': return i18n.t('options.error.hostPublicSuffix', [host]);
    case 'no-registrable-domain': return i18n.t('options.error.hostNoRegistrableDomain', [host]);
  }
}

export function Channels(props: { settings: Settings; save(next: Settings): void; current(): Settings }) {
  const { settings, save } = props;
  const ids = useId();
  const [host, setHost] = useState('');
  const [kind, setKind] = useState<UserHost['platform']>('custom');
  const [problem, setProblem] = useState<AddProblem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const granted = useGrantedHosts(settings.customHosts.map((entry) => entry.host));

  const request = (pattern: string) => browser.permissions.request({ origins: [pattern] });

  // Called straight from the submit: the permission request needs the user's gesture.
  const add = (event: Event) => {
    event.preventDefault();
    setAdded(null);
    const check = validateCustomHost(host, settings);
    if (!check.ok && check.code !== 'host-invalid') {
      setProblem({ kind: 'code', code: check.code });
      return;
    }
    // One owner's site only: no public suffix (every site under it would be one channel), no
    // IP address, localhost or single label; for input that is no host name it says which of these.
    const suffix = checkCustomHost(host);
    if (!suffix.ok && suffix.reason !== 'not-a-host' && suffix.host !== null) {
      setProblem({ kind: 'refused', reason: suffix.reason, host: suffix.host });
      return;
    }
    if (!check.ok) {
      setProblem({ kind: 'code', code: check.code });
      return;
    }
    request(hostMatchPattern(check.host)).then(
      (ok) => {
        if (!ok) {
          setProblem({ kind: 'denied', host: check.host });
          return;
        }
        // Settings may have changed while the browser asked: apply to the latest ones.
        const result = addCustomHost(props.current(), check.host, kind);
        if (!result.ok) {
          setProblem({ kind: 'code', code: result.code });
          return;
        }
        setProblem(null);
        setHost('');
        setAdded(result.host);
        save(result.settings);
      },
      (error: unknown) => setProblem({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }),
    );
  };

  const remove = (entry: UserHost) => {
    save(removeCustomHost(settings, entry.host));
    setAdded(null);
    // Access to the site goes with the channel; a host that is no longer a channel needs none.
    browser.permissions.remove({ origins: [hostMatchPattern(entry.host)] }).catch(() => {});
  };

  const problemText = problem === null ? null
    : problem.kind === 'code' ? validationText(problem.code)
      : problem.kind === 'refused' ? refusalText(problem.reason, problem.host)
      : problem.kind === 'denied' ? i18n.t('options.channels.denied', [problem.host])
        : i18n.t('options.channels.failed', [problem.detail]);

  return (
    <Section id="channels" title={i18n.t('options.channels.title')} intro={i18n.t('options.channels.intro')}>
      <fieldset class="cf-group">
        <legend>{i18n.t('options.channels.builtIn')}</legend>
        <p class="cf-hint">{i18n.t('options.channels.builtInHint')}</p>
        <ul class="cf-platform-grid">
          {PLATFORM_LIST.map((platform) => (
            <li key={platform.id}>
              <Checkbox
                label={platform.name}
                checked={isPlatformTracked(settings, platform.id)}
                onChange={(tracked) => save(setPlatformTracked(settings, platform.id, tracked))}
              />
            </li>
          ))}
        </ul>
      </fieldset>

      <h3>{i18n.t('options.channels.customTitle')}</h3>
      <p class="cf-hint">{i18n.t('options.channels.customHint')}</p>
      {settings.customHosts.length === 0 ? (
        <p>{i18n.t('options.channels.noCustom')}</p>
      ) : (
        <ul class="cf-host-list">
          {settings.customHosts.map((entry) => (
            <li key={entry.host}>
              <span class="cf-host">{entry.host}</span>
              <span class="cf-hint">
                {entry.platform === 'mastodon' ? i18n.t('options.channels.kindMastodon') : i18n.t('options.channels.kindSite')}
              </span>
              {granted[entry.host] === false && (
                <>
                  <span class="cf-warning-text"><span aria-hidden="true">⚠ </span>{i18n.t('options.channels.noAccess')}</span>
                  <button type="button" class="cf-small" onClick={() => void request(hostMatchPattern(entry.host)).catch(() => {})}>
                    {i18n.t('options.channels.grant')}<span class="cf-sr"> {entry.host}</span>
                  </button>
                </>
              )}
              <button type="button" class="cf-small cf-danger" onClick={() => remove(entry)}>
                {i18n.t('options.channels.remove')}<span class="cf-sr"> {entry.host}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <form class="cf-add-host" onSubmit={add} noValidate>
        <TextField
          label={i18n.t('options.channels.host')}
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          value={host}
          hint={i18n.t('options.channels.hostHint')}
          error={problemText}
          onInput={setHost}
        />
        <fieldset class="cf-group cf-plain">
          <legend>{i18n.t('options.channels.kind')}</legend>
          <label class="cf-radio">
            <input type="radio" name={`${ids}-kind`} checked={kind === 'custom'} onChange={() => setKind('custom')} />
            {i18n.t('options.channels.kindSite')}
          </label>
          <label class="cf-radio">
            <input type="radio" name={`${ids}-kind`} checked={kind === 'mastodon'} onChange={() => setKind('mastodon')} />
            {i18n.t('options.channels.kindMastodon')}
          </label>
        </fieldset>
        <button type="submit">{i18n.t('options.channels.add')}</button>
        <p class="cf-status-slot" role="status">{added && i18n.t('options.channels.added', [added])}</p>
      </form>
    </Section>
  );
}
