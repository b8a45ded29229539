/**
 * The name of the panel's host element in the page. Neutral (not the product's) and different in
 * every browser profile, so a page cannot look for us by name; stable in one profile, so a newer
 * copy of the content script can find and remove the element an older copy left behind.
 */

/** Reserved by the HTML standard; ours never takes this shape (five letters, then six), checked anyway. */
const RESERVED = new Set(['annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph']);

/** A valid custom element name from 11 bytes or more: lower-case letters, one hyphen (`kqzmt-vbrhpe`). */
export function panelHostName(bytes: Uint8Array): string {
  if (bytes.length < 11) throw new RangeError('panelHostName needs 11 bytes');
  const letters = Array.from(bytes.subarray(0, 11), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
  const name = `${letters.slice(0, 5)}-${letters.slice(5)}`;
  return RESERVED.has(name) ? `x${name}` : name;
}

/** True for the names panelHostName makes: what the content script accepts from a view. */
export function isPanelHostName(name: unknown): name is string {
  return typeof name === 'string' && /^[a-z]{5,6}-[a-z]{6}$/.test(name);
}
