import { describe, expect, it } from 'vitest';
import { clientOf, findClient } from '@/utils/clients/membership';
import type { Client } from '@/utils/settings';

const client = (id: string, channels: Client['channels']): Client => ({ id, name: id, color: '#2f6fde', channels });

/** Acme holds LinkedIn whole and one X account; Beta holds a LinkedIn page, Gamma a forum. */
const settings = {
  clients: [
    client('acme', [{ platform: 'linkedin', accounts: null }, { platform: 'x', accounts: ['acme'] }]),
    client('beta', [{ platform: 'linkedin', accounts: ['company/beta'] }, { platform: 'xing', accounts: ['beta-gmbh'] }]),
    client('gamma', [{ platform: 'custom', accounts: ['forum.example.org'] }]),
  ],
};

const idOf = (platform: Parameters<typeof clientOf>[1]['platform'], account: string | null) =>
  clientOf(settings, { platform, account })?.id ?? null;

describe('clientOf', () => {
  it('an account a client names goes before another client\'s whole platform', () => {
    expect(idOf('linkedin', 'company/beta')).toBe('beta');
    expect(idOf('linkedin', 'company/other')).toBe('acme');
  });

  it('compares accounts without regard to case', () => {
    expect(idOf('linkedin', 'Company/BETA')).toBe('beta');
    expect(idOf('x', 'ACME')).toBe('acme');
  });

  it('account-less pages count only for a client holding the whole platform', () => {
    expect(idOf('linkedin', null)).toBe('acme');
    // Beta lists accounts on XING, but a feed there cannot be told to be Beta's.
    expect(idOf('xing', null)).toBeNull();
    expect(idOf('x', null)).toBeNull();
  });

  it('a custom channel is its host, also when listed in another form', () => {
    expect(idOf('custom', 'forum.example.org')).toBe('gamma');
    expect(idOf('custom', 'FORUM.example.org')).toBe('gamma');
    const listedWithWww = { clients: [client('delta', [{ platform: 'custom', accounts: ['www.Blog.example.org'] }])] };
    expect(clientOf(listedWithWww, { platform: 'custom', account: 'blog.example.org' })?.id).toBe('delta');
    expect(idOf('custom', 'other.example.org')).toBeNull();
  });

  it('no client for channels nobody holds, or without clients', () => {
    expect(idOf('reddit', 'r/acme')).toBeNull();
    expect(clientOf({ clients: [] }, { platform: 'linkedin', account: 'company/beta' })).toBeNull();
  });

  it('an account two clients list (a hand-made file) belongs to the first', () => {
    const twice = { clients: [client('first', [{ platform: 'x', accounts: ['acme'] }]), client('second', [{ platform: 'x', accounts: ['ACME'] }])] };
    expect(clientOf(twice, { platform: 'x', account: 'acme' })?.id).toBe('first');
  });
});

describe('findClient', () => {
  it('finds by id; null or an unknown id finds none', () => {
    expect(findClient(settings, 'beta')?.channels).toEqual(settings.clients[1]?.channels);
    expect(findClient(settings, null)).toBeNull();
    expect(findClient(settings, 'ghost')).toBeNull();
  });
});
