import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { groupLabel } from '@/components/dashboard/labels';
import type { Report, SourceColumn } from '@/utils/report/build';
import { duration, rangeText } from './format';
import { ClientSwatch, clientName, sourceName } from './names';

export interface SourcesProps {
  report: Report;
  locale: string;
  sourceNames: Readonly<Record<string, string>>;
  /** Saves a name (empty: back to the default); resolves to an error message, or null. */
  onRename(sourceId: string, name: string): Promise<string | null>;
}

/** A column header that turns into a text field to rename the browser it stands for. */
function SourceHeader({ column, names, onRename }: { column: SourceColumn; names: SourcesProps['sourceNames']; onRename: SourcesProps['onRename'] }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = sourceName(column.id, column.own, names);
  const given = Object.hasOwn(names, column.id) ? names[column.id] ?? '' : '';
  const errorId = `cf-source-error-${column.id}`;
  // Enter saves; the blur that follows when the field goes away must not save again.
  const busy = useRef(false);
  const close = () => {
    busy.current = true;
    setError(null);
    setEditing(false);
  };
  const commit = async (value: string) => {
    if (busy.current) return;
    if (value.trim() === given) return close();
    busy.current = true;
    const problem = await onRename(column.id, value);
    busy.current = false;
    if (problem === null) close();
    else setError(problem);
  };
  // Back on the button when the field closes, so the keyboard user stays in place.
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useLayoutEffect(() => {
    if (wasEditing.current && !editing) button.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const open = () => {
    busy.current = false;
    setEditing(true);
  };
  if (!editing) {
    return (
      <th scope="col">
        <span>{name}</span>{' '}
        <button ref={button} type="button" class="cf-link cf-noprint" aria-label={i18n.t('report.sources.renameLabel', [name])} onClick={open}>
          {i18n.t('report.sources.rename')}
        </button>
      </th>
    );
  }
  return (
    <th scope="col">
      <input
        type="text" class="cf-source-name" defaultValue={given} placeholder={sourceName(column.id, column.own, {})}
        aria-label={i18n.t('report.sources.nameFor', [name])}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? errorId : undefined}
        // The user just asked to edit this name: the field takes the focus the button had.
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit(event.currentTarget.value);
          if (event.key === 'Escape') close();
        }}
        onBlur={(event) => void commit(event.currentTarget.value)}
      />
      {error && <span id={errorId} class="cf-error" role="alert">{error}</span>}
    </th>
  );
}

/** The same figures per browser, side by side: only when time from more than one browser is there. */
export function Sources({ report, locale, sourceNames, onRename }: SourcesProps) {
  const columns = report.sources;
  if (!columns) return null;
  const clients = report.clients.filter((row) => row.totalMs > 0);
  return (
    <section class="cf-section" aria-labelledby="cf-sources-title">
      <h2 id="cf-sources-title">{i18n.t('report.sources.title')}</h2>
      <p class="cf-note">{i18n.t('report.sources.hint')}</p>
      <table class="cf-table">
        <caption>{i18n.t('report.sources.caption', [rangeText(report.range, locale)])}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('report.sources.row')}</th>
            {columns.map((column) => <SourceHeader key={column.id} column={column} names={sourceNames} onRename={onRename} />)}
          </tr>
        </thead>
        <tbody>
          <tr class="cf-group-row">
            <th scope="row">{i18n.t('report.total')}</th>
            {columns.map((column) => <td key={column.id}>{duration(column.total.totalMs, locale)}</td>)}
          </tr>
        </tbody>
        <tbody>
          {clients.map((row) => (
            <tr key={row.key}>
              <th scope="row"><ClientSwatch client={row.client} />{clientName(row)}</th>
              {columns.map((column) => <td key={column.id}>{duration(column.clients[row.key] ?? 0, locale)}</td>)}
            </tr>
          ))}
        </tbody>
        <tbody>
          {report.platforms.map((platform) => (
            <tr key={platform.key}>
              <th scope="row">{groupLabel(platform)}</th>
              {columns.map((column) => <td key={column.id}>{duration(column.platforms[platform.key] ?? 0, locale)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
