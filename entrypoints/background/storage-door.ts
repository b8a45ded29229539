/**
 * The one door to storage.local: every write of the extension (the tracker's flush, settings
 * edits, imports, restores, deletions, retention, values kept aside) runs here, one task at a
 * time, so no task reads what another is about to overwrite. Views and the panel never write:
 * they send commands that run here.
 */
import { browser } from 'wxt/browser';
import { QUARANTINE_PREFIX, quarantineKey } from '@/utils/storage';

export class StorageDoor {
  #queue: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it. Never call `run` from inside a task: it would wait for itself. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch((error: unknown) => console.error('Channel Focus: a storage task failed:', error));
    return result;
  }

  /**
   * Keeps an unreadable value of `key` aside (`quarantine:<key>:<ms>`), once: the same value
   * kept aside before is not copied again (a worker that restarts with bad settings would
   * otherwise add a copy every time). Run inside a task.
   */
  async keepAside(key: string, raw: unknown, now: number): Promise<void> {
    const all = await browser.storage.local.get(null);
    const text = JSON.stringify(raw);
    const prefix = `${QUARANTINE_PREFIX}${key}:`;
    const known = Object.entries(all).some(([stored, value]) => stored.startsWith(prefix) && JSON.stringify(value) === text);
    if (!known) await browser.storage.local.set({ [quarantineKey(key, now)]: raw });
  }
}
