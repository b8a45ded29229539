import { SYNC_QUOTA, itemBytes, settingsPartKey, settingsPieceKey } from './layout';

// A settings part too large for one item: its JSON text cut into pieces that each fit one.

/** The envelope of a part in `s:<part>`: the value itself, or the number of pieces it was cut into. */
export interface PartEnvelope {
  /** Format of the sync items; a reader ignores a higher one. */
  v: 1;
  /** When the part was changed (epoch ms): last writer wins. */
  at: number;
  /** The device that changed it: breaks ties of `at` the same way on every device. */
  by: string;
  /** SETTINGS_VERSION of the writer. */
  sv: number;
  value?: unknown;
  /** Set instead of value: the JSON of the value continues in `s:<part>#0..n-1`. */
  n?: number;
}

/** One piece: `at` and `by` tie it to its envelope, so pieces of another write are never joined. */
interface PartPiece {
  at: number;
  by: string;
  s: string;
}

/** What a character costs inside a JSON string: escapes for quotes, backslashes and controls. */
function escapedCost(char: string): number {
  if (char === '"' || char === '\\') return 2;
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return (JSON.stringify(char) ?? '').length - 2;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 6; // a lone surrogate is written as \uXXXX
  return code < 0x10000 ? 3 : 4;
}

/** Cuts text so that each piece's JSON string costs at most `capacity` bytes; never inside a code point. */
function cutText(text: string, capacity: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let cost = 0;
  for (const char of text) {
    const charCost = escapedCost(char);
    if (cost + charCost > capacity && current !== '') {
      pieces.push(current);
      current = '';
      cost = 0;
    }
    current += char;
    cost += charCost;
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** The items of one part: a single item when it fits, else an envelope with `n` and its pieces. */
export function partItems(part: string, envelope: Omit<PartEnvelope, 'value' | 'n'>, value: unknown): Record<string, unknown> {
  const whole: PartEnvelope = { ...envelope, value };
  const key = settingsPartKey(part);
  if (itemBytes(key, whole) <= SYNC_QUOTA.bytesPerItem) return { [key]: whole };
  // Reserve the longest piece key this could need, so every piece fits whatever its index.
  const capacity = SYNC_QUOTA.bytesPerItem - itemBytes(settingsPieceKey(part, 9999), { at: envelope.at, by: envelope.by, s: '' });
  const texts = cutText(JSON.stringify(value), capacity);
  const items: Record<string, unknown> = { [key]: { ...envelope, n: texts.length } satisfies PartEnvelope };
  texts.forEach((s, index) => {
    items[settingsPieceKey(part, index)] = { at: envelope.at, by: envelope.by, s } satisfies PartPiece;
  });
  return items;
}

export type JoinResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** The value of a split part, from pieces that all belong to the envelope's write. */
export function joinPieces(part: string, envelope: { at: number; by: string; n: number }, items: Readonly<Record<string, unknown>>): JoinResult {
  let text = '';
  for (let index = 0; index < envelope.n; index++) {
    const key = settingsPieceKey(part, index);
    const piece = Object.hasOwn(items, key) ? items[key] : undefined;
    if (!isPiece(piece) || piece.at !== envelope.at || piece.by !== envelope.by) {
      // Items travel one by one: the other pieces may simply not have arrived yet.
      return { ok: false, reason: `incomplete: piece ${index} of ${envelope.n} missing or from another write` };
    }
    text += piece.s;
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'malformed: the pieces are not JSON' };
  }
}

function isPiece(value: unknown): value is PartPiece {
  if (typeof value !== 'object' || value === null) return false;
  const piece = value as Record<string, unknown>;
  return typeof piece.at === 'number' && typeof piece.by === 'string' && typeof piece.s === 'string';
}
