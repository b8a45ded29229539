// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { seriousViolations } from './axe';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, type DashboardProps } from '@/components/dashboard/Dashboard';
import { defaultSettings } from '@/utils/settings';
import { installLocale } from './dashboard-locale';

const props: Omit<DashboardProps, 'days' | 'settings'> = {
  today: '2025-06-04',
  live: { counting: true, paused: false, channel: { platform: 'xing', account: null }, pausedUntil: null },
  locale: 'en-US',
  timeZone: 'UTC',
  onSwitchSpecialization: () => {}, onPause: () => {}, onResume: () => {},
  onOpenOptions: () => {}, onOpenReport: () => {}, onOpenSetup: () => {},
};

const settings = {
  ...defaultSettings(),
  specializations: [{
    id: 'b2b', name: 'B2B', channels: [{ platform: 'xing' as const, accounts: null }],
    budgets: { totalMinutes: 90, perChannel: { xing: 30 } }, workingHours: null, clientId: null,
  }],
  activeSpecializationId: 'b2b',
};

const days = {
  '2025-06-04': { xing: [20 * 60_000, 0, 0, 0], 'linkedin:company/acme': [0, 15 * 60_000, 0, 0], linkedin: [0, 60_000, 0, 0] },
  '2025-06-02': { xing: [60 * 60_000, 0, 0, 0] },
} satisfies DashboardProps['days'];

beforeAll(() => installLocale('en'));
afterEach(() => cleanup());

describe('Dashboard accessibility (axe-core)', () => {
  it('has no serious or critical violations in the popup', async () => {
    const { container } = render(<main><Dashboard {...props} days={days} settings={settings} /></main>);
    container.querySelectorAll<HTMLButtonElement>('button[aria-expanded]').forEach((button) => button.click());
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('has no serious or critical violations in the empty state', async () => {
    const { container } = render(<main><Dashboard {...props} days={{}} settings={defaultSettings()} /></main>);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
