import { useId } from 'preact/hooks';
import { i18n } from '#i18n';

/**
 * Preset colours, dark enough to carry white text and far enough apart to tell clients apart.
 * The name is what a screen reader says: a colour is never the only sign of a client.
 */
export const CLIENT_COLOR_PRESETS = [
  { value: '#1f5fbf', name: () => i18n.t('options.clients.colorBlue') },
  { value: '#0f7c86', name: () => i18n.t('options.clients.colorTeal') },
  { value: '#2e7d32', name: () => i18n.t('options.clients.colorGreen') },
  { value: '#b35900', name: () => i18n.t('options.clients.colorOrange') },
  { value: '#b3261e', name: () => i18n.t('options.clients.colorRed') },
  { value: '#6a3fb5', name: () => i18n.t('options.clients.colorPurple') },
] as const;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A client's colour: named preset swatches as radio buttons, and the browser's colour input for
 * any other. `onChange` fires on a finished choice (not while the colour input is dragged).
 */
export function ClientColorPicker(props: { legend: string; value: string; onChange(color: string): void; errorId?: string }) {
  const ids = useId();
  return (
    <fieldset class="cf-group cf-client-colors" aria-describedby={props.errorId}>
      <legend>{props.legend}</legend>
      {CLIENT_COLOR_PRESETS.map((preset) => (
        <label key={preset.value} class="cf-radio cf-swatch-choice">
          <input
            type="radio"
            name={`${ids}-color`}
            value={preset.value}
            checked={same(props.value, preset.value)}
            onChange={() => props.onChange(preset.value)}
          />
          <span class="cf-swatch" style={{ background: preset.value }} aria-hidden="true" />
          {preset.name()}
        </label>
      ))}
      <div class="cf-radio cf-swatch-choice">
        <input
          id={`${ids}-custom`}
          type="color"
          value={props.value.toLowerCase()}
          onChange={(event) => props.onChange(event.currentTarget.value)}
        />
        <label for={`${ids}-custom`}>{i18n.t('options.clients.customColor')}</label>
      </div>
    </fieldset>
  );
}

/** The colour beside a client's name; decorative, since the name is always written out. */
export function ClientSwatch({ color }: { color: string }) {
  return <span class="cf-swatch" style={{ background: color }} aria-hidden="true" />;
}
