// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';
import { OptionsPage } from '@/components/options/OptionsPage';
import { GOALS } from '@/utils/suggestions';
import { installLocale, localeTexts } from './dashboard-locale';
import { errorOf, freshBrowser, renderOptions, setUpSettings, storedSettings } from './options-helpers';

afterEach(() => cleanup());

const checked = (name: string) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;
/** The choices of a group of checkboxes: each one's label and whether it is ticked. */
const choices = (group: HTMLElement) => within(group).getAllByRole('checkbox')
  .map((box) => [(box as HTMLInputElement).labels?.[0]?.textContent, (box as HTMLInputElement).checked]);
const TEXTS = { en: await localeTexts('en'), de: await localeTexts('de') };
/** The setup's goals of one kind, as the page should offer them: their labels, none ticked. */
const offered = (kind: 'audience' | 'goal', language: 'en' | 'de') => GOALS.filter((goal) => goal.kind === kind)
  .map((goal) => [TEXTS[language].get(goal.labelKey), false]);
/** What follows the suggestion's heading: the sentence naming the platforms, then the reasons. */
function suggestion() {
  const sentence = screen.getByRole('heading', { name: 'Your suggested focus' }).nextElementSibling!;
  return { sentence: sentence.textContent, reasons: within(sentence.nextElementSibling as HTMLElement).getAllByRole('listitem').map((item) => item.textContent) };
}

describe('guided first run', () => {
  it('opens on the setup when it was neither completed nor skipped, also with nothing stored', async () => {
    await freshBrowser();
    await renderOptions();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Channel Focus');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Set up your focus']);
    expect(choices(screen.getByRole('group', { name: 'Who do you want to reach?' }))).toEqual(offered('audience', 'en'));
    expect(choices(screen.getByRole('group', { name: 'What do you want to achieve?' }))).toEqual(offered('goal', 'en'));
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('suggests LinkedIn and XING for B2B DACH with the reason, and accepting creates the active specialization', async () => {
    await freshBrowser();
    await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Businesses in Germany, Austria and Switzerland (B2B DACH)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Suggest channels' }));
    expect(suggestion()).toEqual({
      sentence: 'Suggested: LinkedIn, XING.',
      reasons: ['Decision-makers in the German-speaking market are on LinkedIn, and many still keep their network on XING.'],
    });
    expect([checked('LinkedIn'), checked('XING'), checked('Instagram')]).toEqual([true, true, false]);
    fireEvent.click(screen.getByRole('button', { name: 'Accept and start' }));
    await waitFor(async () => expect((await storedSettings()).setup).toEqual({ completed: true, skipped: false }));
    const settings = await storedSettings();
    expect(settings.specializations).toHaveLength(1);
    expect(settings.specializations[0]).toMatchObject({
      name: 'My focus',
      channels: [{ platform: 'linkedin', accounts: null }, { platform: 'xing', accounts: null }],
    });
    expect(settings.activeSpecializationId).toBe(settings.specializations[0]!.id);
    // The page moves on to the sections.
    await screen.findByRole('navigation', { name: 'Sections' });
    expect(screen.queryByRole('heading', { name: 'Set up your focus' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'My focus' })).toHaveProperty('checked', true);
  });

  it('lets the user edit the suggestion, warns beyond three platforms and still accepts', async () => {
    await freshBrowser();
    await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show visual products' }));
    fireEvent.click(screen.getByRole('button', { name: 'Suggest channels' }));
    expect([checked('Instagram'), checked('Pinterest'), checked('YouTube')]).toEqual([true, true, true]);
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'TikTok' }));
    expect(screen.getByRole('status').textContent).toContain('You have chosen 4.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Pinterest' }));
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Pinterest' }));
    const name = screen.getByLabelText('Name of your specialization');
    fireEvent.input(name, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept and start' }));
    expect(errorOf(name)).toBe('Enter a name.');
    expect((await storedSettings().catch(() => defaultSettings())).setup.completed).toBe(false);
    fireEvent.input(name, { target: { value: 'Shop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept and start' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]?.channels.map((c) => c.platform))
      .toEqual(['instagram', 'youtube', 'tiktok', 'pinterest']));
  });

  it('combines several picks into at most three platforms', async () => {
    await freshBrowser();
    await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Businesses in Germany, Austria and Switzerland (B2B DACH)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Recruit staff' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show visual products' }));
    fireEvent.click(screen.getByRole('button', { name: 'Suggest channels' }));
    const chosen = within(screen.getByRole('group', { name: 'Your focus channels' }))
      .getAllByRole('checkbox').filter((box) => (box as HTMLInputElement).checked).length;
    expect(chosen).toBe(3);
  });

  it('can be skipped, and is not shown again', async () => {
    await freshBrowser();
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Skip setup' }));
    await waitFor(async () => expect((await storedSettings()).setup).toEqual({ completed: true, skipped: true }));
    expect((await storedSettings()).specializations).toEqual([]);
    await screen.findByRole('navigation', { name: 'Sections' });
    expect(screen.queryByRole('heading', { name: 'Set up your focus' })).toBeNull();
    cleanup();
    await renderOptions();
    expect(screen.queryByRole('heading', { name: 'Set up your focus' })).toBeNull();
  });

  it('runs again on request, next to existing specializations', async () => {
    await freshBrowser({
      [SETTINGS_KEY]: setUpSettings((s) => ({
        ...s,
        specializations: [{ id: 'a', name: 'My focus', channels: [], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null }],
        activeSpecializationId: 'a',
      })),
    });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Run the guided setup again' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Recruit staff' }));
    fireEvent.click(screen.getByRole('button', { name: 'Suggest channels' }));
    fireEvent.click(screen.getByRole('button', { name: 'Accept and start' }));
    // The default name is taken: explained, nothing saved.
    expect(errorOf(screen.getByLabelText('Name of your specialization'))).toBe('Another specialization already has this name.');
    fireEvent.input(screen.getByLabelText('Name of your specialization'), { target: { value: 'Hiring' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept and start' }));
    await waitFor(async () => expect((await storedSettings()).specializations.map((s) => s.name)).toEqual(['My focus', 'Hiring']));
    expect((await storedSettings()).activeSpecializationId).not.toBe('a');
  });
});

describe('in German', () => {
  it('runs the whole page in German, with the formal address', async () => {
    await freshBrowser();
    await installLocale('de');
    render(<OptionsPage />);
    await screen.findByRole('heading', { name: 'Fokus einrichten' });
    expect(choices(screen.getByRole('group', { name: 'Wen möchten Sie erreichen?' }))).toEqual(offered('audience', 'de'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Personal gewinnen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kanäle vorschlagen' }));
    expect(screen.getByText(/^Bewerber informieren sich/).textContent)
      .toBe('Bewerber informieren sich auf LinkedIn über Arbeitgeber; im deutschsprachigen Raum erreicht XING zusätzlich viele Fachkräfte.');
    fireEvent.click(screen.getByRole('button', { name: 'Übernehmen und starten' }));
    await screen.findByRole('navigation', { name: 'Bereiche' });
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.name).toBe('Mein Fokus'));
    expect(screen.getByRole('button', { name: 'JSON exportieren' })).toBeInstanceOf(HTMLButtonElement);
    expect(screen.getByRole('textbox', { name: 'Geben Sie LÖSCHEN ein, um alle Daten zu löschen' })).toHaveProperty('value', '');
    const create = screen.getByRole('button', { name: 'Anlegen' });
    fireEvent.click(create);
    expect(errorOf(screen.getByLabelText('Name einer neuen Spezialisierung'))).toBe('Geben Sie einen Namen ein.');
  });
});
