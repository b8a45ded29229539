import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { buildReport, type ClientGroup, type ReportSource } from '@/utils/report/build';
import { clientCsv, clientCsvFileName } from '@/utils/report/csv';
import { presetRange, validateRange, weekStartOf, type DateRange, type RangeChoice, type RangePreset } from '@/utils/report/periods';
import { DEFAULT_CHOICE, reportSearch, type ReportQuery } from '@/utils/report/url';
import type { Settings } from '@/utils/settings';
import { AfterHours } from './AfterHours';
import { Clients } from './Clients';
import { rangeText } from './format';
import { OutsideFocus } from './OutsideFocus';
import { Platforms } from './Platforms';
import { RangePicker } from './RangePicker';
import { Sources } from './Sources';
import { Summary } from './Summary';

/** Everything the report shows, read by its loader (ReportApp) or given by a test. */
interface ReportData {
  /** This browser's days first (with the time not yet written), then each imported browser. */
  sources: readonly ReportSource[];
  /**
   * The same with the user's other devices added, each a source of its own (sync on and other
   * devices there): the page then offers "This device | All devices", all of them first.
   */
  allDeviceSources?: readonly ReportSource[];
  settings: Settings;
  ownSourceId: string | null;
  /** The user's local date. */
  today: string;
  locale: string;
}

export interface ReportPageProps extends ReportData {
  /** The range the address asks for (utils/report/url.ts); the default preset without one. */
  initialQuery?: ReportQuery;
  /** The range shown changed: the address's new search part (`?range=…` or `?from=…&to=…`). */
  onQueryChange?(search: string): void;
  /** Saves a browser's name; resolves to an error message, or null. */
  onRenameSource?(sourceId: string, name: string): Promise<string | null>;
  /** Hands a file to the user (the page's download helper in the extension). */
  onDownload?(name: string, text: string): void;
  onPrint?(): void;
}

const noRename = () => Promise.resolve(null);

type DeviceView = 'this' | 'all';

/** Whose time the report adds up: this device's (with its imports) or every synced device's too. */
function DeviceChoice({ view, onChoose }: { view: DeviceView; onChoose(view: DeviceView): void }) {
  const id = useId();
  return (
    <div class="cf-range-picker cf-noprint">
      <div class="cf-presets" role="group" aria-labelledby={`${id}-legend`}>
        <span id={`${id}-legend`} class="cf-legend-text">{i18n.t('report.devices.legend')}</span>
        <button type="button" aria-pressed={view === 'this' ? 'true' : 'false'} onClick={() => onChoose('this')}>
          {i18n.t('report.devices.this')}
        </button>
        <button type="button" aria-pressed={view === 'all' ? 'true' : 'false'} onClick={() => onChoose('all')}>
          {i18n.t('report.devices.all')}
        </button>
      </div>
    </div>
  );
}

/** The full-page report for agencies: a range, then the sections for it. */
export function ReportPage(props: ReportPageProps) {
  const { settings, ownSourceId, today, locale } = props;
  const [deviceView, setDeviceView] = useState<DeviceView>('all');
  const sources = props.allDeviceSources && deviceView === 'all' ? props.allDeviceSources : props.sources;
  const firstWeekday = useMemo(() => weekStartOf(locale), [locale]);
  const initial = props.initialQuery ?? { choice: DEFAULT_CHOICE, custom: null };
  const [choice, setChoice] = useState<RangeChoice>(initial.choice);
  const [custom, setCustom] = useState<DateRange>(
    () => initial.custom ?? presetRange(initial.choice === 'custom' ? DEFAULT_CHOICE : initial.choice, today, firstWeekday),
  );

  const fields = choice === 'custom' ? custom : presetRange(choice, today, firstWeekday);
  const error = choice === 'custom' ? validateRange(custom.from, custom.to) : null;
  // A range being typed that does not hold yet keeps the last good report on screen under its message.
  const lastGood = useRef<DateRange>(error ? presetRange(DEFAULT_CHOICE, today, firstWeekday) : fields);
  if (!error) lastGood.current = fields;
  const range = lastGood.current;

  const report = useMemo(
    () => buildReport({ sources, settings, range, ownSourceId }),
    [sources, settings, range.from, range.to, ownSourceId],
  );

  const search = error ? null : reportSearch(choice, range);
  const onQueryChange = props.onQueryChange;
  useEffect(() => {
    if (search !== null) onQueryChange?.(search);
  }, [search]);

  const choosePreset = (preset: RangePreset) => {
    setChoice(preset);
    setCustom(presetRange(preset, today, firstWeekday));
  };
  const downloadCsv = (group: ClientGroup) => {
    const text = clientCsv(sources, settings, range, group.key);
    props.onDownload?.(clientCsvFileName(group.client?.name ?? null, range), text);
  };

  return (
    <div class="cf-report">
      <header class="cf-report-header">
        <div>
          <h1>{i18n.t('report.title')}</h1>
          <p class="cf-period-name">{rangeText(range, locale)}</p>
        </div>
        <button type="button" class="cf-noprint" onClick={() => (props.onPrint ?? (() => window.print()))()}>{i18n.t('report.print')}</button>
      </header>
      <RangePicker
        choice={choice} fields={choice === 'custom' ? custom : fields} error={error}
        onPreset={choosePreset}
        onCustom={(next) => {
          setChoice('custom');
          setCustom(next);
        }}
      />
      {props.allDeviceSources && <DeviceChoice view={deviceView} onChoose={setDeviceView} />}
      <p class="cf-visually-hidden" aria-live="polite">{i18n.t('report.range.showing', [rangeText(range, locale)])}</p>
      <Summary report={report} locale={locale} />
      <Clients report={report} locale={locale} hasClients={settings.clients.length > 0} onDownloadCsv={downloadCsv} />
      <Platforms report={report} locale={locale} />
      <OutsideFocus report={report} locale={locale} />
      <AfterHours report={report} locale={locale} />
      <Sources report={report} locale={locale} sourceNames={settings.sourceNames} onRename={props.onRenameSource ?? noRename} />
    </div>
  );
}
