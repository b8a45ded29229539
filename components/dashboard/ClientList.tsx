import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ClientSwatch, clientName } from '@/components/report/names';
import type { ClientGroup } from '@/utils/report/build';
import { formatDuration } from '@/utils/format';
import { channelRowLabel } from './labels';

function ClientItem({ group, locale }: { group: ClientGroup; locale: string }) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const name = clientName(group);
  const expandable = group.channels.length > 0;
  return (
    <li class="cf-channel">
      <div class="cf-row">
        <ClientSwatch client={group.client} />
        {expandable ? (
          <button type="button" class="cf-expand" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(!expanded)}>
            <span class="cf-chevron" aria-hidden="true" />
            {name}
          </button>
        ) : (
          <span class="cf-name">{name}</span>
        )}
        <span class="cf-time">{formatDuration(group.totalMs, locale)}</span>
      </div>
      {expandable && (
        <ul id={listId} class="cf-accounts" hidden={!expanded}>
          {expanded && group.channels.map((row) => (
            <li key={row.key} class="cf-account">
              <div class="cf-row">
                <span class="cf-name">{channelRowLabel(row)}</span>
                <span class="cf-time">{formatDuration(row.totalMs, locale)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Today's time per client (the group without a client last), each opening onto its channels. */
export function ClientList({ clients, locale }: { clients: readonly ClientGroup[]; locale: string }) {
  return (
    <ol class="cf-channels">
      {clients.map((group) => <ClientItem key={group.key} group={group} locale={locale} />)}
    </ol>
  );
}
