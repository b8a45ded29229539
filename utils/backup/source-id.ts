// What a source (device) id may be. A file of its own with no imports: the message protocol checks
// ids with it, and the content script, which carries the protocol, must not load the catalog.

/** Names that must never become object keys (prototype pollution), nor ids used as keys. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const SOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A source id: 1 to 64 letters, digits, `-` or `_` (a UUID fits). */
export function isValidSourceId(value: string): boolean {
  return SOURCE_ID.test(value) && !FORBIDDEN_KEYS.has(value);
}
