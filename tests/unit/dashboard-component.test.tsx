// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Dashboard, type DashboardLive, type DashboardProps } from '@/components/dashboard/Dashboard';
import { addDays } from '@/utils/dashboard';
import { PLATFORM_IDS } from '@/utils/platforms/types';
import { defaultSettings, type Settings } from '@/utils/settings';
import type { TotalsByDate } from '@/utils/tracking/totals';
import { installLocale } from './dashboard-locale';

const MIN = 60_000;
const HOUR = 60 * MIN;
const TODAY = '2025-06-04';

/** Testing Library matches text with normal spaces; durations keep number and unit together. */
function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

function settingsWithFocus(): Settings {
  return {
    ...defaultSettings(),
    specializations: [
      {
        id: 'b2b', name: 'B2B DACH',
        channels: [{ platform: 'linkedin', accounts: ['company/acme'] }, { platform: 'xing', accounts: null }],
        budgets: { totalMinutes: null, perChannel: { linkedin: 60 } },
        workingHours: null, clientId: null,
      },
      {
        id: 'visual', name: 'Visual products',
        channels: [{ platform: 'instagram', accounts: null }, { platform: 'pinterest', accounts: null }],
        budgets: { totalMinutes: null, perChannel: {} },
        workingHours: null, clientId: null,
      },
    ],
    activeSpecializationId: 'b2b',
  };
}

const typicalDays: TotalsByDate = {
  [TODAY]: {
    'linkedin:company/acme': [45 * MIN, 0, 0, 0],
    linkedin: [20 * MIN, 0, 0, 0],
    'linkedin:in/jane': [0, 10 * MIN, 0, 0],
    xing: [15 * MIN, 0, 0, 0],
    instagram: [0, 32 * MIN, 0, 12 * MIN],
  },
  [addDays(TODAY, -1)]: { linkedin: [HOUR + 5 * MIN, 0, 0, 0], 'x:acme': [0, 25 * MIN, 0, 0] },
  [addDays(TODAY, -3)]: { xing: [40 * MIN, 0, 0, 0] },
  [addDays(TODAY, -20)]: { tiktok: [0, 3 * HOUR, 0, 0] },
};

const counting: DashboardLive = {
  counting: true, paused: false, channel: { platform: 'linkedin', account: 'company/acme' }, pausedUntil: null,
};

function renderDashboard(overrides: Partial<DashboardProps> = {}) {
  const props: DashboardProps = {
    days: typicalDays,
    today: TODAY,
    settings: settingsWithFocus(),
    live: counting,
    locale: 'en-US',
    timeZone: 'Europe/Berlin',
    onSwitchSpecialization: vi.fn(),
    onPause: vi.fn(),
    onResume: vi.fn(),
    onOpenOptions: vi.fn(),
    onOpenReport: vi.fn(),
    onOpenSetup: vi.fn(),
    ...overrides,
  };
  return { props, ...render(<Dashboard {...props} />) };
}

/** A name matcher that reads no-break spaces as spaces. */
function named(text: string) {
  return (name: string) => plain(name) === text;
}

/**
 * A channel row as it reads: `name | time`. The row is the list item's first line; its parts have
 * no roles, so this reads the parts a screen reader reads (the aria-hidden badge is skipped).
 */
function rowText(item: Element | null | undefined): string {
  const parts = [...(item?.firstElementChild?.children ?? [])].filter((part) => part.getAttribute('aria-hidden') !== 'true');
  return parts.map((part) => plain(part.textContent)).join(' | ');
}

/** The outside-focus flags of a channel or account: a line of text each (their icon is decorative). */
function flags(item: HTMLElement): string[] {
  return within(item).queryAllByText(/outside your focus$/i).map((flag) => plain(flag.closest('p')?.textContent));
}

/** Cells of a table body, as text. happy-dom has no iterable `rows`, so this goes by selectors. */
function bodyRows(table: Element): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => plain(cell.textContent)));
}

/** Today's ranked channels: the list under the heading "Channels today". */
function channelList(): HTMLElement {
  const list = screen.getByRole('heading', { name: 'Channels today' }).nextElementSibling;
  expect(list?.tagName).toBe('OL');
  return list as HTMLElement;
}

function channelItem(name: string): HTMLElement {
  const list = channelList();
  const item = [...list.children].find((element) => rowText(element).startsWith(`${name} |`)) as HTMLElement | undefined;
  if (!item) throw new Error(`no channel ${name}`);
  return item;
}

beforeAll(async () => {
  await installLocale('en');
});

afterEach(() => cleanup());

describe('Dashboard: empty state', () => {
  it('explains what will appear and links to the setup', () => {
    const { props } = renderDashboard({ days: {}, settings: defaultSettings() });
    const empty = screen.getByRole('region', { name: 'Nothing tracked yet' });
    expect(plain(empty.querySelector('p')?.textContent)).toBe('Open LinkedIn, XING, Instagram or any other social platform. Your time per channel appears here, split into time in and outside your focus, with trends for the last 7 and 30 days.');
    expect(screen.queryByRole('heading', { name: 'Trends' })).toBeNull();
    // One way to the setup, inside the explanation.
    expect(screen.getAllByRole('button', { name: 'Set up your focus' })).toHaveLength(1);
    fireEvent.click(within(empty).getByRole('button', { name: 'Set up your focus' }));
    expect(props.onOpenSetup).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(props.onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('is not shown to a user with time in the last 30 days but none today', () => {
    renderDashboard({ days: { [addDays(TODAY, -10)]: { xing: [MIN, 0, 0, 0] } } });
    expect(screen.queryByRole('heading', { name: 'Nothing tracked yet' })).toBeNull();
    expect(screen.getByText('Nothing tracked yet today.').closest('section')).toBe(screen.getByRole('region', { name: 'Today' }));
  });
});

describe('Dashboard: today', () => {
  it('shows the totals, the focus share and after-hours time', () => {
    renderDashboard();
    const today = screen.getByRole('region', { name: 'Today' });
    const values = within(today).getAllByRole('definition');
    const figures = Object.fromEntries(within(today).getAllByRole('term')
      .map((term, index) => [plain(term.textContent), plain(values[index]?.textContent)]));
    expect(figures).toEqual({
      Total: '2 h 02 min',
      'In focus': '1 h 20 min',
      'Outside focus': '42 min',
      'Focus share': '66%',
      'After hours': '12 min',
    });
  });

  it('ranks the channels by time, with their times', () => {
    renderDashboard();
    expect([...channelList().children].map(rowText)).toEqual(['LinkedIn | 1 h 15 min', 'Instagram | 32 min', 'XING | 15 min']);
  });

  it('puts the platform letter badge, at the dashboard size, before each channel', () => {
    renderDashboard();
    // Decorative (aria-hidden): no role to find it by, so it is read from the row's first line.
    const badge = (name: string) => channelItem(name).querySelector('.cf-row > svg.cf-badge');
    expect(badge('LinkedIn')?.querySelector('text')?.textContent).toBe('Li');
    expect(badge('XING')?.querySelector('text')?.textContent).toBe('Xi');
    expect(badge('LinkedIn')?.getAttribute('width')).toBe('20');
  });

  it('flags a channel outside the specialization with an icon and text', () => {
    renderDashboard();
    const instagram = channelItem('Instagram');
    expect(flags(instagram)).toEqual(['Outside your focus']);
    expect(within(instagram).getByText('Outside your focus').previousElementSibling?.getAttribute('aria-hidden')).toBe('true');
    expect(flags(channelItem('XING'))).toEqual([]);
    // LinkedIn is in focus for one account; the other account is counted as outside.
    expect(flags(channelItem('LinkedIn'))).toEqual(['1 account outside your focus']);
  });

  it('opens the account breakdown from a button that says whether it is expanded', () => {
    renderDashboard();
    const toggle = screen.getByRole('button', { name: 'LinkedIn' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('company/acme')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const accounts = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect([...accounts.children].map(rowText)).toEqual([
      'company/acme | 45 min', 'Feeds, search and messages | 20 min', 'in/jane | 10 min',
    ]);
    const jane = [...accounts.children].find((item) => item.textContent?.includes('in/jane'))!;
    expect(flags(jane as HTMLElement)).toEqual(['Outside your focus']);
    // Only built-in platforms with accounts can be expanded.
    expect(screen.queryByRole('button', { name: 'XING' })).toBeNull();
  });

  it('shows the budget as a named meter with the numbers as text', () => {
    renderDashboard();
    const meter = screen.getByRole('meter', { name: 'Budget for LinkedIn' });
    expect(meter.getAttribute('aria-valuemin')).toBe('0');
    expect(meter.getAttribute('aria-valuemax')).toBe('60');
    expect(meter.getAttribute('aria-valuenow')).toBe('60');
    expect(plain(meter.getAttribute('aria-valuetext'))).toBe('1 h 15 min of 1 h 00 min, over by 15 min');
  });

  it('updates when live totals arrive', () => {
    const { props, rerender } = renderDashboard();
    const more: TotalsByDate = { ...typicalDays, [TODAY]: { ...typicalDays[TODAY], xing: [55 * MIN, 0, 0, 0] } };
    rerender(<Dashboard {...props} days={more} />);
    expect(rowText(channelList().children[1])).toBe('XING | 55 min');
  });
});

describe('Dashboard: header', () => {
  it('switches the specialization from a labelled select', () => {
    const { props } = renderDashboard();
    const select = screen.getByRole('combobox', { name: 'Active specialization' }) as HTMLSelectElement;
    expect(select.value).toBe('b2b');
    fireEvent.change(select, { target: { value: 'visual' } });
    expect(props.onSwitchSpecialization).toHaveBeenLastCalledWith('visual');
    fireEvent.change(select, { target: { value: '' } });
    expect(props.onSwitchSpecialization).toHaveBeenLastCalledWith(null);
  });

  it('moves the flag when the specialization changes', () => {
    const { props, rerender } = renderDashboard();
    rerender(<Dashboard {...props} settings={{ ...props.settings, activeSpecializationId: 'visual' }} />);
    expect(flags(channelItem('Instagram'))).toEqual([]);
    expect(flags(channelItem('XING'))).toEqual(['Outside your focus']);
  });

  it('says what is counting and pauses or resumes', () => {
    const { props, rerender } = renderDashboard();
    expect(plain(screen.getByRole('status').textContent)).toBe('Counting LinkedIn · company/acme');
    const pause = screen.getByRole('group', { name: 'Pause tracking' });
    fireEvent.click(within(pause).getByRole('button', { name: named('Pause 15 min') }));
    fireEvent.click(within(pause).getByRole('button', { name: named('Pause 1 h') }));
    fireEvent.click(within(pause).getByRole('button', { name: 'Pause until tomorrow' }));
    expect(vi.mocked(props.onPause).mock.calls).toEqual([[15], [60], ['tomorrow']]);

    const pausedUntil = Date.UTC(2025, 5, 4, 13, 30);
    rerender(<Dashboard {...props} live={{ counting: false, paused: true, reason: 'paused', channel: null, pausedUntil }} />);
    expect(plain(screen.getByRole('status').textContent)).toBe('Paused until 3:30 PM');
    fireEvent.click(screen.getByRole('button', { name: 'Resume tracking' }));
    expect(props.onResume).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('group', { name: 'Pause tracking' })).toBeNull();

    rerender(<Dashboard {...props} live={{ counting: false, paused: false, reason: 'idle', channel: null, pausedUntil: null }} />);
    expect(plain(screen.getByRole('status').textContent)).toBe('Idle, no recent input');
  });

  it('offers the setup instead of a select when there is no specialization', () => {
    const { props } = renderDashboard({ settings: defaultSettings() });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByText(/No specialization is active/).textContent).toBe('No specialization is active. Time is counted, but nothing measures it against a focus.');
    fireEvent.click(screen.getByRole('button', { name: 'Set up your focus' }));
    expect(props.onOpenSetup).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Outside your focus')).toBeNull();
  });

  it('links to the options and to the full report', () => {
    const { props } = renderDashboard();
    fireEvent.click(screen.getByRole('button', { name: 'Full report' }));
    expect(props.onOpenReport).toHaveBeenCalledTimes(1);
  });
});

describe('Dashboard: trends', () => {
  function dayTable(): HTMLTableElement {
    const table = screen.getByRole('table', { name: /^Time per day from/ });
    return table as HTMLTableElement;
  }

  it('gives screen readers the numbers in a table, hidden from sight in the popup', () => {
    renderDashboard();
    const table = dayTable();
    expect(table.classList.contains('cf-visually-hidden')).toBe(true);
    const rows = bodyRows(table);
    expect(rows).toHaveLength(7);
    expect(rows[6]).toEqual(['Wednesday, June 4, 2025', '2 h 02 min', '1 h 20 min', '42 min', '0 min', '66%']);
    expect(rows[5]).toEqual(['Tuesday, June 3, 2025', '1 h 30 min', '1 h 05 min', '25 min', '0 min', '72%']);
    expect(rows[4]).toEqual(['Monday, June 2, 2025', '0 min', '0 min', '0 min', '0 min', 'not measured']);
    expect(plain(table.caption?.textContent)).toBe('Time per day from Thu, May 29 to Wed, Jun 4');
  });

  it('switches between 7 and 30 days', () => {
    renderDashboard();
    const period = screen.getByRole('group', { name: 'Period' });
    const thirty = within(period).getByRole('button', { name: '30 days' });
    expect(thirty.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(thirty);
    expect(thirty.getAttribute('aria-pressed')).toBe('true');
    expect(bodyRows(dayTable())).toHaveLength(30);
    const top = screen.getByRole('heading', { name: 'Top channels outside your focus' }).nextElementSibling!;
    expect([...top.children].map(rowText)).toEqual([
      'TikTok | 3 h 00 min', 'Instagram | 32 min', 'X · @acme | 25 min', 'LinkedIn · in/jane | 10 min',
    ]);
  });

  it('draws one stacked bar per day and a share line', () => {
    const { container } = renderDashboard();
    // The drawing is aria-hidden (the table above gives the numbers): its parts have no role or name.
    const bars = container.querySelectorAll('.cf-day');
    expect(bars).toHaveLength(7);
    const today = bars[6]!;
    const inHeight = Number(today.querySelector('.cf-bar-in')?.getAttribute('height'));
    const outHeight = Number(today.querySelectorAll('rect')[2]?.getAttribute('height'));
    expect(inHeight / outHeight).toBeCloseTo(80 / 42, 1);
    expect(plain(today.querySelector('title')?.textContent)).toBe('Wed, Jun 4: 1 h 20 min / 42 min');
    // Two measured days in a row (June 3 and 4) make one segment; earlier ones stand alone.
    expect(container.querySelectorAll('.cf-share-dot')).toHaveLength(3);
    expect(container.querySelector('.cf-share-line')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  });

  it('reads out a day picked with the arrow keys', () => {
    renderDashboard();
    const chart = screen.getByRole('group', { name: /^Time per day from/ });
    const readout = () => plain(document.getElementById(chart.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent);
    expect(readout()).toBe('Wed, Jun 4: 2 h 02 min in total, 1 h 20 min in focus, 42 min outside, focus share 66%');
    const live = document.getElementById(chart.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(live.getAttribute('aria-live')).toBe('off');
    fireEvent.focus(chart);
    expect(live.getAttribute('aria-live')).toBe('polite');
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(readout()).toBe('Tue, Jun 3: 1 h 30 min in total, 1 h 05 min in focus, 25 min outside, focus share 72%');
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(readout()).toMatch(/^Thu, May 29: 0 min in total/);
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(readout()).toMatch(/^Thu, May 29/);
    fireEvent.keyDown(chart, { key: 'End' });
    expect(readout()).toMatch(/^Wed, Jun 4/);
  });
});

describe('Dashboard: a year of heavy data', () => {
  // 40 channels: 18 platforms with one or two accounts, and custom hosts.
  const channelKeys = [
    ...PLATFORM_IDS.map((id) => id),
    ...PLATFORM_IDS.slice(0, 12).map((id) => `${id}:acct-${id}`),
    ...Array.from({ length: 10 }, (_, index) => `custom:host${index}.example`),
  ];
  const heavy: TotalsByDate = {};
  for (let index = 0; index < 365; index += 1) {
    heavy[addDays(TODAY, -index)] = Object.fromEntries(channelKeys.map((key, position) =>
      [key, [(position % 3) * MIN, ((position + 1) % 4) * MIN, 0, position % 2 === 0 ? MIN : 0]]));
  }

  it('renders every channel group and only aggregates the ranges on screen', () => {
    expect(channelKeys).toHaveLength(40);
    const read = new Set<string>();
    const watched = new Proxy(heavy, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d{4}-/.test(property)) read.add(property);
        return Reflect.get(target, property, receiver);
      },
    });
    const started = performance.now();
    renderDashboard({ days: watched });
    const elapsed = performance.now() - started;
    expect(channelList().children).toHaveLength(18 + 10);
    expect(read.size).toBeLessThanOrEqual(30);
    expect(bodyRows(dayTable())).toHaveLength(7);
    // The real budget (100 ms in Chromium) is measured by the bench; this only catches a blow-up.
    expect(elapsed).toBeLessThan(2000);
  });

  function dayTable(): HTMLTableElement {
    return screen.getByRole('table', { name: /^Time per day from/ }) as HTMLTableElement;
  }
});

describe('popup: today per client', () => {
  const withClients = (): Settings => ({
    ...settingsWithFocus(),
    clients: [
      { id: 'acme', name: 'Acme GmbH', color: '#aa3355', channels: [{ platform: 'linkedin', accounts: ['company/ACME'] }, { platform: 'xing', accounts: null }] },
      { id: 'beta', name: 'Beta Bank', color: '#3355aa', channels: [{ platform: 'instagram', accounts: null }] },
      { id: 'idle', name: 'Quiet Client', color: '#33aa55', channels: [{ platform: 'tiktok', accounts: null }] },
    ],
  });
  /** A client's line: its name, then its time (the first child of its list item). */
  const rowTime = (name: string) => plain(screen.getByRole('button', { name }).closest('li')!.firstElementChild!.textContent).slice(name.length);

  it('lists clients with today’s time first, the channels without a client last, and opens onto channels', () => {
    renderDashboard({ settings: withClients() });
    const group = screen.getByRole('group', { name: 'Group channels by' });
    expect(within(group).getByRole('button', { name: 'Client' }).getAttribute('aria-pressed')).toBe('true');
    // Acme: company/acme 45 min + XING 15 min; Beta: Instagram 32 min; no client: LinkedIn feed 20 + in/jane 10.
    expect(rowTime('Acme GmbH')).toBe('1 h 00 min');
    expect(rowTime('Beta Bank')).toBe('32 min');
    expect(rowTime('No client')).toBe('30 min');
    // A client without time today is not listed.
    expect(screen.queryByText('Quiet Client')).toBeNull();
    const acme = screen.getByRole('button', { name: 'Acme GmbH' });
    fireEvent.click(acme);
    expect(acme.getAttribute('aria-expanded')).toBe('true');
    const channels = within(acme.closest('li')!).getAllByRole('listitem').map((item) => plain(item.textContent));
    expect(channels).toEqual(['LinkedIn · company/acme45 min', 'XING15 min']);
  });

  it('switches back to platforms, and shows no switch without clients', () => {
    renderDashboard({ settings: withClients() });
    fireEvent.click(screen.getByRole('button', { name: 'Platform' }));
    expect(screen.getByRole('button', { name: 'Platform' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Acme GmbH' })).toBeNull();
    expect(screen.getByRole('button', { name: 'LinkedIn' })).toBeInstanceOf(HTMLElement);
    cleanup();
    renderDashboard();
    expect(screen.queryByRole('group', { name: 'Group channels by' })).toBeNull();
  });
});
