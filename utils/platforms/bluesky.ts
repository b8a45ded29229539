import { handle, isHostName, lowerSegments, onSubdomain } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const HOSTS = ['bsky.app'] as const;
const APP_HOSTS = new Set(['', 'www']);
const DID = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]+)$/;

function profile(value: string | undefined): string | null {
  if (value === undefined) return null;
  const name = value.startsWith('@') ? value.slice(1) : value;
  if (name.startsWith('did:')) return handle(name, DID);
  return isHostName(name) ? name : null;
}

function account(url: URL): AccountFromUrl {
  if (!onSubdomain(url, HOSTS, APP_HOSTS)) return null;
  const [first, second] = lowerSegments(url);
  // `/profile/<handle>`, `/profile/<handle>/post/<id>`, `/profile/<did>`; handles are domain names.
  return first === 'profile' ? profile(second) : null;
}

export const bluesky: PlatformDefinition = {
  id: 'bluesky',
  name: 'Bluesky',
  hosts: HOSTS,
  excludedHosts: ['docs.bsky.app'],
  account,
  accountFormats: ['<handle>', 'did:plc:<id>'],
  accountLabel: (name) => (name.startsWith('did:') ? name : `@${name}`),
};
