/**
 * Fixture documents for the page readers: whole pages parsed as the browser parses a response
 * (scripts inert), so head and body markup sit where the real sites put them. Needs the
 * happy-dom environment (`// @vitest-environment happy-dom`).
 */
export function pageDocument(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

/** A JSON-LD script element with `value` serialised (or the text as given, for broken scripts). */
export function jsonLd(value: unknown, type = 'application/ld+json'): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `<script type="${type}">${text}</script>`;
}
