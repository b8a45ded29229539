import type { Channel } from '@/utils/channels';

/** Today's time on one channel, split by the focus status it was counted with. */
export interface UsageRow {
  channel: Channel;
  inMs: number;
  outMs: number;
  noneMs: number;
}

/** All of a row's time, whatever status it was counted with. */
export function rowTotal(row: UsageRow): number {
  return row.inMs + row.outMs + row.noneMs;
}

/**
 * Share of today's time in focus: in / (in + out). Time with no active specialization has no
 * focus to measure against and stays out of the share. Null when there is nothing to divide.
 */
export function focusShare(rows: readonly UsageRow[]): number | null {
  let inMs = 0;
  let outMs = 0;
  for (const row of rows) {
    inMs += Math.max(0, row.inMs);
    outMs += Math.max(0, row.outMs);
  }
  const measured = inMs + outMs;
  return measured > 0 ? inMs / measured : null;
}
