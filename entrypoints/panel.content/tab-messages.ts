import type { PanelToggleMessage } from '@/utils/messages';

/**
 * The background's messages to the panel in one tab. Read defensively: the page bundle carries no
 * validator, and only our extension can send to its content scripts.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keyboard shortcut (manifest `commands`), forwarded to the tab it was pressed in. */
export function isPanelToggle(raw: unknown): raw is PanelToggleMessage {
  return isRecord(raw) && raw.type === 'panel-toggle';
}

/** The background's request for a report now (before it writes the day's totals). */
export function isReportRequest(raw: unknown): boolean {
  return isRecord(raw) && raw.type === 'report-now';
}

/**
 * The settings changed (here, in another tab, in the popup or the options page): the panel asks
 * for a fresh view, which brings the focus status and the stored placement. The panel never reads
 * extension storage itself, so no stored data reaches the page's process unasked.
 */
export function isSettingsChanged(raw: unknown): boolean {
  return isRecord(raw) && raw.type === 'settings-changed';
}
