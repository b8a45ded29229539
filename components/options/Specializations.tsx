import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { channelLabel, parseChannelKey } from '@/utils/channels';
import { accountFromInput } from '@/utils/options-data';
import { PLATFORM_LIST } from '@/utils/platforms';
import type { PlatformId } from '@/utils/platforms/types';
import {
  budgetKeys, createSpecialization, defaultWorkingHours, deleteSpecialization, duplicateSpecialization,
  findSpecialization, firstFreeName, LIMITS, renameSpecialization, restoreSpecialization, setActiveSpecialization,
  setChannelBudget, setFocusAccounts, setTotalBudget, setWorkingHours, toggleFocusPlatform, validateWorkingHours,
  type RemovedSpecialization, type Settings, type Specialization, type ValidationCode, type WorkingHours,
} from '@/utils/settings';
import { focusSizeWarning } from '@/utils/suggestions';
import { Checkbox, FieldError, NumberField, RenameForm, Section, TextField, useDraft, validationText } from './fields';

/** How long the "Undo" of a deletion stays. */
export const UNDO_MS = 10_000;

const newId = () => crypto.randomUUID();

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

interface SaveProps {
  settings: Settings;
  save(next: Settings): void;
}

/** Platforms plus listed custom hosts: what a focus counts for the "two or three" warning. */
function focusSize(spec: Specialization): number {
  return spec.channels.reduce((count, entry) => count + (entry.platform === 'custom' ? entry.accounts?.length ?? 0 : 1), 0);
}

export function FocusSizeWarning({ count }: { count: number }) {
  if (!focusSizeWarning(count)) return null;
  return (
    <p class="cf-warning" role="status">
      <span aria-hidden="true">ℹ </span>{i18n.t('setup.focusSizeWarning', [String(count)])}
    </p>
  );
}

export function Specializations(props: SaveProps & {
  seenAccounts: Partial<Record<PlatformId, string[]>>;
  onStartSetup(): void;
}) {
  const { settings, save } = props;
  const ids = useId();
  const [selectedId, setSelectedId] = useState<string | null>(settings.activeSpecializationId ?? settings.specializations[0]?.id ?? null);
  const [newName, setNewName] = useState('');
  const [createError, setCreateError] = useState<ValidationCode | null>(null);
  const [undo, setUndo] = useState<{ removed: RemovedSpecialization; error: ValidationCode | null } | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  // The selection follows deletions elsewhere (another tab): fall back to the active or first one.
  const selected = (selectedId && findSpecialization(settings, selectedId))
    ?? findSpecialization(settings, settings.activeSpecializationId ?? '')
    ?? settings.specializations[0]
    ?? null;

  const create = (event: Event) => {
    event.preventDefault();
    const result = createSpecialization(settings, newName, newId);
    if (!result.ok) {
      setCreateError(result.code);
      return;
    }
    setCreateError(null);
    setNewName('');
    setSelectedId(result.id);
    save(result.settings);
  };

  const remove = (spec: Specialization) => {
    const result = deleteSpecialization(settings, spec.id);
    if (!result) return;
    save(result.settings);
    setSelectedId(null);
    setUndo({ removed: result.removed, error: null });
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
  };

  const restore = () => {
    if (!undo) return;
    const result = restoreSpecialization(settings, undo.removed);
    if (!result.ok) {
      setUndo({ ...undo, error: result.code });
      return;
    }
    clearTimeout(undoTimer.current);
    setUndo(null);
    setSelectedId(undo.removed.specialization.id);
    save(result.settings);
  };

  return (
    <Section id="specializations" title={i18n.t('options.spec.title')} intro={i18n.t('options.spec.intro')}>
      <div class="cf-status-slot" aria-live="polite">
        {undo && (
          <div class="cf-undo">
            <p>{i18n.t('options.spec.deleted', [undo.removed.specialization.name])}</p>
            <button type="button" onClick={restore} aria-describedby={undo.error ? `${ids}-undo-error` : undefined}>
              {i18n.t('options.spec.undo')}
            </button>
            {undo.error && <FieldError id={`${ids}-undo-error`}>{validationText(undo.error)}</FieldError>}
          </div>
        )}
      </div>

      {settings.specializations.length > 0 && (
        <fieldset class="cf-active">
          <legend>{i18n.t('options.spec.active')}</legend>
          {[null, ...settings.specializations].map((spec) => (
            <label key={spec?.id ?? 'none'} class="cf-radio">
              <input
                type="radio"
                name={`${ids}-active`}
                checked={settings.activeSpecializationId === (spec?.id ?? null)}
                onChange={() => save(setActiveSpecialization(settings, spec?.id ?? null))}
              />
              {spec ? spec.name : i18n.t('options.spec.none')}
            </label>
          ))}
        </fieldset>
      )}

      <form class="cf-inline-form" onSubmit={create} noValidate>
        <TextField
          label={i18n.t('options.spec.newName')}
          value={newName}
          maxLength={LIMITS.nameMaxLength + 20}
          errorCode={createError}
          onInput={setNewName}
        />
        <button type="submit">{i18n.t('options.spec.create')}</button>
      </form>

      {settings.specializations.length === 0 && <p class="cf-hint">{i18n.t('options.spec.empty')}</p>}

      {selected && (
        <>
          <div class="cf-field cf-edit-choice">
            <label for={`${ids}-edit`}>{i18n.t('options.spec.editChoice')}</label>
            <select id={`${ids}-edit`} value={selected.id} onChange={(event) => setSelectedId(event.currentTarget.value)}>
              {settings.specializations.map((spec) => (
                <option key={spec.id} value={spec.id}>
                  {spec.id === settings.activeSpecializationId ? i18n.t('options.spec.activeName', [spec.name]) : spec.name}
                </option>
              ))}
            </select>
          </div>
          <SpecializationEditor
            key={selected.id}
            spec={selected}
            settings={settings}
            save={save}
            seenAccounts={props.seenAccounts}
            onDuplicated={setSelectedId}
            onDelete={() => remove(selected)}
          />
        </>
      )}

      <p>
        <button type="button" class="cf-secondary" onClick={props.onStartSetup}>{i18n.t('options.spec.runSetup')}</button>
      </p>
    </Section>
  );
}

function SpecializationEditor(props: SaveProps & {
  spec: Specialization;
  seenAccounts: Partial<Record<PlatformId, string[]>>;
  onDuplicated(id: string): void;
  onDelete(): void;
}) {
  const { spec, settings, save } = props;
  const ids = useId();
  const [duplicateError, setDuplicateError] = useState<ValidationCode | null>(null);

  const rename = (name: string): string | null => {
    const result = renameSpecialization(settings, spec.id, name);
    if (!result.ok) return validationText(result.code);
    save(result.settings);
    return null;
  };

  const duplicate = () => {
    const copyName = firstFreeName(settings, (n) => (n === 1
      ? i18n.t('options.spec.copyName', [spec.name])
      : i18n.t('options.spec.copyNameN', [spec.name, String(n)])));
    const result = duplicateSpecialization(settings, spec.id, copyName, newId);
    if (!result.ok) {
      setDuplicateError(result.code);
      return;
    }
    setDuplicateError(null);
    save(result.settings);
    props.onDuplicated(result.id);
  };

  return (
    <article class="cf-card" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>
        {spec.name}
        {spec.id === settings.activeSpecializationId && <span class="cf-tag">{i18n.t('options.spec.activeTag')}</span>}
      </h3>
      <RenameForm current={spec.name} label={i18n.t('options.spec.name')} submit={i18n.t('options.spec.rename')} rename={rename} />
      <div class="cf-actions">
        <button type="button" onClick={duplicate} aria-describedby={duplicateError ? `${ids}-dup-error` : undefined}>
          {i18n.t('options.spec.duplicate')}
        </button>
        <button type="button" class="cf-danger" onClick={props.onDelete}>{i18n.t('options.spec.delete')}</button>
        {settings.activeSpecializationId !== spec.id && (
          <button type="button" onClick={() => save(setActiveSpecialization(settings, spec.id))}>
            {i18n.t('options.spec.activate')}
          </button>
        )}
      </div>
      {duplicateError && <FieldError id={`${ids}-dup-error`}>{validationText(duplicateError)}</FieldError>}

      <FocusChannels spec={spec} settings={settings} save={save} seenAccounts={props.seenAccounts} />
      <Budgets spec={spec} settings={settings} save={save} />
      <WorkingHoursEditor spec={spec} settings={settings} save={save} />
    </article>
  );
}

function FocusChannels(props: SaveProps & { spec: Specialization; seenAccounts: Partial<Record<PlatformId, string[]>> }) {
  const { spec, settings, save } = props;
  const entryOf = (platform: PlatformId) => spec.channels.find((entry) => entry.platform === platform);
  const customHosts = settings.customHosts.filter((entry) => entry.platform === 'custom').map((entry) => entry.host);
  const customFocus = spec.channels.find((entry) => entry.platform === 'custom')?.accounts ?? [];
  const toggleCustom = (host: string, on: boolean) => {
    const listed = on ? [...customFocus, host] : customFocus.filter((item) => item !== host);
    save(setFocusAccounts(settings, spec.id, 'custom', listed));
  };
  return (
    <>
      <fieldset class="cf-group">
        <legend>{i18n.t('options.focus.title')}</legend>
        <p class="cf-hint">{i18n.t('options.focus.hint')}</p>
        <ul class="cf-platform-grid">
          {PLATFORM_LIST.map((platform) => (
            <li key={platform.id}>
              <Checkbox
                label={platform.name}
                checked={entryOf(platform.id) !== undefined}
                onChange={() => save(toggleFocusPlatform(settings, spec.id, platform.id))}
              />
            </li>
          ))}
          {customHosts.map((host) => (
            <li key={host}>
              <Checkbox label={host} checked={customFocus.includes(host)} onChange={(on) => toggleCustom(host, on)} />
            </li>
          ))}
        </ul>
        <FocusSizeWarning count={focusSize(spec)} />
      </fieldset>
      {PLATFORM_LIST.filter((platform) => entryOf(platform.id)).map((platform) => (
        <AccountsEditor
          key={platform.id}
          platform={platform.id}
          accounts={entryOf(platform.id)?.accounts ?? null}
          seen={props.seenAccounts[platform.id] ?? []}
          onChange={(accounts) => save(setFocusAccounts(settings, spec.id, platform.id, accounts))}
        />
      ))}
    </>
  );
}

function AccountsEditor(props: {
  platform: PlatformId; accounts: string[] | null; seen: readonly string[]; onChange(accounts: string[] | null): void;
}) {
  const ids = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = PLATFORM_LIST.find((platform) => platform.id === props.platform)?.name ?? props.platform;
  const listed = props.accounts ?? [];
  const suggestions = props.seen.filter((account) => !listed.some((item) => item.toLowerCase() === account.toLowerCase()));

  const add = (event: Event) => {
    event.preventDefault();
    const account = accountFromInput(props.platform, draft);
    if (account === null) {
      setError(draft.trim() === '' ? i18n.t('options.accounts.empty') : i18n.t('options.accounts.tooLong', [String(LIMITS.accountMaxLength)]));
      return;
    }
    if (listed.some((item) => item.toLowerCase() === account.toLowerCase())) {
      setError(i18n.t('options.accounts.duplicate', [account]));
      return;
    }
    if (listed.length >= LIMITS.accountsPerPlatform) {
      setError(i18n.t('options.accounts.tooMany', [String(LIMITS.accountsPerPlatform)]));
      return;
    }
    setError(null);
    setDraft('');
    props.onChange([...listed, account]);
  };

  return (
    <fieldset class="cf-group cf-accounts">
      <legend>{i18n.t('options.accounts.title', [name])}</legend>
      <p class="cf-hint" id={`${ids}-state`}>
        {listed.length === 0 ? i18n.t('options.accounts.whole', [name]) : i18n.t('options.accounts.only', [name])}
      </p>
      {listed.length > 0 && (
        <ul class="cf-chips">
          {listed.map((account) => (
            <li key={account}>
              <span>{account}</span>
              <button
                type="button"
                class="cf-small"
                onClick={() => {
                  const rest = listed.filter((item) => item !== account);
                  props.onChange(rest.length > 0 ? rest : null);
                }}
              >
                {i18n.t('options.accounts.remove')}<span class="cf-sr"> {account}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="cf-inline-form" onSubmit={add} noValidate>
        <TextField
          label={i18n.t('options.accounts.label', [name])}
          suggestions={suggestions}
          value={draft}
          autocomplete="off"
          hint={i18n.t('options.accounts.hint')}
          error={error}
          onInput={setDraft}
        />
        <button type="submit">{i18n.t('options.accounts.add')}<span class="cf-sr"> ({name})</span></button>
      </form>
    </fieldset>
  );
}

function Budgets(props: SaveProps & { spec: Specialization }) {
  const { spec, settings, save } = props;
  const keys = budgetKeys(spec);
  const commit = (result: ReturnType<typeof setTotalBudget>) => {
    if (!result.ok) return result.code;
    save(result.settings);
    return null;
  };
  const labelOf = (key: string) => {
    const channel = parseChannelKey(key);
    return channel ? channelLabel(channel) : key;
  };
  const range = LIMITS.budgetMinutes;
  return (
    <fieldset class="cf-group">
      <legend>{i18n.t('options.budgets.title')}</legend>
      <p class="cf-hint">{i18n.t('options.budgets.hint', [String(range.max)])}</p>
      <div class="cf-field-grid">
        <NumberField
          label={i18n.t('options.budgets.whole')}
          value={spec.budgets.totalMinutes}
          optional
          min={range.min}
          max={range.max}
          invalidCode="budget-invalid"
          onCommit={(minutes) => commit(setTotalBudget(settings, spec.id, minutes))}
        />
        {keys.map((key) => (
          <NumberField
            key={key}
            label={i18n.t('options.budgets.channel', [labelOf(key)])}
            value={spec.budgets.perChannel[key] ?? null}
            optional
            min={range.min}
            max={range.max}
            invalidCode="budget-invalid"
            onCommit={(minutes) => commit(setChannelBudget(settings, spec.id, key, minutes))}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Monday first: working weeks read that way in both our languages. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function weekdayName(day: number): string {
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(i18n.t('langCode'), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 7 + day));
}

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

function WorkingHoursEditor(props: SaveProps & { spec: Specialization }) {
  const { spec, settings, save } = props;
  const ids = useId();
  const stored = spec.workingHours;
  // Compared by value (useDraft): the echo of our own write is a new object with the same content.
  const [edited, setEdited] = useDraft<{ hours: WorkingHours | null }>(stored);
  const draft = edited ? edited.hours : stored;
  const errors = draft ? validateWorkingHours(draft) : {};

  const change = (next: WorkingHours | null, commit = true) => {
    setEdited({ hours: next });
    if (!commit) return;
    if (next !== null && Object.keys(validateWorkingHours(next)).length > 0) return;
    const result = setWorkingHours(settings, spec.id, next);
    if (result.ok) save(result.settings);
  };

  return (
    <fieldset class="cf-group">
      <legend>{i18n.t('options.hours.title')}</legend>
      <Checkbox
        label={i18n.t('options.hours.enable')}
        hint={i18n.t('options.hours.enableHint')}
        checked={draft !== null}
        onChange={(on) => change(on ? stored ?? defaultWorkingHours(browserTimeZone()) : null)}
      />
      {draft && (
        <>
          <fieldset class="cf-days" aria-describedby={errors.days ? `${ids}-days-error` : undefined}>
            <legend>{i18n.t('options.hours.days')}</legend>
            {WEEK.map((day) => (
              <label key={day} class="cf-day">
                <input
                  type="checkbox"
                  checked={draft.days.includes(day)}
                  onChange={(event) => change({
                    ...draft,
                    days: event.currentTarget.checked ? [...draft.days, day] : draft.days.filter((item) => item !== day),
                  })}
                />
                {weekdayName(day)}
              </label>
            ))}
            {errors.days && <FieldError id={`${ids}-days-error`}>{validationText(errors.days)}</FieldError>}
          </fieldset>
          <div class="cf-field-grid">
            <TextField
              label={i18n.t('options.hours.from')}
              type="time"
              value={draft.from}
              errorCode={errors.from}
              onInput={(from) => change({ ...draft, from }, false)}
              onChange={(event) => change({ ...draft, from: event.currentTarget.value })}
            />
            <TextField
              label={i18n.t('options.hours.to')}
              type="time"
              value={draft.to}
              errorCode={errors.to}
              onInput={(to) => change({ ...draft, to }, false)}
              onChange={(event) => change({ ...draft, to: event.currentTarget.value })}
            />
          </div>
          <Checkbox
            label={i18n.t('options.hours.overnight')}
            hint={i18n.t('options.hours.overnightHint')}
            checked={draft.overnight}
            onChange={(overnight) => change({ ...draft, overnight })}
          />
          <TextField
            label={i18n.t('options.hours.timeZone')}
            suggestions={timeZones()}
            value={draft.timeZone}
            autocomplete="off"
            hint={i18n.t('options.hours.timeZoneHint', [browserTimeZone()])}
            errorCode={errors.timeZone}
            onInput={(timeZone) => change({ ...draft, timeZone }, false)}
            onChange={(event) => change({ ...draft, timeZone: event.currentTarget.value.trim() })}
          />
          <fieldset class="cf-group cf-plain">
            <legend>{i18n.t('options.hours.outside')}</legend>
            <label class="cf-radio">
              <input type="radio" name={`${ids}-outside`} checked={draft.trackOutside} onChange={() => change({ ...draft, trackOutside: true })} />
              {i18n.t('options.hours.trackOutside')}
            </label>
            <label class="cf-radio">
              <input type="radio" name={`${ids}-outside`} checked={!draft.trackOutside} onChange={() => change({ ...draft, trackOutside: false })} />
              {i18n.t('options.hours.skipOutside')}
            </label>
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
