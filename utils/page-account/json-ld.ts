import { textClue } from './clue-url';

/**
 * JSON-LD (`<script type="application/ld+json">`): the `author` of the page's main entities, as
 * LinkedIn, Threads and Instagram write it on public post pages:
 *
 *   {"@type": "SocialMediaPosting", "url": "…/post/…", "author": {"@type": "Person", "url": "…"}}
 *
 * Read defensively: the text is the page's, so any script may be malformed, huge or odd in shape.
 * Nothing here throws; what cannot be read is skipped. Only the top level, `@graph` members and
 * their `mainEntity` count: the authors of comments nested deeper are somebody else.
 */

export interface JsonLdAuthors {
  /** The entity's own address (its `url`, else its `@id`), when it states one. */
  nodeUrl: string | null;
  /** Its authors' addresses, in the order written. */
  authorUrls: string[];
}

/** Scripts read per page, characters parsed per script, entities and authors looked at. */
const MAX_SCRIPTS = 10;
export const MAX_JSON_LD_CHARS = 200_000;
const MAX_NODES = 50;
const MAX_AUTHORS = 3;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property: never one inherited from `Object.prototype`. */
function field(node: JsonObject, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function isJsonLdScript(script: Element): boolean {
  const type = script.getAttribute('type') ?? '';
  return type.split(';')[0]!.trim().toLowerCase() === 'application/ld+json';
}

function parse(text: string): unknown {
  if (text.length > MAX_JSON_LD_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Top-level entities, `@graph` members, and the `mainEntity` of each. */
function mainEntities(root: unknown): JsonObject[] {
  const nodes: JsonObject[] = [];
  const add = (value: unknown) => {
    for (const entry of list(value)) if (isObject(entry) && nodes.length < MAX_NODES) nodes.push(entry);
  };
  for (const entry of list(root)) {
    add(entry);
    if (isObject(entry)) add(field(entry, '@graph'));
  }
  for (const node of [...nodes]) add(field(node, 'mainEntity'));
  return nodes;
}

/** The address an entity states for itself: `url`, else `@id`, else `mainEntityOfPage`. */
function addressOf(value: unknown, page: URL): string | null {
  if (!isObject(value)) return textClue(value, page);
  for (const key of ['url', '@id', 'mainEntityOfPage']) {
    for (const entry of list(field(value, key))) {
      const address = isObject(entry) ? textClue(field(entry, '@id'), page) : textClue(entry, page);
      if (address !== null) return address;
    }
  }
  return null;
}

export function readJsonLdAuthors(doc: Document, page: URL): JsonLdAuthors[] {
  const result: JsonLdAuthors[] = [];
  const scripts = [...doc.querySelectorAll('script[type]')].filter(isJsonLdScript).slice(0, MAX_SCRIPTS);
  for (const script of scripts) {
    for (const node of mainEntities(parse(script.textContent ?? ''))) {
      const authors = list(field(node, 'author')).slice(0, MAX_AUTHORS);
      const authorUrls = authors.map((author) => addressOf(author, page)).filter((url) => url !== null);
      if (authorUrls.length > 0) result.push({ nodeUrl: addressOf(node, page), authorUrls });
    }
  }
  return result;
}
