import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { PLATFORM_LIST, PLATFORMS } from '@/utils/platforms';
import type { PlatformId } from '@/utils/platforms/types';
import { completeSetup, skipSetup, type Settings, type ValidationCode } from '@/utils/settings';
import { GOALS, suggestFocus, type FocusSuggestion, type GoalId } from '@/utils/suggestions';
import { Checkbox, t, TextField } from './fields';
import { FocusSizeWarning } from './Specializations';

const newId = () => crypto.randomUUID();

/**
 * The guided first run: who the user wants to reach and what for, then a suggested focus of two
 * or three platforms with the reasons, which the user accepts, edits, or skips.
 */
export function Setup(props: { settings: Settings; save(next: Settings): void; onFinished(): void }) {
  const ids = useId();
  const [picked, setPicked] = useState<GoalId[]>([]);
  const [suggestion, setSuggestion] = useState<FocusSuggestion | null>(null);
  const [chosen, setChosen] = useState<PlatformId[]>([]);
  const [name, setName] = useState(() => i18n.t('setup.defaultName'));
  const [nameError, setNameError] = useState<ValidationCode | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Moving on to the suggestion moves the focus to it, so keyboard and screen-reader users follow.
    if (suggestion) stepHeading.current?.focus();
  }, [suggestion]);

  const togglePick = (id: GoalId, on: boolean) => setPicked((current) => (on ? [...current, id] : current.filter((item) => item !== id)));

  const suggest = (event: Event) => {
    event.preventDefault();
    const next = suggestFocus(picked);
    setSuggestion(next);
    setChosen(next.platforms);
  };

  const accept = (event: Event) => {
    event.preventDefault();
    const result = completeSetup(props.settings, name, chosen, newId);
    if (!result.ok) {
      setNameError(result.code);
      return;
    }
    props.save(result.settings);
    props.onFinished();
  };

  const skip = () => {
    props.save(skipSetup(props.settings));
    props.onFinished();
  };

  const goalGroup = (kind: 'audience' | 'goal', legend: string) => (
    <fieldset class="cf-group">
      <legend>{legend}</legend>
      {GOALS.filter((goal) => goal.kind === kind).map((goal) => (
        <Checkbox
          key={goal.id}
          label={t(goal.labelKey)}
          checked={picked.includes(goal.id)}
          onChange={(on) => togglePick(goal.id, on)}
        />
      ))}
    </fieldset>
  );

  return (
    <section id="setup" class="cf-section cf-setup" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{i18n.t('setup.title')}</h2>
      <p class="cf-intro">{i18n.t('setup.intro')}</p>
      {suggestion === null ? (
        <form onSubmit={suggest}>
          {goalGroup('audience', t('setup.audienceTitle'))}
          {goalGroup('goal', t('setup.goalTitle'))}
          <div class="cf-actions">
            <button type="submit" class="cf-primary">{i18n.t('setup.suggest')}</button>
            <button type="button" class="cf-secondary" onClick={skip}>{i18n.t('setup.skip')}</button>
          </div>
        </form>
      ) : (
        <form onSubmit={accept} noValidate>
          <h3 tabIndex={-1} ref={stepHeading}>{i18n.t('setup.suggestionTitle')}</h3>
          {suggestion.platforms.length === 0 ? (
            <p>{i18n.t('setup.noSuggestion')}</p>
          ) : (
            <>
              <p>{i18n.t('setup.suggested', [suggestion.platforms.map((id) => PLATFORMS[id].name).join(', ')])}</p>
              <ul class="cf-reasons">
                {suggestion.reasons.map((key) => <li key={key}>{t(key)}</li>)}
              </ul>
            </>
          )}
          <fieldset class="cf-group">
            <legend>{i18n.t('setup.chosenTitle')}</legend>
            <p class="cf-hint">{i18n.t('setup.chosenHint')}</p>
            <ul class="cf-platform-grid">
              {PLATFORM_LIST.map((platform) => (
                <li key={platform.id}>
                  <Checkbox
                    label={platform.name}
                    checked={chosen.includes(platform.id)}
                    onChange={(on) => setChosen((current) => (on ? [...current, platform.id] : current.filter((id) => id !== platform.id)))}
                  />
                </li>
              ))}
            </ul>
            <FocusSizeWarning count={chosen.length} />
          </fieldset>
          <TextField
            label={i18n.t('setup.name')}
            value={name}
            hint={i18n.t('setup.nameHint')}
            errorCode={nameError}
            onInput={setName}
          />
          <div class="cf-actions">
            <button type="submit" class="cf-primary">{i18n.t('setup.accept')}</button>
            <button type="button" class="cf-secondary" onClick={() => setSuggestion(null)}>{i18n.t('setup.back')}</button>
            <button type="button" class="cf-secondary" onClick={skip}>{i18n.t('setup.skip')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
