// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportPage } from '@/components/report/ReportPage';
import { installLocale } from './dashboard-locale';
import { own, pageProps } from './report-fixtures';

/** Testing Library compares text with plain spaces; durations keep number and unit together. */
function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

function rows(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => plain(cell.textContent)));
}

afterEach(() => cleanup());

describe('Report page', () => {
  beforeEach(() => installLocale('en'));

  it('shows the figures per client in the clients table', () => {
    render(<ReportPage {...pageProps()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Time report');
    const table = screen.getByRole('table', { name: /^Time per client/ });
    expect(rows(table)).toEqual([
      ['Acme', '1 h 20 min', '1 h 20 min', '0 min', '0 min', '10 min', '+50 min (+167%)', 'CSV'],
      ['Beta', '45 min', '30 min', '15 min', '0 min', '0 min', '+45 min, nothing before', 'CSV'],
      ['No client', '20 min', '0 min', '20 min', '0 min', '5 min', '+20 min, nothing before', 'CSV'],
    ]);
    const acme = within(table).getByRole('row', { name: /^Acme/ });
    expect((within(acme).getByRole('button', { name: 'Download CSV for Acme' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('sums up the period and names the one it is compared with', () => {
    render(<ReportPage {...pageProps()} />);
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(plain(within(summary).getByText('Total').nextElementSibling?.textContent)).toBe('2 h 25 min');
    expect(plain(within(summary).getByText('In focus share').nextElementSibling?.textContent)).toBe('76%');
    expect(plain(within(summary).getByText(/^Previous period:/).textContent)).toBe('Previous period: 19 – 25 May 2025 (30 min)');
  });

  it('lists what pulled the user away, and puts the browsers side by side', () => {
    render(<ReportPage {...pageProps()} />);
    expect(rows(screen.getByRole('table', { name: /^Time outside your focus per channel/ }))).toEqual([
      ['Instagram', 'No client', '20 min'],
      ['XING', 'Beta', '15 min'],
    ]);
    const sources = screen.getByRole('table', { name: /^Time per browser/ });
    expect(within(sources).getAllByRole('columnheader').map((cell) => plain(cell.textContent)))
      .toEqual(['Client or platform', 'This browser Rename', 'Office laptop Rename']);
    expect(rows(sources)[0]).toEqual(['Total', '2 h 05 min', '20 min']);
  });

  it('downloads a CSV for a client', () => {
    const onDownload = vi.fn();
    render(<ReportPage {...pageProps({ onDownload })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV for Beta' }));
    expect(onDownload).toHaveBeenCalledTimes(1);
    const [name, text] = onDownload.mock.calls[0] as [string, string];
    expect(name).toBe('channel-focus-beta-2025-05-26-to-2025-06-01.csv');
    expect(text.split('\r\n').slice(1, -1)).toEqual([
      '2025-05-26,linkedin,company/beta,1800,0,0,0,1800',
      '2025-06-01,xing,,0,900,0,0,900',
    ]);
  });

  it('switches to a preset and writes the range to the address', () => {
    const onQueryChange = vi.fn();
    render(<ReportPage {...pageProps({ onQueryChange })} />);
    expect(onQueryChange).toHaveBeenLastCalledWith('?from=2025-05-26&to=2025-06-01');
    const presets = screen.getByRole('group', { name: 'Period' });
    fireEvent.click(within(presets).getByRole('button', { name: 'This week' }));
    expect(within(presets).getByRole('button', { name: 'This week' }).getAttribute('aria-pressed')).toBe('true');
    expect(onQueryChange).toHaveBeenLastCalledWith('?range=this-week');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2025-06-02');
    expect(screen.getByRole('table', { name: /^Time per client/ }).textContent).not.toContain('1 h 20 min');
  });

  it('explains a custom range that ends before it starts, and keeps the last good report', () => {
    const onQueryChange = vi.fn();
    render(<ReportPage {...pageProps({ onQueryChange })} />);
    onQueryChange.mockClear();
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-05-01' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'The end date is before the start date. Choose an end date on or after the start date.',
    );
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(onQueryChange).not.toHaveBeenCalled();
    expect(rows(screen.getByRole('table', { name: /^Time per client/ }))[0]?.[1]).toBe('1 h 20 min');
  });

  it('opens the range the address names', () => {
    render(<ReportPage {...pageProps({ initialQuery: { choice: 'last-week', custom: null } })} />);
    expect(screen.getByRole('button', { name: 'Last week' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2025-05-26');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2025-06-01');
  });

  it('renames a browser inline', async () => {
    const onRenameSource = vi.fn(() => Promise.resolve(null));
    render(<ReportPage {...pageProps({ onRenameSource })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename This browser' }));
    const field = screen.getByRole('textbox', { name: 'Name for This browser' });
    (field as HTMLInputElement).value = 'Desk PC';
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Name for This browser' })).toBeNull());
    expect(onRenameSource).toHaveBeenLastCalledWith('this-one', 'Desk PC');
  });

  it('shows why a name was refused and keeps the field open', async () => {
    const onRenameSource = vi.fn(() => Promise.resolve('A name can have at most 60 characters.'));
    render(<ReportPage {...pageProps({ onRenameSource })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename Office laptop' }));
    const field = screen.getByRole('textbox', { name: 'Name for Office laptop' }) as HTMLInputElement;
    field.value = 'x'.repeat(61);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('A name can have at most 60 characters.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('leaves the sources out when all time comes from one browser', () => {
    render(<ReportPage {...pageProps({ sources: [{ id: 'this-one', days: own }] })} />);
    expect(screen.queryByRole('heading', { name: 'Sources side by side' })).toBeNull();
  });
});

describe('Report page in German', () => {
  beforeEach(() => installLocale('de'));

  it('speaks German, with German numbers and durations', () => {
    render(<ReportPage {...pageProps({ locale: 'de-DE' })} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Zeitbericht');
    expect(within(screen.getByRole('group', { name: 'Zeitraum' })).getAllByRole('button').map((button) => button.textContent))
      .toEqual(['Diese Woche', 'Letzte Woche', 'Dieser Monat', 'Letzter Monat']);
    const table = screen.getByRole('table', { name: /^Zeit pro Kunde/ });
    expect(within(table).getAllByRole('columnheader').map((cell) => plain(cell.textContent))).toEqual([
      'Kunde', 'Gesamt', 'Im Fokus', 'Außerhalb des Fokus', 'Ohne Spezialisierung', 'Nach Feierabend', 'Veränderung', 'Herunterladen',
    ]);
    expect(rows(table)[0]).toEqual(['Acme', '1 Std. 20 Min.', '1 Std. 20 Min.', '0 Min.', '0 Min.', '10 Min.', '+50 Min. (+167 %)', 'CSV']);
    expect(screen.getByRole('button', { name: 'CSV für Kein Kunde herunterladen' }).textContent).toBe('CSV');
  });
});
