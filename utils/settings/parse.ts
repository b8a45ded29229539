import * as v from 'valibot';
import { migrateSettings } from './migrations';
import type { Settings } from './model';
import { SettingsSchema } from './schema';

export type ParseResult = { ok: true; settings: Settings } | { ok: false; error: string };

const MAX_ERROR_LENGTH = 200;

/**
 * Validates stored or imported settings, migrating older versions first. Never throws; the error
 * names the first offending field. Keys `__proto__`, `constructor` and `prototype` inside records
 * are dropped, and unknown keys in objects are not copied, so nothing reaches a prototype.
 */
export function parseSettings(value: unknown): ParseResult {
  try {
    const migrated = migrateSettings(value);
    if (!migrated.ok) return migrated;
    const result = v.safeParse(SettingsSchema, migrated.value);
    if (result.success) return { ok: true, settings: result.output };
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    const message = `settings${path ? `.${path}` : ''}: ${issue.message}`;
    return {
      ok: false,
      error: message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message,
    };
  } catch {
    // Getters or proxies in a hostile value can throw while being read.
    return { ok: false, error: 'settings: unreadable value' };
  }
}
