import type { ComponentChildren, JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { LIMITS, type ValidationCode } from '@/utils/settings';
import type { Translate } from '@/utils/options-data';

/** `i18n.t` for keys built at run time (goal texts, error codes); the generated types know only literal keys. */
export const t: Translate = (key, subs) =>
  (i18n.t as unknown as (key: string, subs?: string[]) => string)(key, subs ? [...subs] : undefined);

const CODE_KEYS: Readonly<Record<ValidationCode, { key: string; subs?: readonly (string | number)[] }>> = {
  'name-empty': { key: 'options.error.nameEmpty' },
  'name-duplicate': { key: 'options.error.nameDuplicate' },
  'name-too-long': { key: 'options.error.nameTooLong', subs: [LIMITS.nameMaxLength] },
  'budget-invalid': { key: 'options.error.budgetInvalid' },
  'budget-too-small': { key: 'options.error.budgetTooSmall', subs: [LIMITS.budgetMinutes.min] },
  'budget-too-large': { key: 'options.error.budgetTooLarge', subs: [LIMITS.budgetMinutes.max] },
  'days-empty': { key: 'options.error.daysEmpty' },
  'day-invalid': { key: 'options.error.dayInvalid' },
  'time-invalid': { key: 'options.error.timeInvalid' },
  'time-zone-invalid': { key: 'options.error.timeZoneInvalid' },
  'from-not-before-to': { key: 'options.error.fromNotBeforeTo' },
  'overnight-to-not-before-from': { key: 'options.error.overnightToNotBeforeFrom' },
  'idle-invalid': { key: 'options.error.idleInvalid' },
  'idle-too-small': { key: 'options.error.idleTooSmall', subs: [LIMITS.idleThresholdSeconds.min] },
  'idle-too-large': { key: 'options.error.idleTooLarge', subs: [LIMITS.idleThresholdSeconds.max] },
  'retention-invalid': { key: 'options.error.retentionInvalid' },
  'retention-too-small': { key: 'options.error.retentionTooSmall', subs: [LIMITS.retentionDays.min] },
  'retention-too-large': { key: 'options.error.retentionTooLarge', subs: [LIMITS.retentionDays.max] },
  'notify-invalid': { key: 'options.error.notifyInvalid' },
  'notify-too-small': { key: 'options.error.notifyTooSmall', subs: [LIMITS.notifyAfterMinutes.min] },
  'notify-too-large': { key: 'options.error.notifyTooLarge', subs: [LIMITS.notifyAfterMinutes.max] },
  'host-empty': { key: 'options.error.hostEmpty' },
  'host-invalid': { key: 'options.error.hostInvalid' },
  'host-duplicate': { key: 'options.error.hostDuplicate' },
  'host-built-in': { key: 'options.error.hostBuiltIn' },
  'specialization-not-found': { key: 'options.error.specializationNotFound' },
  'specialization-id-taken': { key: 'options.error.specializationIdTaken' },
  'channel-not-in-focus': { key: 'options.error.channelNotInFocus' },
  // Client edits: the Clients section words them (clientErrorText adds the client in the way).
  'name-taken': { key: 'options.clients.error.nameTaken' },
  'color-invalid': { key: 'options.clients.error.colorInvalid' },
  'client-not-found': { key: 'options.clients.error.clientNotFound' },
  'client-id-taken': { key: 'options.clients.error.clientIdTaken' },
  'too-many-clients': { key: 'options.clients.error.tooMany' },
  'account-has-client': { key: 'options.clients.error.accountHasClient', subs: ['?'] },
  'platform-has-client': { key: 'options.clients.error.platformHasClient', subs: ['?'] },
  'channel-invalid': { key: 'options.clients.error.channelInvalid' },
  'too-many-accounts': { key: 'options.accounts.tooMany', subs: [LIMITS.accountsPerPlatform] },
  'source-invalid': { key: 'options.error.sourceInvalid', subs: [LIMITS.sourceNameMaxLength] },
};

/** The sentence that explains a validation code next to its field. */
export function validationText(code: ValidationCode): string {
  const { key, subs } = CODE_KEYS[code];
  return t(key, subs?.map(String));
}

/** Every key validationText may use, for the locale test. */
export const VALIDATION_MESSAGE_KEYS: readonly string[] = Object.values(CODE_KEYS).map(({ key }) => key);

/** An error under a field: text with a marker, never colour alone; the field points here with aria-describedby. */
export function FieldError({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <p id={id} class="cf-field-error">
      <span aria-hidden="true">⚠ </span>{children}
    </p>
  );
}

/** Ids to join into aria-describedby, skipping the absent ones. */
export function describedBy(...ids: (string | null | undefined | false)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/**
 * What the user typed over a stored value. It lasts while the stored value stays the one it was
 * typed over: once a save (here or in another tab) changes that value, the field shows the new one.
 */
export function useDraft<T>(stored: unknown): [T | null, (draft: T | null) => void] {
  const base = JSON.stringify(stored) ?? 'undefined';
  const [draft, setDraft] = useState<{ value: T; base: string } | null>(null);
  const current = draft && draft.base === base ? draft.value : null;
  return [current, (value) => setDraft(value === null ? null : { value, base })];
}

/** What an <input> takes besides what TextField sets itself; passed on as they are (min, max, step, autocomplete…). */
type InputAttributes = Omit<
  JSX.IntrinsicElements['input'],
  'id' | 'class' | 'className' | 'label' | 'value' | 'onInput' | 'list' | 'ref' | 'aria-invalid' | 'aria-describedby'
>;

export interface TextFieldProps extends InputAttributes {
  label: string;
  value: string;
  /** The field's text on every keystroke. */
  onInput(value: string): void;
  /** Why the value is refused, in words: shown under the field, which is then invalid and points to it. */
  error?: string | null;
  /** The same as a validation code, worded by validationText; `error` wins when both are given. */
  errorCode?: ValidationCode | null;
  /** Read as the field's description, before any error. */
  hint?: string;
  /** What the browser offers while typing (a datalist). */
  suggestions?: readonly string[];
  /** Classes beside `cf-field` on the wrapper. */
  class?: string;
}

/**
 * A labelled input with its hint and error under it: the label names the input, and the input
 * points to the hint and the error with aria-describedby. Other input attributes pass through.
 */
export function TextField({
  label, value, onInput, error, errorCode, hint, suggestions, class: extra, type = 'text', ...input
}: TextFieldProps) {
  const id = useId();
  const message = error ?? (errorCode ? validationText(errorCode) : null);
  return (
    <div class={extra ? `cf-field ${extra}` : 'cf-field'}>
      <label for={`${id}-input`}>{label}</label>
      <input
        {...input}
        id={`${id}-input`}
        type={type}
        value={value}
        list={suggestions ? `${id}-list` : undefined}
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, message && `${id}-error`)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {suggestions && (
        <datalist id={`${id}-list`}>
          {suggestions.map((item) => <option key={item} value={item} />)}
        </datalist>
      )}
      {hint && <p id={`${id}-hint`} class="cf-hint">{hint}</p>}
      {message && <FieldError id={`${id}-error`}>{message}</FieldError>}
    </div>
  );
}

export interface NumberFieldProps {
  label: string;
  value: number | null;
  /** An empty field means "none" and commits null. */
  optional?: boolean;
  min: number;
  max: number;
  hint?: string;
  disabled?: boolean;
  /** The code shown for text that is no whole number. */
  invalidCode: ValidationCode;
  /** Saves the value; returns why it is refused, or null when saved. */
  onCommit(value: number | null): ValidationCode | null;
  class?: string;
}

/**
 * A whole-number field that saves when the user leaves it or presses Enter. A refused value
 * stays in the field with its explanation; nothing is saved until it is valid.
 */
export function NumberField(props: NumberFieldProps) {
  const [draft, setDraft] = useDraft<{ text: string; error: ValidationCode | null }>(props.value);
  const text = draft?.text ?? (props.value === null ? '' : String(props.value));
  const error = draft?.error ?? null;

  const commit = (input: HTMLInputElement) => {
    const typed = input.value.trim();
    let code: ValidationCode | null;
    if (input.validity?.badInput) code = props.invalidCode;
    else if (typed === '') code = props.optional ? props.onCommit(null) : props.invalidCode;
    else {
      const value = Number(typed);
      code = Number.isFinite(value) ? props.onCommit(value) : props.invalidCode;
    }
    setDraft({ text: input.value, error: code });
  };

  return (
    <TextField
      class={props.class}
      label={props.label}
      type="number"
      inputMode="numeric"
      step={1}
      min={props.min}
      max={props.max}
      value={text}
      disabled={props.disabled}
      hint={props.hint}
      errorCode={error}
      onInput={(typed) => setDraft({ text: typed, error })}
      onChange={(event) => commit(event.currentTarget)}
    />
  );
}

/** A checkbox with its label after it; `hint` is read as its description. */
export function Checkbox(props: {
  label: ComponentChildren; checked: boolean; onChange(checked: boolean): void; hint?: string; disabled?: boolean;
}) {
  const id = useId();
  return (
    <div class="cf-check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && <p id={`${id}-hint`} class="cf-hint">{props.hint}</p>}
    </div>
  );
}

/** A section of the page: a landmark with its heading, which the left navigation links to. */
export function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section id={props.id} class="cf-section" aria-labelledby={`${props.id}-title`} tabIndex={-1}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="cf-intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A done or failed action, said next to the control. */
export type Message = { kind: 'done' | 'error'; text: string };

export function MessageLine({ message, id }: { message: Message | null; id?: string }) {
  return (
    <p id={id} class={`cf-status-slot ${message?.kind === 'error' ? 'cf-field-error' : 'cf-done'}`} role="status">
      {message && <><span aria-hidden="true">{message.kind === 'error' ? '⚠ ' : '✓ '}</span>{message.text}</>}
    </p>
  );
}

/**
 * A name edited in place (a specialization's, a client's): what was typed stays until it is saved,
 * refused (the reason under the field) or replaced by a stored change from elsewhere.
 */
export function RenameForm({ current, label, submit, rename }: {
  current: string;
  label: string;
  submit: string;
  /** Tries the new name: why it was refused, or null once it is saved. */
  rename(name: string): string | null;
}) {
  const [draft, setDraft] = useDraft<{ text: string; error: string | null }>(current);
  const name = draft?.text ?? current;
  const error = draft?.error ?? null;
  const save = (event?: Event) => {
    event?.preventDefault();
    if (name.trim() === current) {
      setDraft(null);
      return;
    }
    const refused = rename(name);
    setDraft(refused === null ? null : { text: name, error: refused });
  };
  return (
    <form class="cf-inline-form" onSubmit={save} noValidate>
      <TextField
        label={label}
        value={name}
        error={error}
        onInput={(text) => setDraft({ text, error })}
        onChange={() => save()}
      />
      <button type="submit">{submit}</button>
    </form>
  );
}
