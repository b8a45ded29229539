// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { seriousViolations as axeFindings } from './axe';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanel, type SidePanelProps } from '@/components/SidePanel';
import { badgeName } from '@/components/dashboard/labels';
import { PlatformBadge } from '@/components/panel/PlatformBadge';
import { platformName } from '@/utils/channels';
import { PLATFORM_IDS } from '@/utils/platforms/types';
import type { PanelView } from '@/utils/messages';
import { pauseTracking, setChannelBudget, setPanelEdge, setPanelPlacement, setPlatformTracked, setWorkingHours, snoozeFlag } from '@/utils/settings';
import { installLocale } from './dashboard-locale';
import { ACME, MIN, T0, X_ACME, focusSettings, viewFor } from './panel-fixtures';

/** Testing Library matches text with normal spaces; durations keep number and unit together. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function renderPanel(view: PanelView, overrides: Partial<SidePanelProps> = {}) {
  const onPlacement = vi.fn();
  const onAction = vi.fn();
  const props: SidePanelProps = {
    view,
    placement: view.placement!,
    theme: 'light',
    locale: 'en-US',
    timeZone: 'UTC',
    lastInputAt: () => Date.now(),
    onPlacement,
    onAction,
    clock: () => Date.now(),
    ...overrides,
  };
  const result = render(<SidePanel {...props} />);
  return { ...result, onPlacement, onAction, props };
}

const status = () => screen.getByRole('status');
const panel = () => screen.getByRole('complementary', { name: 'Channel Focus side panel' });
/** A figure's value: the `<dd>` after the `<dt>` that names it (a definition has no name of its own to find it by). */
const figure = (term: string) => {
  const value = screen.getByText(term, { selector: 'dt' }).nextElementSibling;
  expect(value?.tagName).toBe('DD');
  return value!;
};
const clock = () => plain(figure('Today').textContent);
/** The live line (counting or why not) has no role; it is the paragraph that holds its text. */
const liveLine = (text: string) => screen.getByText(text).closest('p');
/** The dock is the panel's unnamed, role-less wrapper: it carries the edge, theme and position. */
const dock = () => panel().parentElement!;
const dockTop = () => dock().style.getPropertyValue('--top').trim();

beforeEach(async () => {
  await installLocale('en');
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('side panel: what it shows', () => {
  it('in focus: channel, account, today ticking live, the status in colour, icon and words', () => {
    const { container } = renderPanel(viewFor({}));
    // The account is written under the platform's name.
    expect(screen.getByText('company/acme').previousElementSibling?.textContent).toBe('LinkedIn');
    // The letter badge is decorative (aria-hidden, the name is written next to it): no role to find it by.
    expect(container.querySelector('.cf-badge text')?.textContent).toBe('Li');
    expect(status().textContent).toBe('In focus');
    expect(status().classList.contains('tone-in')).toBe(true);
    expect(status().querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(clock()).toBe('45 min');
    act(() => { vi.advanceTimersByTime(59_999); });
    expect(clock()).toBe('45 min');
    act(() => { vi.advanceTimersByTime(1); });
    expect(clock()).toBe('46 min');
    expect(liveLine('Counting')?.className).toBe('live is-counting');
    expect(screen.queryByRole('group', { name: 'Quick actions' })).toBeNull();
    expect(panel().classList.contains('flagged')).toBe(false);
  });

  it('names the client the channel counts for, beside the account', async () => {
    const withClient = focusSettings((s) => ({
      ...s,
      clients: [
        { id: 'c1', name: 'Acme GmbH', color: '#aa3355', channels: [{ platform: 'linkedin', accounts: ['company/ACME'] }] },
        { id: 'c2', name: 'Other AG', color: '#3355aa', channels: [{ platform: 'linkedin', accounts: null }] },
      ],
    }));
    renderPanel(viewFor({ settings: withClient }));
    expect(within(panel()).getByText('Client: Acme GmbH').tagName).toBe('P');
    cleanup();
    // The whole platform's client holds the account-less pages and the accounts no client names.
    renderPanel(viewFor({ settings: withClient, channel: { platform: 'linkedin', account: 'company/globex' } }));
    expect(within(panel()).getByText('Client: Other AG').tagName).toBe('P');
    cleanup();
    renderPanel(viewFor({ settings: focusSettings(), channel: X_ACME }));
    expect(within(panel()).queryByText(/^Client:/)).toBeNull();
    cleanup();
    await installLocale('de');
    renderPanel(viewFor({ settings: withClient }));
    expect(screen.getByRole('complementary', { name: 'Channel-Focus-Seitenleiste' }).textContent).toContain('Kunde: Acme GmbH');
  });

  it('shows the account as the platform writes it and today’s focus share', () => {
    const view = viewFor({ channel: X_ACME });
    renderPanel(view);
    expect(screen.getByText('@acme').previousElementSibling?.textContent).toBe('X');
    // 45 min in focus, 15 min outside: three quarters.
    expect(plain(figure('In focus today').textContent)).toBe('75%');
  });

  it('stops the live counter where presence ends, without input', () => {
    const today = { 'linkedin:company/acme': [45 * MIN + 50_000, 0, 0, 0] as [number, number, number, number] };
    renderPanel(viewFor({ today }), { lastInputAt: () => T0 - 58_000 });
    act(() => { vi.advanceTimersByTime(3 * MIN); });
    // Input 58 s before the view, 60 s threshold: 2 s more (45 min 52 s), then nothing.
    expect(clock()).toBe('45 min');
  });

  it('turns to the next minute on the figure’s own minute boundary', () => {
    const today = { 'linkedin:company/acme': [45 * MIN + 50_000, 0, 0, 0] as [number, number, number, number] };
    renderPanel(viewFor({ today }));
    act(() => { vi.advanceTimersByTime(9_999); });
    expect(clock()).toBe('45 min');
    act(() => { vi.advanceTimersByTime(1); });
    expect(clock()).toBe('46 min');
    // One timer, a minute away: no work per second.
    expect(vi.getTimerCount()).toBe(1);
    act(() => { vi.advanceTimersByTime(59_999); });
    expect(clock()).toBe('46 min');
    act(() => { vi.advanceTimersByTime(1); });
    expect(clock()).toBe('47 min');
  });

  it('writes the figure in the panel’s language', async () => {
    await installLocale('de');
    renderPanel(viewFor({ today: { 'linkedin:company/acme': [65 * MIN, 0, 0, 0] } }), { locale: 'de-DE' });
    expect(plain(figure('Heute').textContent)).toBe('1 Std. 05 Min.');
  });

  it('runs no timer at all while nothing is counting', () => {
    renderPanel(viewFor({ counting: false, reason: 'hidden' }));
    expect(vi.getTimerCount()).toBe(0);
    act(() => { vi.advanceTimersByTime(5 * MIN); });
    expect(clock()).toBe('45 min');
  });

  it('stops its timer where presence ends: no work per second while the user is away', () => {
    renderPanel(viewFor({}), { lastInputAt: () => T0 - 58_000 });
    act(() => { vi.advanceTimersByTime(3 * MIN); });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs nothing while the tab is hidden, and catches up when it shows again', () => {
    renderPanel(viewFor({}));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => { vi.advanceTimersByTime(MIN); });
    expect(vi.getTimerCount()).toBe(0);
    act(() => { vi.advanceTimersByTime(2 * MIN); });
    visibility.mockReturnValue('visible');
    act(() => { document.dispatchEvent(new Event('visibilitychange')); });
    expect(clock()).toBe('48 min');
    expect(vi.getTimerCount()).toBe(1);
  });

  it('a tick changes the clock’s text and nothing else of the panel', async () => {
    const { container } = renderPanel(viewFor({}));
    const today = figure('Today');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
    act(() => { vi.advanceTimersByTime(MIN); });
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((record) => today.contains(record.target))).toBe(true);
    expect(clock()).toBe('46 min');
  });

  it('flagged: a stronger style and the three quick actions', () => {
    const view = viewFor({ channel: X_ACME, today: { 'x:acme': [0, 5 * MIN, 0, 0] } });
    const { onAction } = renderPanel(view);
    expect(status().textContent).toBe('Outside your specialization');
    expect(status().classList.contains('tone-out')).toBe(true);
    expect(panel().classList.contains('flagged')).toBe(true);
    const actions = screen.getByRole('group', { name: 'Quick actions' });
    const buttons = within(actions).getAllByRole('button').map((button) => button.textContent);
    expect(buttons).toEqual(['Add @acme to “B2B DACH”', 'Snooze the flag for 15 minutes', 'Open report']);
    fireEvent.click(within(actions).getByText('Add @acme to “B2B DACH”'));
    fireEvent.click(within(actions).getByText('Snooze the flag for 15 minutes'));
    fireEvent.click(within(actions).getByText('Open report'));
    expect(onAction.mock.calls.map(([action]) => action)).toEqual(['add-to-focus', 'snooze', 'open-report']);
  });

  it('offers to add the whole platform on an account-less page', () => {
    const { onAction } = renderPanel(viewFor({ channel: { platform: 'instagram', account: null } }));
    fireEvent.click(screen.getByRole('button', { name: 'Add Instagram to “B2B DACH”' }));
    expect(onAction).toHaveBeenCalledWith('add-to-focus');
  });

  it('snoozed: still outside, calmer, says until when, no quick actions', () => {
    const settings = snoozeFlag(focusSettings(), X_ACME, T0 + 15 * MIN);
    renderPanel(viewFor({ channel: X_ACME, settings }));
    expect(status().textContent).toBe('Outside your specialization');
    expect(status().classList.contains('tone-snoozed')).toBe(true);
    expect(panel().classList.contains('flagged')).toBe(false);
    // The note is the line right under the status.
    expect(status().nextElementSibling?.textContent).toBe('Flag snoozed until 10:15 AM');
    expect(screen.queryByRole('group', { name: 'Quick actions' })).toBeNull();
  });

  it('no specialization: a calm neutral line and a way to choose a focus', () => {
    const { onAction } = renderPanel(viewFor({ settings: { ...focusSettings(), activeSpecializationId: null } }));
    expect(status().textContent).toBe('No specialization active');
    expect(status().classList.contains('tone-neutral')).toBe(true);
    expect(status().nextElementSibling?.textContent).toBe('Time is counted, but there is no focus to measure it against.');
    fireEvent.click(screen.getByRole('button', { name: 'Choose your focus' }));
    expect(onAction).toHaveBeenCalledWith('open-options');
  });

  it('not tracked: excluded platform, paused tracking, outside working hours that are not tracked', () => {
    const excluded = renderPanel(viewFor({ settings: setPlatformTracked(focusSettings(), 'linkedin', false), counting: false, reason: 'untracked' }));
    expect(status().textContent).toBe('Not tracked');
    expect(status().classList.contains('tone-off')).toBe(true);
    expect(liveLine('You turned tracking off for this platform')?.className).toBe('live is-paused');
    excluded.unmount();

    const paused = renderPanel(viewFor({ settings: pauseTracking(focusSettings(), T0 + 30 * MIN), counting: false, reason: 'paused' }));
    expect(status().textContent).toBe('Not tracked');
    expect(liveLine('Paused by you until 10:30 AM')?.className).toBe('live is-paused');
    paused.unmount();

    const hours = { days: [1, 2, 3, 4, 5], from: '11:00', to: '17:00', overnight: false, timeZone: 'UTC', trackOutside: false };
    const edited = setWorkingHours(focusSettings(), 'b2b', hours);
    if (!edited.ok) throw new Error('working hours refused');
    renderPanel(viewFor({ settings: edited.settings, counting: false, reason: 'untracked' }));
    expect(status().textContent).toBe('Not tracked');
    expect(liveLine('Outside your working hours, not counted')?.className).toBe('live is-paused');
  });

  it.each([
    ['idle', 'Paused: you seem to be away'],
    ['hidden', 'Paused: tab in the background'],
    ['unfocused', 'Paused: another window or tab has focus'],
  ] as const)('paused (%s): a live indicator says why', (reason, text) => {
    renderPanel(viewFor({ counting: false, reason }));
    const line = liveLine(text);
    expect(line?.textContent).toBe(text);
    expect(line?.classList.contains('is-paused')).toBe(true);
    expect(line?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('budget bar: used of budget, as of each view, striped once used up', () => {
    const edited = setChannelBudget(focusSettings(), 'b2b', 'linkedin', 46);
    if (!edited.ok) throw new Error('budget refused');
    const { rerender, props } = renderPanel(viewFor({ settings: edited.settings }));
    /** The striped look sits on the meter's role-less wrapper. */
    const over = () => screen.getByRole('meter', { name: 'Daily budget' }).parentElement?.classList.contains('cf-budget-over');
    const meter = screen.getByRole('meter', { name: 'Daily budget' });
    expect(plain(meter.getAttribute('aria-valuetext'))).toBe('45 min of 46 min');
    expect(over()).toBe(false);
    // Between views only the clock moves; the next view (every few seconds while the user is there) brings the rest.
    act(() => { vi.advanceTimersByTime(60_000); });
    expect(plain(screen.getByRole('meter').getAttribute('aria-valuetext'))).toBe('45 min of 46 min');
    const today = { 'linkedin:company/acme': [46 * MIN, 0, 0, 0] as [number, number, number, number], 'x:acme': [0, 15 * MIN, 0, 0] as [number, number, number, number] };
    rerender(<SidePanel {...props} view={viewFor({ settings: edited.settings, today, now: Date.now() })} />);
    expect(plain(screen.getByRole('meter').getAttribute('aria-valuetext'))).toBe('46 min of 46 min, over by 0 min');
    expect(over()).toBe(true);
  });

  it('no budget bar without a budget', () => {
    renderPanel(viewFor({}));
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('after-hours time when there is some', () => {
    const { unmount } = renderPanel(viewFor({}));
    expect(screen.queryByText('After hours')).toBeNull();
    unmount();
    renderPanel(viewFor({ today: { 'linkedin:company/acme': [45 * MIN, 0, 0, 20 * MIN] } }));
    expect(plain(figure('After hours').textContent)).toBe('20 min');
  });

  it('German: the three status texts', async () => {
    await installLocale('de');
    const inFocus = renderPanel(viewFor({}), { locale: 'de-DE' });
    expect(status().textContent).toBe('Im Fokus');
    inFocus.unmount();
    const outside = renderPanel(viewFor({ channel: X_ACME }), { locale: 'de-DE' });
    expect(status().textContent).toBe('Außerhalb Ihrer Spezialisierung');
    expect(screen.getByRole('button', { name: '@acme zu „B2B DACH“ hinzufügen' })).toBeInstanceOf(HTMLButtonElement);
    outside.unmount();
    renderPanel(viewFor({ settings: setPlatformTracked(focusSettings(), 'linkedin', false), counting: false, reason: 'untracked' }), { locale: 'de-DE' });
    expect(status().textContent).toBe('Nicht erfasst');
  });

  it('wears the theme it is given', () => {
    renderPanel(viewFor({}), { theme: 'dark' });
    expect(dock().classList.contains('theme-dark')).toBe(true);
    expect(dock().classList.contains('theme-light')).toBe(false);
  });
});

describe('platform letter badge', () => {
  const look = (root: Element) => [root.querySelector('rect')?.getAttribute('fill'), root.querySelector('text')?.textContent];

  it('shows two letters of the name on a hue of its own, from the name the dashboard gives it too', () => {
    const fills = new Set<string>();
    for (const platform of PLATFORM_IDS) {
      const channel = { platform, account: null };
      const name = platformName(platform);
      // The panel is sent the name; the dashboard reads it from the catalog: both must be the same.
      expect(badgeName(channel)).toBe(name);
      const { container, unmount } = render(<PlatformBadge channel={channel} name={name} size={24} />);
      const [fill, letters] = look(container);
      expect(letters).toBe(name.charAt(0).toUpperCase() + name.slice(1, 2).toLowerCase());
      expect(fill).toMatch(/^hsl\(\d+ 55% 36%\)$/);
      fills.add(fill!);
      unmount();
    }
    expect(fills.size).toBe(PLATFORM_IDS.length);
  });

  it('gives a custom host its first letter on the neutral colour, and an unknown channel a question mark', () => {
    const customChannel = { platform: 'custom', account: 'forum.example.org' } as const;
    expect(badgeName(customChannel)).toBe('');
    const custom = render(<PlatformBadge channel={customChannel} name={badgeName(customChannel)} size={20} />);
    expect(look(custom.container)).toEqual(['var(--cf-badge-neutral)', 'F']);
    const unknown = render(<PlatformBadge channel={null} name={badgeName(null)} size={20} />);
    expect(look(unknown.container)).toEqual(['var(--cf-badge-neutral)', '?']);
  });

  it('is drawn at the size it is given, the same drawing scaled', () => {
    const channel = { platform: 'linkedin', account: null } as const;
    const small = render(<PlatformBadge channel={channel} name="LinkedIn" size={20} />);
    const large = render(<PlatformBadge channel={channel} name="LinkedIn" size={24} />);
    const svg = (root: Element) => root.querySelector('svg.cf-badge')!;
    expect([svg(small.container).getAttribute('width'), svg(small.container).getAttribute('height')]).toEqual(['20', '20']);
    expect([svg(large.container).getAttribute('width'), svg(large.container).getAttribute('height')]).toEqual(['24', '24']);
    expect(svg(large.container).getAttribute('viewBox')).toBe(svg(small.container).getAttribute('viewBox'));
    expect(look(large.container)).toEqual(look(small.container));
    // Decorative: the name is written next to it.
    expect(svg(small.container).getAttribute('aria-hidden')).toBe('true');
  });
});

describe('side panel: how it behaves', () => {
  it('collapses to a tab that names the status and opens again', () => {
    const view = viewFor({ channel: X_ACME });
    const first = renderPanel(view);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse the panel' }));
    expect(first.onPlacement).toHaveBeenCalledWith({ collapsed: true });
    first.unmount();

    const collapsed = renderPanel(view, { placement: { ...view.placement!, collapsed: true } });
    const tab = screen.getByRole('button', { name: 'Channel Focus: Outside your specialization. Show the panel' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.classList.contains('tone-out')).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByText('Today')).toBeNull();
    // Collapsed, the counter does not run: nothing on screen would show it.
    expect(vi.getTimerCount()).toBe(0);
    fireEvent.click(tab);
    expect(collapsed.onPlacement).toHaveBeenCalledWith({ collapsed: false });
  });

  it('keeps keyboard focus on the control that replaces the one used', () => {
    const view = viewFor({});
    const placement = view.placement!;
    const result = renderPanel(view, { placement: { ...placement, collapsed: true } });
    const tab = screen.getByRole('button', { name: /Show the panel/ });
    tab.focus();
    fireEvent.click(tab);
    result.rerender(<SidePanel {...result.props} placement={{ ...placement, collapsed: false }} />);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Collapse the panel');
    fireEvent.click(document.activeElement!);
    result.rerender(<SidePanel {...result.props} placement={{ ...placement, collapsed: true }} />);
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/Show the panel/);
  });

  it('moves focus into the panel when the shortcut asks', () => {
    const view = viewFor({});
    const result = renderPanel(view, { focusRequest: 0 });
    expect(document.activeElement).toBe(document.body);
    result.rerender(<SidePanel {...result.props} focusRequest={1} />);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Collapse the panel');
  });

  it('switches edge and hides on this platform', () => {
    const { onPlacement, unmount } = renderPanel(viewFor({}));
    expect(dock().classList.contains('edge-right')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move the panel to the left edge' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hide on LinkedIn' }));
    expect(onPlacement.mock.calls).toEqual([[{ edge: 'left' }], [{ hidden: true }]]);
    unmount();
    const left = renderPanel(viewFor({ settings: setPanelEdge(focusSettings(), 'left') }));
    expect(left.container.contains(dock())).toBe(true);
    expect(dock().classList.contains('edge-left')).toBe(true);
    expect(screen.getByRole('button', { name: 'Move the panel to the right edge' })).toBeInstanceOf(HTMLButtonElement);
    expect(screen.queryByRole('button', { name: 'Move the panel to the left edge' })).toBeNull();
  });

  it('sits where it was left on this platform', () => {
    renderPanel(viewFor({ settings: setPanelPlacement(focusSettings(), 'linkedin', { top: 0.8 }) }));
    expect(dockTop()).toBe('0.8');
    expect(screen.getByRole('slider', { name: 'Panel position' }).getAttribute('aria-valuetext')).toBe('80 % from the top');
  });

  it('moves with the arrow keys on its handle and saves once the keys rest', () => {
    const { onPlacement } = renderPanel(viewFor({}));
    const handle = screen.getByRole('slider', { name: 'Panel position' });
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    expect(handle.getAttribute('aria-valuetext')).toBe('40 % from the top');
    expect(dockTop()).toBe('0.4');
    expect(onPlacement).not.toHaveBeenCalled();
    act(() => { vi.advanceTimersByTime(400); });
    expect(onPlacement).toHaveBeenCalledTimes(1);
    expect(onPlacement).toHaveBeenCalledWith({ top: 0.4 });
    fireEvent.keyDown(handle, { key: 'Home' });
    act(() => { vi.advanceTimersByTime(400); });
    expect(onPlacement).toHaveBeenLastCalledWith({ top: 0 });
  });

  it('is dragged up and down with the pointer, within the window', () => {
    const { onPlacement } = renderPanel(viewFor({}));
    const handle = screen.getByRole('slider', { name: 'Panel position' });
    const range = window.innerHeight - dock().getBoundingClientRect().height;
    fireEvent.pointerDown(handle, { pointerId: 3, button: 0, clientY: 100 });
    fireEvent.pointerMove(handle, { pointerId: 3, clientY: 100 + range * 0.2 });
    expect(dockTop()).toBe('0.5');
    expect(onPlacement).not.toHaveBeenCalled();
    fireEvent.pointerMove(handle, { pointerId: 3, clientY: 100 + range * 5 });
    fireEvent.pointerUp(handle, { pointerId: 3, clientY: 100 + range * 5 });
    expect(onPlacement).toHaveBeenCalledWith({ top: 1 });
  });
});

describe('side panel accessibility (axe-core)', () => {
  /** Serious and critical findings; colour contrast needs a real layout engine (the e2e scan covers it). */
  async function seriousViolations(root: Element): Promise<string[]> {
    vi.useRealTimers();
    return axeFindings(root);
  }

  const budgeted = setChannelBudget(focusSettings(), 'b2b', 'linkedin', 30);
  const states: [string, PanelView][] = [
    ['in focus with a budget', viewFor({ settings: budgeted.ok ? budgeted.settings : focusSettings() })],
    ['flagged', viewFor({ channel: X_ACME })],
    ['no specialization', viewFor({ settings: { ...focusSettings(), activeSpecializationId: null } })],
    ['not tracked', viewFor({ settings: setPlatformTracked(focusSettings(), 'linkedin', false), counting: false, reason: 'untracked' })],
  ];
  for (const [name, view] of states) {
    it(`has no serious or critical violations: ${name}`, async () => {
      const { container } = renderPanel(view);
      expect(await seriousViolations(container)).toEqual([]);
    });
  }

  it('has no serious or critical violations collapsed', async () => {
    const view = viewFor({ channel: ACME });
    const { container } = renderPanel(view, { placement: { ...view.placement!, collapsed: true } });
    expect(await seriousViolations(container)).toEqual([]);
  });
});
