import { i18n } from '#i18n';
import type { Client } from '@/utils/settings/model';
import './names.css';

/** A client's name, or the words for the group of channels without one. */
export function clientName(group: { client: Client | null }): string {
  return group.client?.name ?? i18n.t('report.clients.noClient');
}

/** The client's colour beside its name: decoration, the name is always written. */
export function ClientSwatch({ client }: { client: Client | null }) {
  return client
    ? <span class="cf-client-swatch" style={{ backgroundColor: client.color }} aria-hidden="true" />
    : <span class="cf-client-swatch cf-swatch-none" aria-hidden="true" />;
}

/** The name a source column shows: the user's, "This browser" for the own one, else a short id. */
export function sourceName(id: string, own: boolean, names: Readonly<Record<string, string>>): string {
  const given = Object.hasOwn(names, id) ? names[id] : undefined;
  if (given) return given;
  return own ? i18n.t('report.sources.thisBrowser') : i18n.t('report.sources.otherBrowser', [id.slice(0, 8)]);
}
