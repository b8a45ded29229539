import { browser } from 'wxt/browser';
import { detectChannel, type Channel } from '@/utils/channels';
import { recordedChannel } from '@/utils/focus';
import { PageNames } from '@/utils/page-account/page-names';
import { accountFromPage, type ClueInput } from '@/utils/page-account/validate';
import { panelHostName as hostNameFrom } from '@/utils/panel-host-name';
import { SOURCE_ID_KEY, decodeSourceId } from '@/utils/storage';
import { DataCommands } from './data-commands';
import { SettingsStore } from './settings-store';
import { StorageDoor } from './storage-door';
import { SyncService } from './sync-service';
import { TrackerService } from './tracker-service';

/** The background's parts, built once: every write goes through the one door they share. */
export interface BackgroundParts {
  door: StorageDoor;
  settings: SettingsStore;
  tracker: TrackerService;
  data: DataCommands;
  /** Sync through storage.sync (opt-in); idle until registerSync starts it. */
  sync: SyncService;
  /** The panel's host element name in this profile, made once from the profile's source id. */
  panelHostName(): Promise<string>;
  /**
   * The channel a URL counts for under the current settings (null: none; always none in a
   * private window the user did not allow). With the page's clues (utils/page-account), the
   * account the page names where the URL cannot, or the name it gives an id; without them,
   * what pages at this URL named before.
   */
  channelOf(url: string, incognito?: boolean, clues?: readonly ClueInput[]): Channel | null;
}

export function createBackgroundParts(): BackgroundParts {
  const door = new StorageDoor();
  const settings = new SettingsStore(door);
  const tracker = new TrackerService(
    () => settings.current,
    // Before a write, the counted tab reports its latest input (a tab without our script says no).
    async (tabId) => (await browser.tabs.sendMessage(tabId, { type: 'report-now' })) === true,
    door,
  );
  const pageNames = new PageNames();
  const channelOf = (url: string, incognito = false, clues?: readonly ClueInput[]) => {
    if (incognito && !settings.current.tracking.countPrivateWindows) return null;
    const fromUrl = detectChannel(url, settings.current.customHosts);
    if (!fromUrl) return null;
    const decision = clues ? accountFromPage(url, clues, settings.current.customHosts) : null;
    // Private windows teach nothing that outlives them.
    if (decision && !incognito) pageNames.remember(url, fromUrl, decision);
    return recordedChannel(decision?.channel ?? pageNames.channelFor(url, fromUrl), settings.current);
  };
  const data = new DataCommands(door, tracker);
  let hostName: Promise<string> | null = null;
  const panelHostName = () => {
    // The stored id alone, read directly: the first view of every worker start waits for this, and
    // the data command (which reads all storage in the door's queue) is needed only to create it.
    hostName ??= browser.storage.local.get(SOURCE_ID_KEY)
      .then(async (items) => decodeSourceId(items[SOURCE_ID_KEY]) ?? (await data.sourceId()).sourceId)
      .then((sourceId) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(`panel-host:${sourceId}`)))
      .then((digest) => hostNameFrom(new Uint8Array(digest)));
    hostName.catch(() => { hostName = null; }); // a failed read is tried again with the next view
    return hostName;
  };
  const sync = new SyncService({ door, settings, tracker, data });
  return { door, settings, tracker, data, sync, channelOf, panelHostName };
}
