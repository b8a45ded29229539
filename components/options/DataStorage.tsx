import { useEffect, useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { send } from '@/components/send';
import { formatBytes, formatDate } from '@/utils/format';
import type { StorageHealth } from '@/utils/messages';
import { usageDateOf } from '@/utils/storage';
import type { KeptAsideItem } from '@/utils/storage-use';
import { download } from './download';
import { MessageLine, type Message } from './fields';
import { confirmRetention, discardKeptAside, type OptionsData } from './options-store';
import { browserTimeZone } from './Specializations';

/** How often the options page asks whether storage takes the background's writes. */
const HEALTH_REFRESH_MS = 5_000;

/** Whether storage takes the background's writes, asked now and then while the page is open. */
function useStorageHealth(): StorageHealth | null {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  useEffect(() => {
    let open = true;
    const ask = () => send({ type: 'live' }).then((reply) => open && setHealth(reply.storage), () => {});
    void ask();
    const timer = setInterval(ask, HEALTH_REFRESH_MS);
    return () => {
      open = false;
      clearInterval(timer);
    };
  }, []);
  return health;
}

const errorText = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** The room Channel Focus takes, a full storage said plainly, and a clean-up of old days the clock stopped. */
export function StoragePart({ data }: { data: OptionsData }) {
  const ids = useId();
  const locale = i18n.t('langCode');
  const health = useStorageHealth();
  const [message, setMessage] = useState<Message | null>(null);
  const notice = data.retentionNotice;
  const { use } = data;
  const rows: [string, number][] = [
    [i18n.t('data.storage.total'), use.total],
    [i18n.t('data.storage.history'), use.history],
    [i18n.t('data.storage.imported'), use.imported],
    [i18n.t('data.storage.backups'), use.backups],
    [i18n.t('data.storage.keptAside'), use.keptAside],
    [i18n.t('data.storage.other'), use.other],
  ];
  const confirm = async () => {
    setMessage(null);
    try {
      await confirmRetention();
      setMessage({ kind: 'done', text: i18n.t('data.storage.retentionDone') });
    } catch (failure) {
      setMessage({ kind: 'error', text: i18n.t('data.storage.retentionFailed', [errorText(failure)]) });
    }
  };
  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{i18n.t('data.storage.title')}</h3>
      {health && health.failedWrites > 0 && (
        <div class="cf-banner" role="alert" aria-labelledby={`${ids}-full`}>
          <p id={`${ids}-full`}><strong>{i18n.t('data.storage.fullTitle')}</strong></p>
          <p>{i18n.t('data.storage.fullText', [health.lastError ?? '…'])}</p>
        </div>
      )}
      <p class="cf-hint">{i18n.t('data.storage.hint')}</p>
      <dl class="cf-figures">
        {rows.map(([label, bytes]) => <div key={label}><dt>{label}</dt><dd>{formatBytes(bytes, locale)}</dd></div>)}
      </dl>
      {notice && (
        <div class="cf-warning" role="status">
          <p>{notice.reason === 'future-days'
            ? i18n.t('data.storage.retentionFutureDays', [formatDate(notice.newestDay, locale, browserTimeZone(), 'long')])
            : i18n.t('data.storage.retentionTooManyDays', [String(notice.count)])}</p>
          {notice.reason === 'too-many-days' && (
            <button type="button" class="cf-danger" onClick={() => void confirm()}>
              {i18n.t('data.storage.retentionConfirm', [String(notice.count)])}
            </button>
          )}
        </div>
      )}
      <MessageLine message={message} />
    </div>
  );
}

/** What a value kept aside was, in words: the settings, a day of history, unsaved time, or its key. */
function keptAsideName(item: KeptAsideItem, locale: string): string {
  if (item.of === 'settings') return i18n.t('data.keptAside.settings');
  if (item.of === 'tracker') return i18n.t('data.keptAside.tracker');
  const date = usageDateOf(item.of);
  return date ? i18n.t('data.keptAside.day', [formatDate(date, locale, 'UTC', 'long')]) : item.of;
}

function downloadValue(item: KeptAsideItem): void {
  const name = `channel-focus-kept-aside-${item.of.replace(/[^a-z0-9-]+/gi, '-')}-${item.at ?? 'unknown'}.json`;
  download(name, JSON.stringify(item.value, null, 2), 'application/json');
}

/** Values that could not be read, kept as they were: each can be downloaded or let go. */
export function KeptAsidePart({ items }: { items: KeptAsideItem[] }) {
  const ids = useId();
  const locale = i18n.t('langCode');
  const [message, setMessage] = useState<Message | null>(null);
  const discard = async (item: KeptAsideItem) => {
    setMessage(null);
    try {
      await discardKeptAside(item.key);
      setMessage({ kind: 'done', text: i18n.t('data.keptAside.discarded') });
    } catch (failure) {
      setMessage({ kind: 'error', text: i18n.t('data.keptAside.failed', [errorText(failure)]) });
    }
  };
  return (
    <div class="cf-group" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{i18n.t('data.keptAside.title')}</h3>
      <p class="cf-hint">{i18n.t('data.keptAside.hint')}</p>
      {items.length === 0 ? (
        <p>{i18n.t('data.keptAside.none')}</p>
      ) : (
        <ul class="cf-backups">
          {items.map((item) => {
            const name = keptAsideName(item, locale);
            const when = item.at === null ? '' : i18n.t('data.keptAside.when', [formatDate(item.at, locale, browserTimeZone(), 'medium')]);
            return (
              <li key={item.key}>
                <span>{name}</span>
                <span class="cf-hint">{[when, formatBytes(item.bytes, locale)].filter(Boolean).join(' · ')}</span>
                <button type="button" class="cf-small" onClick={() => downloadValue(item)}>
                  {i18n.t('data.keptAside.download')}<span class="cf-sr"> {name}</span>
                </button>
                <button type="button" class="cf-small cf-danger" onClick={() => void discard(item)}>
                  {i18n.t('data.keptAside.discard')}<span class="cf-sr"> {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <MessageLine message={message} />
    </div>
  );
}
