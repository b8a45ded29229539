import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { findClient } from '@/utils/clients/membership';
import type { PlatformId } from '@/utils/platforms/types';
import {
  recolorClient, renameClient, setSpecializationClient, unassignFromClient,
  type Client, type EditResult, type Settings,
} from '@/utils/settings';
import { ClientChannelPicker } from './ClientsAssign';
import { ClientColorPicker, ClientSwatch } from './ClientsColor';
import { channelsOf, clientChannelLabel, clientErrorText } from './ClientsText';
import { FieldError, RenameForm } from './fields';

/** One client: its name, colour, channels, the specializations for it, and deleting it. */
export function ClientCard(props: {
  settings: Settings;
  client: Client;
  save(next: Settings): void;
  seenAccounts: Partial<Record<PlatformId, string[]>>;
  onDelete(): void;
}) {
  const { settings, client, save } = props;
  const ids = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);

  /** Saves an edit, or says next to the card's controls why it was refused. */
  const apply = (result: EditResult) => {
    if (!result.ok) {
      setProblem(clientErrorText(settings, result));
      return;
    }
    setProblem(null);
    save(result.settings);
  };

  const rename = (name: string): string | null => {
    const result = renameClient(settings, client.id, name);
    if (!result.ok) return clientErrorText(settings, result);
    save(result.settings);
    return null;
  };

  const channels = channelsOf(client);

  return (
    <li>
      <article class="cf-card cf-client" aria-labelledby={`${ids}-heading`}>
        <h3 id={`${ids}-heading`}>
          <ClientSwatch color={client.color} />
          {client.name}
        </h3>
        <RenameForm current={client.name} label={i18n.t('options.clients.name')} submit={i18n.t('options.clients.rename')} rename={rename} />

        <ClientColorPicker legend={i18n.t('options.clients.color')} value={client.color} onChange={(color) => apply(recolorClient(settings, client.id, color))} />

        <h4 id={`${ids}-channels`}>{i18n.t('options.clients.channels')}</h4>
        {channels.length === 0
          ? <p class="cf-hint">{i18n.t('options.clients.noChannels')}</p>
          : (
            <ul class="cf-chips" aria-labelledby={`${ids}-channels`}>
              {channels.map((channel) => {
                const label = clientChannelLabel(channel);
                return (
                  <li key={`${channel.platform}:${channel.account ?? ''}`}>
                    <span>{label}</span>
                    <button
                      type="button"
                      class="cf-small"
                      aria-label={i18n.t('options.clients.removeChannel', [label, client.name])}
                      onClick={() => apply(unassignFromClient(settings, client.id, channel))}
                    >
                      {i18n.t('options.clients.remove')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}

        <button
          type="button"
          aria-expanded={picking}
          aria-controls={picking ? `${ids}-picker` : undefined}
          onClick={() => setPicking(!picking)}
        >
          {i18n.t('options.clients.addChannels', [client.name])}
        </button>
        {picking && (
          <div id={`${ids}-picker`}>
            <ClientChannelPicker settings={settings} client={client} seenAccounts={props.seenAccounts} apply={apply} />
          </div>
        )}

        <ClientFocus settings={settings} client={client} apply={apply} />

        <div class="cf-status-slot" role="status">
          {problem && <FieldError id={`${ids}-problem`}>{problem}</FieldError>}
        </div>

        <div class="cf-actions">
          <button type="button" class="cf-danger" onClick={props.onDelete}>
            {i18n.t('options.clients.delete')}<span class="cf-sr"> {client.name}</span>
          </button>
        </div>
      </article>
    </li>
  );
}

/**
 * The specializations for this client. They are chosen here rather than in the specialization
 * editor because an agency thinks from the client ("what do we focus on for Acme?"), and a
 * client may have several: so a checkbox per specialization, not a single select. Ticking one
 * that is another client's moves it to this one (a specialization is for one client at most).
 */
function ClientFocus(props: { settings: Settings; client: Client; apply(result: EditResult): void }) {
  const { settings, client } = props;
  const ids = useId();
  if (settings.specializations.length === 0) {
    return <p class="cf-hint">{i18n.t('options.clients.noSpecializations')}</p>;
  }
  return (
    <fieldset class="cf-group" aria-describedby={`${ids}-hint`}>
      <legend>{i18n.t('options.clients.focus')}</legend>
      <p id={`${ids}-hint`} class="cf-hint">{i18n.t('options.clients.focusHint')}</p>
      {settings.specializations.map((spec, index) => {
        const other = spec.clientId !== client.id ? findClient(settings, spec.clientId) : null;
        return (
          <div class="cf-check" key={spec.id}>
            <input
              id={`${ids}-${index}`}
              type="checkbox"
              checked={spec.clientId === client.id}
              aria-describedby={other ? `${ids}-${index}-other` : undefined}
              onChange={(event) => props.apply(setSpecializationClient(settings, spec.id, event.currentTarget.checked ? client.id : null))}
            />
            <label for={`${ids}-${index}`}>{spec.name}</label>
            {other && <p id={`${ids}-${index}-other`} class="cf-hint">{i18n.t('options.clients.focusOther', [other.name])}</p>}
          </div>
        );
      })}
    </fieldset>
  );
}
