import { useId, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Channel } from '@/utils/channels';
import { PLATFORM_LIST } from '@/utils/platforms';
import type { PlatformId } from '@/utils/platforms/types';
import { assignToClient, clientHolding, moveToClient, type Client, type EditResult, type Settings } from '@/utils/settings';
import { clientChannelLabel } from './ClientsText';
import { TextField } from './fields';

/** Rows shown at once: enough to scan, few enough that the search stays the way to find one. */
const SHOWN = 20;

/** The client that names this channel itself: lists the account, or (account null) holds the whole platform. */
const ownerOf = (settings: Settings, channel: Channel) => clientHolding(settings.clients, channel.platform, channel.account);

interface Candidate {
  channel: Channel;
  label: string;
  /** Lower-case text the search matches: the label and the bare account. */
  haystack: string;
}

/**
 * Seen accounts first (what an agency searches for), then the user's custom channels, then every
 * built-in platform as a whole.
 */
function candidates(seen: Partial<Record<PlatformId, string[]>>, customHosts: readonly string[]): Candidate[] {
  const accounts: Channel[] = PLATFORM_LIST.flatMap((platform) => (seen[platform.id] ?? []).map((account) => ({ platform: platform.id, account })));
  const custom: Channel[] = customHosts.map((host) => ({ platform: 'custom', account: host }));
  const platforms: Channel[] = PLATFORM_LIST.map((platform) => ({ platform: platform.id, account: null }));
  return [...accounts, ...custom, ...platforms].map((channel) => {
    const label = clientChannelLabel(channel);
    return { channel, label, haystack: `${label} ${channel.account ?? ''}`.toLowerCase() };
  });
}

/**
 * Adds channels to one client: a search over the accounts seen in the history and the whole
 * platforms. A channel that another client names offers "Move to" instead of "Assign".
 */
export function ClientChannelPicker(props: {
  settings: Settings;
  client: Client;
  seenAccounts: Partial<Record<PlatformId, string[]>>;
  apply(result: EditResult): void;
}) {
  const { settings, client } = props;
  const ids = useId();
  const [query, setQuery] = useState('');
  const customHosts = settings.customHosts.filter((entry) => entry.platform === 'custom').map((entry) => entry.host);
  const all = useMemo(() => candidates(props.seenAccounts, customHosts), [props.seenAccounts, customHosts.join(' ')]);
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);

  const rows = all.flatMap((candidate) => {
    if (!words.every((word) => candidate.haystack.includes(word))) return [];
    const owner = ownerOf(settings, candidate.channel);
    // What this client has already is listed in its card, not offered again.
    if (owner?.id === client.id) return [];
    const whole = owner === null && candidate.channel.account !== null
      ? ownerOf(settings, { platform: candidate.channel.platform, account: null })
      : null;
    if (whole?.id === client.id) return [];
    return [{ ...candidate, owner, whole }];
  });
  const shown = rows.slice(0, SHOWN);

  return (
    <div class="cf-client-picker">
      <TextField
        label={i18n.t('options.clients.search')}
        type="search"
        value={query}
        autocomplete="off"
        hint={i18n.t('options.clients.searchHint')}
        aria-controls={`${ids}-list`}
        onInput={setQuery}
      />
      <p class="cf-hint" role="status">
        {rows.length === 0 && words.length > 0
          ? i18n.t('options.clients.noMatch', [query.trim()])
          : i18n.t('options.clients.matches', [String(shown.length)])}
        {rows.length > shown.length && ` ${i18n.t('options.clients.more', [String(rows.length - shown.length)])}`}
      </p>
      <ul id={`${ids}-list`} class="cf-client-candidates">
        {shown.map(({ channel, label, owner, whole }) => (
          <li key={`${channel.platform}:${channel.account ?? ''}`}>
            <span class="cf-host">{label}</span>
            {owner && <span class="cf-hint">{i18n.t('options.clients.withClient', [owner.name])}</span>}
            {whole && <span class="cf-hint">{i18n.t('options.clients.wholeWith', [whole.name])}</span>}
            <button
              type="button"
              class="cf-small"
              onClick={() => props.apply(owner
                ? moveToClient(settings, client.id, channel)
                : assignToClient(settings, client.id, channel))}
            >
              {owner ? i18n.t('options.clients.move', [client.name]) : i18n.t('options.clients.assign', [client.name])}
              <span class="cf-sr"> – {label}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
