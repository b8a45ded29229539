import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import { MAX_REPORT_DAYS, RANGE_PRESETS, type DateRange, type RangeChoice, type RangePreset, type ReportRangeError } from '@/utils/report/periods';

const PRESET_LABEL: Record<RangePreset, () => string> = {
  'this-week': () => i18n.t('report.range.thisWeek'),
  'last-week': () => i18n.t('report.range.lastWeek'),
  'this-month': () => i18n.t('report.range.thisMonth'),
  'last-month': () => i18n.t('report.range.lastMonth'),
};

function errorText(error: ReportRangeError): string {
  switch (error) {
    case 'range-invalid': return i18n.t('report.range.invalid');
    case 'range-ends-before-start': return i18n.t('report.range.endsBeforeStart');
    case 'range-too-long': return i18n.t('report.range.tooLong', [String(MAX_REPORT_DAYS)]);
  }
}

export interface RangePickerProps {
  choice: RangeChoice;
  /** The dates in the two fields: the preset's range, or the custom range as typed. */
  fields: DateRange;
  error: ReportRangeError | null;
  onPreset(preset: RangePreset): void;
  onCustom(range: DateRange): void;
}

/** The presets as a group of toggle buttons and the custom range as two date fields. */
export function RangePicker({ choice, fields, error, onPreset, onCustom }: RangePickerProps) {
  const id = useId();
  return (
    <div class="cf-range-picker cf-noprint">
      <div class="cf-presets" role="group" aria-labelledby={`${id}-legend`}>
        <span id={`${id}-legend`} class="cf-legend-text">{i18n.t('report.range.legend')}</span>
        {RANGE_PRESETS.map((preset) => (
          <button key={preset} type="button" aria-pressed={choice === preset ? 'true' : 'false'} onClick={() => onPreset(preset)}>
            {PRESET_LABEL[preset]()}
          </button>
        ))}
      </div>
      <div class="cf-custom" role="group" aria-label={i18n.t('report.range.custom')}>
        <label for={`${id}-from`}>{i18n.t('report.range.from')}</label>
        <input
          id={`${id}-from`} type="date" value={fields.from}
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onCustom({ from: event.currentTarget.value, to: fields.to })}
        />
        <label for={`${id}-to`}>{i18n.t('report.range.to')}</label>
        <input
          id={`${id}-to`} type="date" value={fields.to}
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onCustom({ from: fields.from, to: event.currentTarget.value })}
        />
      </div>
      {error && <p id={`${id}-error`} class="cf-error" role="alert">{errorText(error)}</p>}
    </div>
  );
}
