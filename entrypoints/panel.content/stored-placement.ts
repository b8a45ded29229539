import type { PanelPlacementView, PanelToggleMessage } from '@/utils/messages';

/**
 * The storage item of the settings (utils/storage.ts `SETTINGS_KEY`). Not imported: that module
 * brings the settings schema and its validator into every page's bundle.
 */
export const SETTINGS_ITEM = 'settings';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The panel's placement in freshly stored settings, read defensively (the background validates
 * settings, the page bundle carries no validator): the global edge, and this platform's entry
 * when there is a well-formed one. Null when the stored value says nothing usable.
 */
export function storedPlacement(raw: unknown, current: PanelPlacementView): PanelPlacementView | null {
  if (!isRecord(raw) || !isRecord(raw.panel)) return null;
  const { edge, perPlatform } = raw.panel;
  const next = { ...current };
  if (edge === 'left' || edge === 'right') next.edge = edge;
  const entry = isRecord(perPlatform) && Object.hasOwn(perPlatform, current.key) ? perPlatform[current.key] : undefined;
  if (isRecord(entry)) {
    if (typeof entry.collapsed === 'boolean') next.collapsed = entry.collapsed;
    if (typeof entry.hidden === 'boolean') next.hidden = entry.hidden;
    if (typeof entry.top === 'number' && entry.top >= 0 && entry.top <= 1) next.top = entry.top;
  }
  return next;
}

export function isPanelToggle(raw: unknown): raw is PanelToggleMessage {
  return isRecord(raw) && raw.type === 'panel-toggle';
}

/** The background's request for a report now (before it writes the day's totals). */
export function isReportRequest(raw: unknown): boolean {
  return isRecord(raw) && raw.type === 'report-now';
}
