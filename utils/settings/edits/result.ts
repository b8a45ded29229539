import type { Settings } from '../model';
import type { ValidationCode } from '../validate';

// Edits (reducers). Each returns a new Settings and leaves its input untouched; those that take
// user input return an `EditResult` and refuse invalid values with a stable code.

export type EditError = { ok: false; field: string; code: ValidationCode };
export type EditResult<Extra extends object = object> = ({ ok: true; settings: Settings } & Extra) | EditError;

export function fail(field: string, code: ValidationCode): EditError {
  return { ok: false, field, code };
}
