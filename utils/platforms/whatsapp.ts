import { onSubdomain, pathSegments } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const HOSTS = ['whatsapp.com'] as const;
const APP_HOSTS = new Set(['', 'www']);
// Channel ids are case-sensitive: kept as written.
const CHANNEL_ID = /^[A-Za-z0-9]{10,40}$/;

function account(url: URL): AccountFromUrl {
  // web.whatsapp.com keeps chats out of the URL, and a chat is a person, not an account to manage.
  if (!onSubdomain(url, HOSTS, APP_HOSTS)) return null;
  const [section, id] = pathSegments(url);
  // WhatsApp Channels: `whatsapp.com/channel/<id>`.
  return section?.toLowerCase() === 'channel' && id !== undefined && CHANNEL_ID.test(id) ? `channel/${id}` : null;
}

export const whatsapp: PlatformDefinition = {
  id: 'whatsapp',
  name: 'WhatsApp',
  // wa.me is left out: it only redirects to api.whatsapp.com, and names a phone number.
  hosts: HOSTS,
  account,
  accountFormats: ['channel/<channel id>'],
};
