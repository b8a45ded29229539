import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import {
  MAX_IMPORT_BYTES, buildCsv, buildExport, exportFileName, exportText,
  isCalendarDate, parseImport, previewImport,
  type Backup, type DateRange, type ImportPreview, type ImportWarningCode, type ValidImport,
} from '@/utils/backup';
import { channelLabel, hostMatchPattern, parseChannelKey } from '@/utils/channels';
import { formatDate, formatDuration, formatTime } from '@/utils/format';
import { importErrorMessage, seenChannelKeys } from '@/utils/options-data';
import { PLATFORMS, isPlatformId } from '@/utils/platforms';
import { localDate } from '@/utils/time-zone';
import {
  CommandFailed, commitImport, deleteAllData, deleteHistory, ensureSourceId, readFreshData, restoreBackup, type OptionsData,
} from './options-store';
import { describedBy, FieldError, MessageLine, Section, t, TextField, type Message } from './fields';
import { KeptAsidePart, StoragePart } from './DataStorage';
import { download } from './download';
import { browserTimeZone } from './Specializations';



/** Why a data action failed, in words: a file's fault named like on import, else the browser's reason. */
function failureText(failure: unknown, key: 'data.import.failed' | 'data.backups.failed' | 'data.delete.failed', locale: string): string {
  if (failure instanceof CommandFailed && failure.importError) return importErrorMessage(failure.importError, t, locale);
  return i18n.t(key, [failure instanceof Error ? failure.message : String(failure)]);
}


export function Data(props: { data: OptionsData }) {
  const [sourceId, setSourceId] = useState<string | null>(null);
  useEffect(() => {
    ensureSourceId().then(setSourceId, () => {});
  }, []);
  return (
    <Section id="data" title={i18n.t('data.title')} intro={i18n.t('data.intro')}>
      <StoragePart data={props.data} />
      <ExportPart data={props.data} sourceId={sourceId} />
      <ImportPart data={props.data} sourceId={sourceId} />
      <BackupsPart backups={props.data.backups} />
      <KeptAsidePart items={props.data.keptAside} />
      <DeletePart data={props.data} />
    </Section>
  );
}

function ExportPart({ data, sourceId }: { data: OptionsData; sourceId: string | null }) {
  const ids = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const fromError = from !== '' && !isCalendarDate(from) ? i18n.t('data.export.dateInvalid') : null;
  const toError = to !== '' && !isCalendarDate(to) ? i18n.t('data.export.dateInvalid')
    : from !== '' && to !== '' && to < from ? i18n.t('data.export.toBeforeFrom') : null;

  const run = async (kind: 'json' | 'csv') => {
    if (fromError || toError || !sourceId) return;
    const range: DateRange = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    // Read afresh: the seconds counted since this page loaded belong in the file.
    const fresh = await readFreshData().catch(() => data);
    const file = buildExport({
      settings: fresh.settings, sourceId, days: fresh.history.own, imported: fresh.history.imported,
      exportedAt: new Date(), range,
    });
    const name = exportFileName(localDate(Date.now(), browserTimeZone()), kind);
    if (kind === 'json') download(name, exportText(file), 'application/json');
    else download(name, buildCsv(file.usage), 'text/csv;charset=utf-8');
    setMessage({ kind: 'done', text: i18n.t('data.export.done', [name]) });
  };

  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{i18n.t('data.export.title')}</h3>
      <p class="cf-hint">{i18n.t('data.export.hint')}</p>
      <div class="cf-field-grid">
        <TextField label={i18n.t('data.export.from')} type="date" value={from} error={fromError} onInput={setFrom} />
        <TextField label={i18n.t('data.export.to')} type="date" value={to} error={toError} onInput={setTo} />
      </div>
      <p class="cf-hint">{i18n.t('data.export.rangeHint')}</p>
      <div class="cf-actions">
        <button type="button" disabled={!sourceId} onClick={() => void run('json')}>{i18n.t('data.export.json')}</button>
        <button type="button" disabled={!sourceId} onClick={() => void run('csv')}>{i18n.t('data.export.csv')}</button>
      </div>
      <MessageLine message={message} />
    </div>
  );
}

interface Pending {
  fileName: string;
  /** The file's text: the background checks it again before it merges. */
  text: string;
  incoming: ValidImport;
  warnings: ImportWarningCode[];
  preview: ImportPreview;
}

function warningText(code: ImportWarningCode, incoming: ValidImport): string {
  return code === 'unknown-platforms'
    ? i18n.t('data.import.unknownPlatforms', [incoming.unknownPlatforms.join(', ')])
    : i18n.t('data.import.settingsUnusable', [incoming.settingsError ?? '']);
}

function ImportPart({ data, sourceId }: { data: OptionsData; sourceId: string | null }) {
  const ids = useId();
  const locale = i18n.t('langCode');
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [takeTheirs, setTakeTheirs] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const reset = () => {
    setPending(null);
    setTakeTheirs(false);
    if (input.current) input.current.value = '';
  };

  const choose = async (file: File | undefined) => {
    setMessage(null);
    setPending(null);
    setError(null);
    if (!file || !sourceId) return;
    if (file.size > MAX_IMPORT_BYTES) {
      // Refused before reading: a huge file is never loaded into memory.
      setError(importErrorMessage({ code: 'too-large', params: { size: file.size, maxBytes: MAX_IMPORT_BYTES } }, t, locale));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError(importErrorMessage({ code: 'unreadable', params: {} }, t, locale));
      return;
    }
    const parsed = parseImport(text, { today: localDate(Date.now(), browserTimeZone()) });
    if (!parsed.ok) {
      setError(importErrorMessage(parsed.error, t, locale));
      return;
    }
    const preview = previewImport({ history: data.history, settings: data.settings, sourceId }, parsed.data);
    setTakeTheirs(false);
    setPending({ fileName: file.name, text, incoming: parsed.data, warnings: parsed.warnings, preview });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const theirs = takeTheirs && pending.preview.settingsDiffer;
      await commitImport(pending.text, theirs);
      setMessage({ kind: 'done', text: i18n.t(theirs ? 'data.import.doneWithSettings' : 'data.import.done', [pending.fileName]) });
      reset();
    } catch (failure) {
      setMessage({ kind: 'error', text: failureText(failure, 'data.import.failed', locale) });
    } finally {
      setBusy(false);
    }
  };

  const preview = pending?.preview;
  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{i18n.t('data.import.title')}</h3>
      <p class="cf-hint" id={`${ids}-hint`}>{i18n.t('data.import.hint')}</p>
      <div class="cf-field">
        <label for={`${ids}-file`}>{i18n.t('data.import.file')}</label>
        <input
          id={`${ids}-file`}
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={!sourceId || busy}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(`${ids}-hint`, error && `${ids}-error`)}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        {error && <FieldError id={`${ids}-error`}>{error}</FieldError>}
      </div>
      {pending && preview && (
        <div class="cf-preview" role="region" aria-labelledby={`${ids}-preview`}>
          <h4 id={`${ids}-preview`}>{i18n.t('data.import.previewTitle', [pending.fileName])}</h4>
          {preview.days === 0 ? (
            <p>{i18n.t('data.import.nothingNew')}</p>
          ) : (
            <dl class="cf-figures">
              <div><dt>{i18n.t('data.import.days')}</dt><dd>{preview.days}</dd></div>
              <div><dt>{i18n.t('data.import.channels')}</dt><dd>{preview.channels}</dd></div>
              <div><dt>{i18n.t('data.import.added')}</dt><dd>{formatDuration(preview.millisecondsAdded, locale)}</dd></div>
            </dl>
          )}
          {pending.warnings.map((code) => <p key={code} class="cf-warning">{warningText(code, pending.incoming)}</p>)}
          {preview.settingsDiffer && (
            <fieldset class="cf-group cf-plain">
              <legend>{i18n.t('data.import.settingsTitle')}</legend>
              <label class="cf-radio">
                <input type="radio" name={`${ids}-settings`} checked={!takeTheirs} onChange={() => setTakeTheirs(false)} />
                {i18n.t('data.import.keepMine')}
              </label>
              <label class="cf-radio">
                <input type="radio" name={`${ids}-settings`} checked={takeTheirs} onChange={() => setTakeTheirs(true)} />
                {i18n.t('data.import.takeTheirs')}
              </label>
            </fieldset>
          )}
          <p class="cf-hint">{i18n.t('data.import.backupNote')}</p>
          <div class="cf-actions">
            <button type="button" class="cf-primary" disabled={busy} onClick={() => void confirm()}>{i18n.t('data.import.confirm')}</button>
            <button type="button" class="cf-secondary" disabled={busy} onClick={reset}>{i18n.t('data.import.cancel')}</button>
          </div>
        </div>
      )}
      <MessageLine message={message} />
    </div>
  );
}

function BackupsPart({ backups }: { backups: Backup[] }) {
  const ids = useId();
  const locale = i18n.t('langCode');
  const timeZone = browserTimeZone();
  const [message, setMessage] = useState<Message | null>(null);
  const when = (backup: Backup) => {
    const ms = Date.parse(backup.createdAt);
    return `${formatDate(ms, locale, timeZone, 'medium')}, ${formatTime(ms, locale, timeZone)}`;
  };
  const reasonText = (backup: Backup) => {
    switch (backup.reason) {
      case 'before-import': return i18n.t('data.backups.beforeImport');
      case 'before-reset': return i18n.t('data.backups.beforeReset');
      case 'manual': return i18n.t('data.backups.beforeRestore');
    }
  };
  const restore = async (backup: Backup) => {
    setMessage(null);
    try {
      await restoreBackup(backup);
      setMessage({ kind: 'done', text: i18n.t('data.backups.restored', [when(backup)]) });
    } catch (failure) {
      setMessage({ kind: 'error', text: failureText(failure, 'data.backups.failed', locale) });
    }
  };
  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{i18n.t('data.backups.title')}</h3>
      <p class="cf-hint">{i18n.t('data.backups.hint')}</p>
      {backups.length === 0 ? (
        <p>{i18n.t('data.backups.none')}</p>
      ) : (
        <ul class="cf-backups">
          {backups.map((backup) => (
            <li key={backup.id}>
              <span>{when(backup)}</span>
              <span class="cf-hint">{reasonText(backup)}</span>
              <button type="button" class="cf-small" onClick={() => void restore(backup)}>
                {i18n.t('data.backups.restore')}<span class="cf-sr"> {when(backup)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <MessageLine message={message} />
    </div>
  );
}

/** What "Delete one channel's history" can pick: each channel, and each platform with several. */
function deletionChoices(keys: readonly string[]): { value: string; label: string }[] {
  const platformCounts = new Map<string, number>();
  for (const key of keys) {
    const platform = key.split(':')[0] ?? key;
    platformCounts.set(platform, (platformCounts.get(platform) ?? 0) + 1);
  }
  const choices: { value: string; label: string }[] = [];
  for (const [platform, count] of platformCounts) {
    if (count < 2 || !isPlatformId(platform)) continue;
    choices.push({ value: `platform:${platform}`, label: i18n.t('data.delete.wholePlatform', [PLATFORMS[platform].name]) });
  }
  for (const key of keys) {
    const channel = parseChannelKey(key);
    choices.push({ value: `channel:${key}`, label: channel ? channelLabel(channel) : i18n.t('data.delete.unknownChannel', [key]) });
  }
  return choices.sort((a, b) => a.label.localeCompare(b.label));
}

function DeletePart({ data }: { data: OptionsData }) {
  const ids = useId();
  const choices = deletionChoices(seenChannelKeys(data.history.visible));
  const [choice, setChoice] = useState('');
  const [channelMessage, setChannelMessage] = useState<Message | null>(null);
  const [typed, setTyped] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [allMessage, setAllMessage] = useState<Message | null>(null);
  const word = i18n.t('data.delete.word');
  const selected = choices.find((item) => item.value === choice) ?? choices[0];

  const deleteOne = async (event: Event) => {
    event.preventDefault();
    if (!selected) return;
    const [kind, ...rest] = selected.value.split(':');
    // The key as stored, so a key this release cannot name is still deleted exactly.
    const value = rest.join(':');
    try {
      await deleteHistory(kind === 'platform' ? { platform: value } : { channelKey: value });
      setChannelMessage({ kind: 'done', text: i18n.t('data.delete.channelDone', [selected.label]) });
      setChoice('');
    } catch (failure) {
      setChannelMessage({ kind: 'error', text: failureText(failure, 'data.delete.failed', i18n.t('langCode')) });
    }
  };

  const deleteAll = async (event: Event) => {
    event.preventDefault();
    setAllMessage(null);
    if (typed.trim().toLocaleUpperCase(i18n.t('langCode')) !== word.toLocaleUpperCase(i18n.t('langCode'))) {
      setConfirmError(i18n.t('data.delete.typeMismatch', [word]));
      return;
    }
    setConfirmError(null);
    try {
      const before = await deleteAllData();
      for (const entry of before.customHosts) {
        browser.permissions.remove({ origins: [hostMatchPattern(entry.host)] }).catch(() => {});
      }
      setTyped('');
      setAllMessage({ kind: 'done', text: i18n.t('data.delete.allDone') });
    } catch (failure) {
      setAllMessage({ kind: 'error', text: failureText(failure, 'data.delete.failed', i18n.t('langCode')) });
    }
  };

  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{i18n.t('data.delete.title')}</h3>
      <form class="cf-inline-form" onSubmit={(event) => void deleteOne(event)}>
        <div class="cf-field">
          <label for={`${ids}-channel`}>{i18n.t('data.delete.channel')}</label>
          <select
            id={`${ids}-channel`}
            value={selected?.value ?? ''}
            disabled={choices.length === 0}
            aria-describedby={`${ids}-channel-hint`}
            onChange={(event) => setChoice(event.currentTarget.value)}
          >
            {choices.length === 0 && <option value="">{i18n.t('data.delete.noChannels')}</option>}
            {choices.map((item) => <option key={item.value} value={item.value}>{item.label}</option>)}
          </select>
          <p class="cf-hint" id={`${ids}-channel-hint`}>{i18n.t('data.delete.channelHint')}</p>
        </div>
        <button type="submit" class="cf-danger" disabled={choices.length === 0}>{i18n.t('data.delete.channelButton')}</button>
      </form>
      <MessageLine message={channelMessage} />

      <form class="cf-inline-form cf-delete-all" onSubmit={(event) => void deleteAll(event)} noValidate>
        <TextField
          label={i18n.t('data.delete.typeLabel', [word])}
          autocomplete="off"
          value={typed}
          hint={i18n.t('data.delete.allHint')}
          error={confirmError}
          onInput={setTyped}
        />
        <button type="submit" class="cf-danger">{i18n.t('data.delete.allButton')}</button>
      </form>
      <MessageLine message={allMessage} />
    </div>
  );
}
