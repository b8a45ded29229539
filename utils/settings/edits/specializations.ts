import type { Settings, Specialization } from '../model';
import { findSpecialization } from '../queries';
import { validateSpecializationName } from '../validate';
import { fail, type EditResult } from './result';

// Creating, renaming, copying, deleting (and undoing that) and activating specializations.

function otherNames(settings: Settings, exceptId: string | null): string[] {
  return settings.specializations.filter((spec) => spec.id !== exceptId).map((spec) => spec.name);
}

/** Replaces one specialization by its update; the edits of a specialization's parts share it. */
export function updateSpecialization(
  settings: Settings, id: string, update: (spec: Specialization) => Specialization,
): Settings {
  return {
    ...settings,
    specializations: settings.specializations.map((spec) => (spec.id === id ? update(spec) : spec)),
  };
}

function copySpecialization(spec: Specialization): Specialization {
  return {
    ...spec,
    channels: spec.channels.map((entry) => ({ ...entry, accounts: entry.accounts ? [...entry.accounts] : null })),
    budgets: { ...spec.budgets, perChannel: { ...spec.budgets.perChannel } },
    workingHours: spec.workingHours ? { ...spec.workingHours, days: [...spec.workingHours.days] } : null,
    clientId: spec.clientId,
  };
}

/** Creates an empty specialization for no client; the very first one becomes active. */
export function createSpecialization(
  settings: Settings, name: string, idFactory: () => string,
): EditResult<{ id: string }> {
  const nameError = validateSpecializationName(name, otherNames(settings, null));
  if (nameError) return fail('name', nameError);
  const id = idFactory();
  if (findSpecialization(settings, id)) return fail('id', 'specialization-id-taken');
  const spec: Specialization = {
    id,
    name: name.trim(),
    channels: [],
    budgets: { totalMinutes: null, perChannel: {} },
    workingHours: null,
    clientId: null,
  };
  return {
    ok: true,
    id,
    settings: {
      ...settings,
      specializations: [...settings.specializations, spec],
      activeSpecializationId: settings.specializations.length === 0 ? id : settings.activeSpecializationId,
    },
  };
}

export function renameSpecialization(settings: Settings, id: string, name: string): EditResult {
  if (!findSpecialization(settings, id)) return fail('id', 'specialization-not-found');
  const nameError = validateSpecializationName(name, otherNames(settings, id));
  if (nameError) return fail('name', nameError);
  return { ok: true, settings: updateSpecialization(settings, id, (spec) => ({ ...spec, name: name.trim() })) };
}

/**
 * Copies a specialization under a new name, right after the original. The copy is not active and
 * belongs to the same client (copying a client's focus is how a variant of it starts).
 */
export function duplicateSpecialization(
  settings: Settings, id: string, name: string, idFactory: () => string,
): EditResult<{ id: string }> {
  const index = settings.specializations.findIndex((spec) => spec.id === id);
  const original = settings.specializations[index];
  if (!original) return fail('id', 'specialization-not-found');
  const nameError = validateSpecializationName(name, otherNames(settings, null));
  if (nameError) return fail('name', nameError);
  const newId = idFactory();
  if (findSpecialization(settings, newId)) return fail('id', 'specialization-id-taken');
  const copy: Specialization = { ...copySpecialization(original), id: newId, name: name.trim() };
  const specializations = [...settings.specializations];
  specializations.splice(index + 1, 0, copy);
  return { ok: true, id: newId, settings: { ...settings, specializations } };
}

/** What the UI keeps to undo a deletion. */
export interface RemovedSpecialization {
  specialization: Specialization;
  index: number;
  wasActive: boolean;
}

/**
 * Removes a specialization. Deleting the active one leaves none active: focus never silently
 * moves to another client's specialization.
 */
export function deleteSpecialization(
  settings: Settings, id: string,
): { settings: Settings; removed: RemovedSpecialization } | null {
  const index = settings.specializations.findIndex((spec) => spec.id === id);
  const specialization = settings.specializations[index];
  if (!specialization) return null;
  const wasActive = settings.activeSpecializationId === id;
  return {
    removed: { specialization, index, wasActive },
    settings: {
      ...settings,
      specializations: settings.specializations.filter((spec) => spec.id !== id),
      activeSpecializationId: wasActive ? null : settings.activeSpecializationId,
    },
  };
}

/**
 * Undoes a deletion: back at its place, and active again if it was and nothing else has been
 * activated since. Refused when its name or id has been taken in the meantime.
 */
export function restoreSpecialization(settings: Settings, removed: RemovedSpecialization): EditResult {
  const { specialization, index, wasActive } = removed;
  if (findSpecialization(settings, specialization.id)) return fail('id', 'specialization-id-taken');
  const nameError = validateSpecializationName(specialization.name, otherNames(settings, null));
  if (nameError) return fail('name', nameError);
  // Its client may have been deleted since: the restored focus then belongs to none.
  const clientId = settings.clients.some((client) => client.id === specialization.clientId) ? specialization.clientId : null;
  const specializations = [...settings.specializations];
  specializations.splice(Math.min(Math.max(index, 0), specializations.length), 0, { ...specialization, clientId });
  return {
    ok: true,
    settings: {
      ...settings,
      specializations,
      activeSpecializationId: wasActive && settings.activeSpecializationId === null
        ? specialization.id
        : settings.activeSpecializationId,
    },
  };
}

/** Activates a specialization, or none with null. An unknown id changes nothing. */
export function setActiveSpecialization(settings: Settings, id: string | null): Settings {
  if (id !== null && !findSpecialization(settings, id)) return settings;
  return { ...settings, activeSpecializationId: id };
}
