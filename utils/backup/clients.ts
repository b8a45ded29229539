import * as v from 'valibot';
import { ClientSchema, LIMITS, firstSharedClientChannel, type Client } from '@/utils/settings';
import { isPlainObject } from './checks';
import { importError, shown, type ImportError } from './errors';

/**
 * The clients of an export file, checked strictly: where stored settings drop a bad client and
 * keep the rest (utils/settings/parse.ts), an import is a deliberate act, so a file whose clients
 * are malformed, or that gives one account to two clients, is refused with what is wrong and where.
 */
export type FileClients = { ok: true; clients: Client[] } | { ok: false; error: ImportError };

function invalid(client: number | null, field: string | null, found: string): FileClients {
  return { ok: false, error: importError('client-invalid', { client, field, found }) };
}

export function checkFileClients(value: unknown): FileClients {
  if (!Array.isArray(value)) {
    return { ok: false, error: importError('field-invalid', { row: null, field: 'clients', found: shown(value) }) };
  }
  if (value.length > LIMITS.clients) return invalid(null, 'clients', `${value.length} clients`);
  const clients: Client[] = [];
  for (const [index, entry] of value.entries()) {
    if (!isPlainObject(entry)) return invalid(index + 1, null, shown(entry));
    const parsed = v.safeParse(ClientSchema, entry, { abortEarly: true });
    if (!parsed.success) {
      // The client's own field, also when the fault sits deeper (an account inside `channels`).
      const key = parsed.issues[0].path?.[0]?.key;
      const field = typeof key === 'string' ? key : 'channels';
      return invalid(index + 1, field, shown(entry[field]));
    }
    if (clients.some((client) => client.id === parsed.output.id)) return invalid(index + 1, 'id', shown(parsed.output.id));
    clients.push(parsed.output);
  }
  const shared = firstSharedClientChannel(clients);
  if (shared) {
    return {
      ok: false,
      error: importError('account-in-two-clients', {
        platform: shared.platform, account: shared.account, first: shared.first.name, second: shared.second.name,
      }),
    };
  }
  return { ok: true, clients };
}
