// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanel, type SidePanelProps } from '@/components/SidePanel';
import type { PanelView } from '@/utils/messages';
import { snoozeFlag } from '@/utils/settings';
import { installLocale } from './dashboard-locale';
import { MIN, T0, X_ACME, focusSettings, viewFor } from './panel-fixtures';

/** x:acme is outside the fixtures' specialization "B2B DACH": flagged. */
const flagged = () => viewFor({ channel: X_ACME });

function renderPanel(view: PanelView, overrides: Partial<SidePanelProps> = {}) {
  const onPlacement = vi.fn();
  const onAction = vi.fn();
  const props: SidePanelProps = {
    view, placement: view.placement!, theme: 'light', locale: 'en-US', timeZone: 'UTC',
    lastInputAt: () => T0, onPlacement, onAction, clock: () => T0, pauseScreen: true, ...overrides,
  };
  const result = render(<SidePanel {...props} />);
  return { ...result, onPlacement, onAction, props };
}

const dialog = () => screen.queryByRole('dialog', { name: 'Pause before going on' });
/** The dialog's description: the sentence its aria-describedby points to. */
const description = (card: HTMLElement) => document.getElementById(card.getAttribute('aria-describedby') ?? '')?.textContent;
/** The choices of a radio group, each as its label reads. */
const choices = (group: HTMLElement) => within(group).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent);

beforeEach(async () => {
  await installLocale('en');
});
afterEach(() => {
  cleanup();
});

describe('pause screen: when it shows', () => {
  it('shows on a flagged channel when the user chose it, in place of the panel, with focus moved into it', () => {
    renderPanel(flagged());
    const card = screen.getByRole('dialog', { name: 'Pause before going on' });
    expect(description(card)).toBe('X · @acme is outside your specialization. Take a moment before you go on.');
    expect(choices(within(card).getByRole('group', { name: 'Why are you here?' }))).toEqual(['Client work', 'Research', 'Just browsing']);
    expect(document.activeElement).toBe(within(card).getByRole('radio', { name: 'Client work' }));
    // The panel's own controls wait until the question is answered.
    expect(screen.queryByRole('button', { name: 'Collapse the panel' })).toBeNull();
  });

  it('shows also over the collapsed tab', () => {
    const view = flagged();
    renderPanel(view, { placement: { ...view.placement!, collapsed: true } });
    expect(description(screen.getByRole('dialog', { name: 'Pause before going on' }))).toBe('X · @acme is outside your specialization. Take a moment before you go on.');
  });

  it('does not show when the user did not choose it, in focus, or while the flag is snoozed', () => {
    const first = renderPanel(flagged(), { pauseScreen: false });
    expect(dialog()).toBeNull();
    first.unmount();
    const inFocus = renderPanel(viewFor({}));
    expect(dialog()).toBeNull();
    inFocus.unmount();
    const snoozed = viewFor({ channel: X_ACME, settings: snoozeFlag(focusSettings(), X_ACME, T0 + 15 * MIN) });
    expect(snoozed.snoozedUntil).not.toBeNull();
    renderPanel(snoozed);
    expect(dialog()).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Outside your specialization');
  });
});

describe('pause screen: answering it', () => {
  it('asks for a reason before going on; then snoozes the flag for the chosen duration', () => {
    const { onAction } = renderPanel(flagged());
    const card = within(dialog()!);
    // 15 minutes to start with.
    expect((card.getByRole('radio', { name: '15 min' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(card.getByRole('button', { name: 'Continue' }));
    expect(onAction).not.toHaveBeenCalled();
    expect(card.getByRole('alert').textContent).toBe('Choose a reason to continue.');
    expect(document.activeElement).toBe(card.getByRole('radio', { name: 'Client work' }));
    fireEvent.click(card.getByRole('radio', { name: 'Research' }));
    expect(card.queryByRole('alert')).toBeNull();
    fireEvent.click(card.getByRole('radio', { name: '30 min' }));
    fireEvent.click(card.getByRole('button', { name: 'Continue' }));
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(onAction).toHaveBeenCalledWith('snooze', 30);
    // The panel is back, focus on its first control; the reason went nowhere.
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Collapse the panel' }));
  });

  it('5 minutes is a choice too', () => {
    const { onAction } = renderPanel(flagged());
    const card = within(dialog()!);
    fireEvent.click(card.getByRole('radio', { name: 'Just browsing' }));
    fireEvent.click(card.getByRole('radio', { name: '5 min' }));
    fireEvent.submit(card.getByRole('button', { name: 'Continue' }).closest('form')!);
    expect(onAction).toHaveBeenCalledWith('snooze', 5);
  });

  it('Escape dismisses it to the collapsed panel, without a snooze; the tab gets focus', () => {
    const result = renderPanel(flagged());
    // As the content script does: the new placement is drawn at once, in the same task.
    result.onPlacement.mockImplementation((change: Partial<SidePanelProps['placement']>) => {
      result.rerender(<SidePanel {...result.props} placement={{ ...result.props.placement, ...change }} />);
    });
    const first = within(dialog()!).getByRole('radio', { name: 'Client work' });
    // Tab is not caught: focus can leave the card as usual.
    expect(fireEvent.keyDown(first, { key: 'Tab' })).toBe(true);
    expect(fireEvent.keyDown(first, { key: 'Escape' })).toBe(false);
    expect(result.onPlacement).toHaveBeenCalledWith({ collapsed: true });
    expect(result.onAction).not.toHaveBeenCalled();
    expect(dialog()).toBeNull();
    const tab = screen.getByRole('button', { name: 'Channel Focus: Outside your specialization. Show the panel' });
    expect(document.activeElement).toBe(tab);
    // Opened again on the same page: the panel, not the question once more.
    result.rerender(<SidePanel {...result.props} placement={{ ...result.props.placement, collapsed: false }} />);
    expect(dialog()).toBeNull();
  });

  it('"Not now" does the same as Escape', () => {
    const { onPlacement, onAction } = renderPanel(flagged());
    fireEvent.click(within(dialog()!).getByRole('button', { name: 'Not now' }));
    expect(onPlacement).toHaveBeenCalledWith({ collapsed: true });
    expect(onAction).not.toHaveBeenCalled();
  });

  it('asks again once the flag was lifted and comes back (the snooze ran out)', () => {
    const result = renderPanel(flagged());
    fireEvent.click(within(dialog()!).getByRole('radio', { name: 'Client work' }));
    fireEvent.click(within(dialog()!).getByRole('button', { name: 'Continue' }));
    const snoozed = viewFor({ channel: X_ACME, settings: snoozeFlag(focusSettings(), X_ACME, T0 + 15 * MIN) });
    result.rerender(<SidePanel {...result.props} view={snoozed} />);
    expect(dialog()).toBeNull();
    result.rerender(<SidePanel {...result.props} view={viewFor({ channel: X_ACME, now: T0 + 16 * MIN })} />);
    expect(description(screen.getByRole('dialog', { name: 'Pause before going on' }))).toBe('X · @acme is outside your specialization. Take a moment before you go on.');
  });
});

describe('pause screen: language and accessibility', () => {
  it('speaks German with the formal "Sie"', async () => {
    await installLocale('de');
    renderPanel(flagged());
    const dialogDe = screen.getByRole('dialog', { name: 'Kurz innehalten' });
    const card = within(dialogDe);
    expect(description(dialogDe)).toBe('X · @acme liegt außerhalb Ihrer Spezialisierung. Halten Sie kurz inne, bevor Sie weitermachen.');
    expect(choices(card.getByRole('group', { name: 'Warum sind Sie hier?' }))).toEqual(['Kundenarbeit', 'Recherche', 'Nur stöbern']);
    expect(choices(card.getByRole('group', { name: 'Für wie lange?' }))).toEqual(['5 Min.', '15 Min.', '30 Min.']);
    expect(card.getByRole('radio', { name: '15 Min.' })).toHaveProperty('checked', true);
    expect(card.getAllByRole('button').map((button) => button.textContent)).toEqual(['Weiter', 'Nicht jetzt']);
  });

  it('has no serious or critical axe findings', async () => {
    const { container } = renderPanel(flagged());
    fireEvent.click(within(dialog()!).getByRole('button', { name: 'Continue' }));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });
});
