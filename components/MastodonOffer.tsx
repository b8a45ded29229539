import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { send } from '@/components/send';
import { hostMatchPattern } from '@/utils/channels';
import type { Settings } from '@/utils/settings';
import { mastodonInFront } from './mastodon-in-front';

type Outcome = { kind: 'added' } | { kind: 'denied' } | { kind: 'failed'; detail: string } | null;

/**
 * The popup's offer on a Mastodon instance that is no channel yet: "Track <host> as Mastodon".
 * Accepting asks for that host's access, as the options page does, and adds it.
 */
export function MastodonOffer({ settings, find = mastodonInFront }: { settings: Settings; find?: typeof mastodonInFront }) {
  const [host, setHost] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    let open = true;
    void find(settings.customHosts).then((found) => { if (open) setHost(found); });
    return () => { open = false; };
  }, []);
  if (host === null) return null;

  // Straight from the click: the permission request needs the user's gesture.
  const track = () => {
    setOutcome(null);
    // Told first: Firefox may close the popup while it asks, and the background then adds the
    // host when the access is granted.
    send({ type: 'custom-host-add', host, platform: 'mastodon' }).catch(() => {});
    browser.permissions.request({ origins: [hostMatchPattern(host)] }).then(
      async (granted) => {
        if (!granted) return setOutcome({ kind: 'denied' });
        const reply = await send({ type: 'custom-host-add', host, platform: 'mastodon' });
        setOutcome(reply.ok ? { kind: 'added' } : { kind: 'failed', detail: reply.error });
      },
      (error: unknown) => setOutcome({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <section class="cf-offer" aria-labelledby="cf-offer-title">
      <h2 id="cf-offer-title">{i18n.t('popup.mastodon.title')}</h2>
      {outcome?.kind === 'added' ? (
        <p role="status">{i18n.t('popup.mastodon.added', [host])}</p>
      ) : (
        <>
          <p>{i18n.t('popup.mastodon.text', [host])}</p>
          <button type="button" onClick={track}>{i18n.t('popup.mastodon.track', [host])}</button>
        </>
      )}
      {outcome?.kind === 'denied' && <p role="alert">{i18n.t('popup.mastodon.denied', [host])}</p>}
      {outcome?.kind === 'failed' && <p role="alert">{i18n.t('popup.mastodon.failed', [outcome.detail])}</p>}
    </section>
  );
}
