import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PlatformId } from '@/utils/platforms/types';
import {
  assignToClient, createClient, deleteClient, findSpecialization, LIMITS, setSpecializationClient, setWeeklyReminder,
  type Client, type EditError, type EditResult, type Settings,
} from '@/utils/settings';
import { ClientCard } from './ClientsCard';
import { CLIENT_COLOR_PRESETS, ClientColorPicker } from './ClientsColor';
import { channelsOf, clientErrorText } from './ClientsText';
import { Checkbox, FieldError, MessageLine, Section, TextField, type Message } from './fields';
import { useNotificationSwitch } from './Flags';
import { UNDO_MS } from './Specializations';

const newId = () => crypto.randomUUID();

/** A deleted client, with what pointed to it, for "Undo". */
interface RemovedClient {
  client: Client;
  index: number;
  specializationIds: string[];
}

/**
 * Puts a deleted client back: the same id, name and colour, its channels, its specializations,
 * and its place in the list. Built from the ordinary edits, so whatever changed meanwhile (a name
 * taken, an account given to another client) refuses the undo with the usual explanation
 * instead of breaking the rule that a channel belongs to one client.
 */
function restoreClient(settings: Settings, removed: RemovedClient): EditResult {
  const { client } = removed;
  const created = createClient(settings, client.name, client.color, () => client.id);
  if (!created.ok) return created;
  let next = created.settings;
  for (const channel of channelsOf(client)) {
    const step = assignToClient(next, client.id, channel);
    if (!step.ok) return step;
    next = step.settings;
  }
  for (const specId of removed.specializationIds) {
    // A specialization deleted or given to another client meanwhile stays as it is now.
    if (findSpecialization(next, specId)?.clientId !== null) continue;
    const step = setSpecializationClient(next, specId, client.id);
    if (step.ok) next = step.settings;
  }
  const clients = next.clients.filter((item) => item.id !== client.id);
  clients.splice(Math.min(removed.index, clients.length), 0, next.clients.find((item) => item.id === client.id)!);
  return { ok: true, settings: { ...next, clients } };
}

/** The first preset no client wears yet, so that a new client stands apart without a choice. */
function freeColor(settings: Settings): string {
  const used = new Set(settings.clients.map((client) => client.color.toLowerCase()));
  return (CLIENT_COLOR_PRESETS.find((preset) => !used.has(preset.value)) ?? CLIENT_COLOR_PRESETS[0]).value;
}

/** Clients of an agency: which accounts and platforms are whose, and which focus is for whom. */
export function Clients(props: {
  settings: Settings;
  save(next: Settings): void;
  /** The newest settings, for the reminder that saves after the permission prompt. */
  current(): Settings;
  seenAccounts: Partial<Record<PlatformId, string[]>>;
}) {
  const { settings, save } = props;
  const ids = useId();
  const [newName, setNewName] = useState('');
  const [chosenColor, setChosenColor] = useState<string | null>(null);
  const newColor = chosenColor ?? freeColor(settings);
  const [createError, setCreateError] = useState<EditError | null>(null);
  const [created, setCreated] = useState<Message | null>(null);
  const [undo, setUndo] = useState<{ removed: RemovedClient; error: string | null } | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const reminder = useNotificationSwitch(
    () => {
      const result = setWeeklyReminder(props.current(), true);
      if (result.ok) save(result.settings);
    },
    () => {
      const result = setWeeklyReminder(settings, false);
      if (result.ok) save(result.settings);
    },
  );

  const create = (event: Event) => {
    event.preventDefault();
    const result = createClient(settings, newName, newColor, newId);
    if (!result.ok) {
      setCreateError(result);
      setCreated(null);
      return;
    }
    setCreateError(null);
    setCreated({ kind: 'done', text: i18n.t('options.clients.created', [newName.trim()]) });
    setNewName('');
    setChosenColor(null);
    save(result.settings);
  };

  const remove = (client: Client) => {
    const result = deleteClient(settings, client.id);
    if (!result.ok) return;
    save(result.settings);
    setUndo({
      removed: {
        client,
        index: settings.clients.findIndex((item) => item.id === client.id),
        specializationIds: settings.specializations.filter((spec) => spec.clientId === client.id).map((spec) => spec.id),
      },
      error: null,
    });
    setCreated(null);
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
  };

  const restore = () => {
    if (!undo) return;
    const result = restoreClient(settings, undo.removed);
    if (!result.ok) {
      setUndo({ ...undo, error: clientErrorText(settings, result) });
      return;
    }
    clearTimeout(undoTimer.current);
    setUndo(null);
    save(result.settings);
  };

  const createErrorText = createError ? clientErrorText(settings, createError) : null;
  const colorProblem = createError?.code === 'color-invalid';

  return (
    <Section id="clients" title={i18n.t('options.clients.title')} intro={i18n.t('options.clients.intro')}>
      <div class="cf-status-slot" aria-live="polite">
        {undo && (
          <div class="cf-undo">
            <p>{i18n.t('options.clients.deleted', [undo.removed.client.name])}</p>
            <button type="button" onClick={restore} aria-describedby={undo.error ? `${ids}-undo-error` : undefined}>
              {i18n.t('options.clients.undo')}
            </button>
            {undo.error && <FieldError id={`${ids}-undo-error`}>{undo.error}</FieldError>}
          </div>
        )}
      </div>

      <form class="cf-client-new" onSubmit={create} noValidate>
        <TextField
          label={i18n.t('options.clients.newName')}
          value={newName}
          maxLength={LIMITS.nameMaxLength + 20}
          error={colorProblem ? null : createErrorText}
          onInput={setNewName}
        />
        <ClientColorPicker legend={i18n.t('options.clients.newColor')} value={newColor} onChange={setChosenColor} errorId={colorProblem ? `${ids}-color-error` : undefined} />
        {colorProblem && <FieldError id={`${ids}-color-error`}>{createErrorText}</FieldError>}
        <button type="submit">{i18n.t('options.clients.create')}</button>
        <MessageLine message={created} />
      </form>

      {settings.clients.length === 0
        ? <p class="cf-hint">{i18n.t('options.clients.empty')}</p>
        : (
          <ul class="cf-client-list" aria-label={i18n.t('options.clients.title')}>
            {settings.clients.map((client) => (
              <ClientCard
                key={client.id}
                settings={settings}
                client={client}
                save={save}
                seenAccounts={props.seenAccounts}
                onDelete={() => remove(client)}
              />
            ))}
          </ul>
        )}

      <Checkbox
        label={i18n.t('options.clients.reminder')}
        hint={i18n.t('options.clients.reminderHint')}
        checked={settings.reports.weeklyReminder}
        onChange={reminder.turn}
      />
      <p class="cf-status-slot" role="status">{reminder.denied && i18n.t('alerts.permissionDenied')}</p>
    </Section>
  );
}
