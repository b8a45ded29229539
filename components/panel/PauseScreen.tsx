import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { i18n } from '#i18n';

/** The snoozes the pause screen offers; the middle one is chosen to start with. */
const PAUSE_MINUTES = [5, 15, 30] as const;
const REASONS = ['clientWork', 'research', 'justBrowsing'] as const;
type Reason = (typeof REASONS)[number];

export interface PauseScreenProps {
  /** The channel's name, as the panel writes it. */
  name: string;
  /** The user gave a reason and chose how long: the flag is snoozed for that long. */
  onContinue(minutes: number): void;
  /** Escape or "Not now": back to the collapsed panel, the flag stays. */
  onDismiss(): void;
}

/**
 * Friction, not a block: on a flagged channel a card asks why the user is here and for how long,
 * before the flag is quieted. The reason only gates the button and is kept nowhere (privacy).
 * Focus moves into the card when it shows, but is not trapped: Tab leaves it as usual.
 */
export function PauseScreen({ name, onContinue, onDismiss }: PauseScreenProps) {
  const [reason, setReason] = useState<Reason | null>(null);
  const [minutes, setMinutes] = useState<number>(PAUSE_MINUTES[1]);
  const [missing, setMissing] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => { firstRef.current?.focus(); }, []);

  const submit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason === null) {
      setMissing(true);
      firstRef.current?.focus();
      return;
    }
    onContinue(minutes);
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onDismiss();
  };

  return (
    <section class="pause" role="dialog" aria-label={i18n.t('panel.pause.label')} aria-describedby="cf-pause-intro" onKeyDown={onKeyDown}>
      <form onSubmit={submit} noValidate>
        <p id="cf-pause-intro" class="pause-intro">{i18n.t('panel.pause.intro', [name])}</p>
        <fieldset aria-describedby={missing ? 'cf-pause-missing' : undefined}>
          <legend class="pause-title">{i18n.t('panel.pause.title')}</legend>
          {REASONS.map((value, index) => (
            <label class="choice" key={value}>
              <input
                type="radio" name="cf-pause-reason" value={value} ref={index === 0 ? firstRef : undefined}
                checked={reason === value} onChange={() => { setReason(value); setMissing(false); }}
              />
              <span>{i18n.t(`panel.pause.reason.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        {missing && <p id="cf-pause-missing" class="pause-missing" role="alert">{i18n.t('panel.pause.reasonMissing')}</p>}
        <fieldset class="durations">
          <legend>{i18n.t('panel.pause.duration')}</legend>
          {PAUSE_MINUTES.map((value) => (
            <label class="choice" key={value}>
              <input type="radio" name="cf-pause-minutes" value={value} checked={minutes === value} onChange={() => setMinutes(value)} />
              <span>{i18n.t('panel.pause.minutes', [String(value)])}</span>
            </label>
          ))}
        </fieldset>
        <p class="note">{i18n.t('panel.pause.private')}</p>
        <div class="pause-buttons">
          <button type="submit" class="action primary">{i18n.t('panel.pause.continue')}</button>
          <button type="button" class="action" onClick={onDismiss}>{i18n.t('panel.pause.notNow')}</button>
        </div>
      </form>
    </section>
  );
}
