import type { UsageHistory } from '@/utils/backup/history';
import { mergeDeviceDays } from './fold';
import type { DeviceUsage } from './usage-encoding';

// What every device shows: its own history plus the other devices' published days.

/**
 * The history with each other device's days merged into `imported` under its id. The merge is
 * the grow-only maximum (mergeUsage, fold-aware: fold.ts), since the same device may also have
 * come in through an exported file: its time is never counted twice. This device's own id never
 * comes from devices (its own counters are the truth). Returns `history` when nothing is added.
 */
export function withDevices(history: UsageHistory, devices: Readonly<Record<string, DeviceUsage>>, ownDeviceId?: string): UsageHistory {
  let imported = history.imported;
  for (const [deviceId, device] of Object.entries(devices)) {
    if (deviceId === ownDeviceId) continue;
    const before = Object.hasOwn(imported, deviceId) ? imported[deviceId] ?? {} : {};
    const after = mergeDeviceDays(before, device.days);
    if (after !== before) imported = { ...imported, [deviceId]: after };
  }
  return imported === history.imported ? history : { own: history.own, imported };
}

/**
 * The devices kept locally after a new read of storage.sync: each device's days merged grow-only
 * with what was kept, so days that rolled off the sync copy stay; devices no longer in
 * storage.sync stay too (their time was real). The newer publishedAt wins.
 */
export function mergeDevices(
  kept: Readonly<Record<string, DeviceUsage>>, received: Readonly<Record<string, DeviceUsage>>,
): Record<string, DeviceUsage> {
  const result: Record<string, DeviceUsage> = { ...kept };
  for (const [deviceId, device] of Object.entries(received)) {
    const before = Object.hasOwn(kept, deviceId) ? kept[deviceId] : undefined;
    result[deviceId] = before
      ? { publishedAt: Math.max(before.publishedAt, device.publishedAt), days: mergeDeviceDays(before.days, device.days) }
      : device;
  }
  return result;
}
