import type { Settings } from '@/utils/settings';
import { isPlainObject } from './checks';
import { compareText, toSeconds } from './format';
import { visibleDay, type UsageHistory } from './history';
import type { ValidImport } from './import';
import { importUsage } from './merge';

export interface ImportPreview {
  /** Dates whose visible time grows. */
  days: number;
  /** Channels whose visible time grows on some date. */
  channels: number;
  secondsAdded: number;
  millisecondsAdded: number;
  /** The file's settings are usable and not the same as the current ones. */
  settingsDiffer: boolean;
  /** The merge the preview was computed from: write this one, and the preview holds. */
  history: UsageHistory;
}

/** JSON with object keys sorted, so equal settings compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (isPlainObject(item)
    ? Object.fromEntries(Object.keys(item).sort(compareText).map((key) => [key, item[key]]))
    : item));
}

/** What an import would add, from the real merge result minus the current state. */
export function previewImport(
  current: { history: UsageHistory; settings: Settings; sourceId: string }, incoming: ValidImport,
): ImportPreview {
  const history = importUsage(current.history, incoming, current.sourceId);
  let days = 0;
  let millisecondsAdded = 0;
  const channels = new Set<string>();
  const dates = new Set(incoming.usage.map((row) => row.date));
  for (const date of dates) {
    const before = visibleDay(current.history, date);
    const after = visibleDay(history, date);
    let grew = false;
    for (const [key, totals] of Object.entries(after)) {
      const was = before[key] ?? [0, 0, 0, 0];
      const added = totals[0] + totals[1] + totals[2] - (was[0] + was[1] + was[2]);
      if (added > 0) {
        grew = true;
        channels.add(key);
        millisecondsAdded += added;
      }
    }
    if (grew) days += 1;
  }
  return {
    days,
    channels: channels.size,
    secondsAdded: toSeconds(millisecondsAdded),
    millisecondsAdded,
    settingsDiffer: incoming.settings !== null && canonicalJson(incoming.settings) !== canonicalJson(current.settings),
    history,
  };
}
