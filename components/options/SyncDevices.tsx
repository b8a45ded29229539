import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { saveSourceName, type SaveSettings } from '@/components/source-names';
import { formatDate, formatTime } from '@/utils/format';
import type { Settings } from '@/utils/settings';
import type { DeviceUsage } from '@/utils/sync/usage-encoding';
import { localDate } from '@/utils/time-zone';
import { MessageLine, type Message } from './fields';
import { removeDevice } from './options-store';
import { browserTimeZone } from './Specializations';

/** An instant in words: the time alone today, else the day and the time. */
export function atText(at: number, locale: string, now = Date.now()): string {
  const zone = browserTimeZone();
  const time = formatTime(at, locale, zone);
  return localDate(at, zone) === localDate(now, zone) ? time : `${formatDate(at, locale, zone, 'medium')}, ${time}`;
}

/** What a device is called: the user's name for it, else "This device" or a short form of its id. */
function deviceName(id: string | null, own: boolean, names: Readonly<Record<string, string>>): string {
  const given = id !== null && Object.hasOwn(names, id) ? names[id] : undefined;
  if (given) return given;
  return own ? i18n.t('options.sync.thisDevice') : i18n.t('options.sync.otherDevice', [(id ?? '').slice(0, 8)]);
}

export interface SyncDevicesProps {
  /** This device's id; null until the background has told it. */
  ownId: string | null;
  ownPublishedAt: number | null;
  devices: Readonly<Record<string, DeviceUsage>>;
  settings: Settings;
  current(): Settings;
  save: SaveSettings;
}

/** This device first, then every other device sync brought: each with a name to edit; others can be taken out of the view. */
export function SyncDevices(props: SyncDevicesProps) {
  const ids = useId();
  const locale = i18n.t('langCode');
  const names = props.settings.sourceNames;
  const heading = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const others = Object.entries(props.devices)
    .filter(([id]) => id !== props.ownId)
    .sort(([, a], [, b]) => b.publishedAt - a.publishedAt);
  const rename = (id: string, name: string) => saveSourceName(props.current(), id, name, props.save);

  const remove = async (id: string, name: string) => {
    setMessage(null);
    try {
      await removeDevice(id);
      setMessage({ kind: 'done', text: i18n.t('options.sync.removed', [name]) });
    } catch (failure) {
      setMessage({ kind: 'error', text: i18n.t('options.sync.removeFailed', [failure instanceof Error ? failure.message : String(failure)]) });
    }
    // Its row is gone: the keyboard user goes on from the list's heading.
    heading.current?.focus();
  };

  const ownName = deviceName(props.ownId, true, names);
  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} ref={heading} tabIndex={-1}>{i18n.t('options.sync.devicesTitle')}</h3>
      <p class="cf-hint">{i18n.t('options.sync.devicesHint')}</p>
      <ul class="cf-device-list">
        <li>
          <DeviceName
            id={props.ownId} name={ownName} names={names} own onRename={rename}
            label={ownName === i18n.t('options.sync.thisDevice') ? ownName : i18n.t('options.sync.thisDeviceNamed', [ownName])}
          />
          <span class="cf-hint">{props.ownPublishedAt === null
            ? i18n.t('options.sync.notPublished')
            : i18n.t('options.sync.publishedAt', [atText(props.ownPublishedAt, locale)])}</span>
        </li>
        {others.map(([id, device]) => {
          const name = deviceName(id, false, names);
          return (
            <li key={id}>
              <DeviceName id={id} name={name} label={name} names={names} own={false} onRename={rename} />
              <span class="cf-hint">{i18n.t('options.sync.publishedAt', [atText(device.publishedAt, locale)])}</span>
              <RemoveDevice name={name} onRemove={() => remove(id, name)} />
            </li>
          );
        })}
      </ul>
      {others.length === 0 && <p>{i18n.t('options.sync.noOtherDevices')}</p>}
      <MessageLine message={message} />
    </div>
  );
}

interface DeviceNameProps {
  id: string | null;
  /** The name in use (the user's, or the default). */
  name: string;
  /** What the row shows: for this device, the name with "this device" beside it. */
  label: string;
  names: Readonly<Record<string, string>>;
  own: boolean;
  onRename(id: string, name: string): Promise<string | null>;
}

/** A device's name, and a button that turns it into a text field: Enter or leaving saves, Escape cancels. */
function DeviceName({ id, name, label, names, own, onRename }: DeviceNameProps) {
  const ids = useId();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const given = id !== null && Object.hasOwn(names, id) ? names[id] ?? '' : '';
  // Enter saves; the blur that follows when the field goes away must not save again.
  const busy = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(false);
  useLayoutEffect(() => {
    // The user just asked to edit the name: the field takes the focus the button had; back on
    // the button when the field closes, so the keyboard user stays in place.
    if (editing) field.current?.focus();
    else if (wasEditing.current) button.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const close = () => {
    busy.current = true;
    setError(null);
    setEditing(false);
  };
  const commit = async (value: string) => {
    if (busy.current || id === null) return;
    if (value.trim() === given) return close();
    busy.current = true;
    const problem = await onRename(id, value);
    busy.current = false;
    if (problem === null) close();
    else setError(problem);
  };

  if (!editing) {
    return (
      <span class="cf-device-name">
        <strong>{label}</strong>{' '}
        <button
          ref={button} type="button" class="cf-small" disabled={id === null}
          aria-label={i18n.t('options.sync.renameLabel', [name])}
          onClick={() => {
            busy.current = false;
            setEditing(true);
          }}
        >
          {i18n.t('options.sync.rename')}
        </button>
      </span>
    );
  }
  return (
    <span class="cf-device-name">
      <input
        ref={field} type="text" defaultValue={given} placeholder={deviceName(id, own, {})}
        aria-label={i18n.t('options.sync.nameFor', [name])}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${ids}-error` : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit(event.currentTarget.value);
          if (event.key === 'Escape') close();
        }}
        onBlur={(event) => void commit(event.currentTarget.value)}
      />
      {error && <span id={`${ids}-error`} class="cf-field-error" role="alert">{error}</span>}
    </span>
  );
}

/** "Remove <name> from this view", then a question that says it comes back if that device syncs again. */
function RemoveDevice({ name, onRemove }: { name: string; onRemove(): Promise<void> }) {
  const ids = useId();
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useLayoutEffect(() => {
    if (asking) first.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={opener} type="button" class="cf-small cf-danger" onClick={() => setAsking(true)}>
        {i18n.t('options.sync.remove', [name])}
      </button>
    );
  }
  return (
    <div class="cf-undo" role="group" aria-labelledby={`${ids}-question`}>
      <p id={`${ids}-question`}>{i18n.t('options.sync.removeQuestion', [name])}</p>
      <button ref={first} type="button" class="cf-small cf-danger" onClick={() => void onRemove()}>
        {i18n.t('options.sync.removeConfirm')}
      </button>
      <button type="button" class="cf-small" onClick={() => setAsking(false)}>{i18n.t('options.sync.removeCancel')}</button>
    </div>
  );
}
