// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HiddenPanels } from '@/components/HiddenPanels';
import { DEFAULT_PANEL_PLACEMENT, defaultSettings, type Settings } from '@/utils/settings';
import { installLocale } from './dashboard-locale';

const withPanels = (perPlatform: Settings['panel']['perPlatform']): Settings => ({
  ...defaultSettings(), panel: { edge: 'right', perPlatform },
});

describe('HiddenPanels (popup)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await installLocale('en');
  });
  afterEach(cleanup);

  it('shows nothing while the panel is hidden nowhere', () => {
    const { container } = render(<HiddenPanels settings={withPanels({ linkedin: { ...DEFAULT_PANEL_PLACEMENT, collapsed: true } })} />);
    expect(container.textContent).toBe('');
  });

  it('offers the way back for each platform it is hidden on, and asks the background to show it', () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
    render(<HiddenPanels settings={withPanels({
      linkedin: { ...DEFAULT_PANEL_PLACEMENT, hidden: true },
      x: { ...DEFAULT_PANEL_PLACEMENT, hidden: false },
      'custom:forum.example.org': { ...DEFAULT_PANEL_PLACEMENT, hidden: true },
    })} />);
    const region = screen.getByRole('region', { name: 'Side panel hidden on' });
    expect(within(region).getAllByRole('listitem').map((item) => item.firstElementChild?.textContent)).toEqual(['LinkedIn', 'forum.example.org']);
    expect(screen.queryByRole('button', { name: 'Show the panel on X again' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the panel on LinkedIn again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show the panel on forum.example.org again' }));
    expect(send.mock.calls.map(([message]) => message)).toEqual([
      { type: 'panel-unhide', key: 'linkedin' },
      { type: 'panel-unhide', key: 'custom:forum.example.org' },
    ]);
  });
});
