import type { ReportPageProps } from '@/components/report/ReportPage';
import { reportSources } from '@/utils/report/build';
import { defaultSettings, type Settings } from '@/utils/settings';
import type { TotalsByDate } from '@/utils/tracking/totals';

/** Data for the report page's tests: two clients, an account of one on the other's platform, two browsers. */

const MIN = 60_000;
const LAST_WEEK = { from: '2025-05-26', to: '2025-06-01' };

function agencySettings(): Settings {
  return {
    ...defaultSettings(),
    clients: [
      { id: 'acme', name: 'Acme', color: '#cc0000', channels: [{ platform: 'linkedin', accounts: null }] },
      { id: 'beta', name: 'Beta', color: '#00aa00', channels: [{ platform: 'linkedin', accounts: ['company/beta'] }, { platform: 'xing', accounts: null }] },
    ],
    specializations: [{
      id: 'b2b', name: 'B2B', channels: [{ platform: 'linkedin', accounts: null }],
      budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null,
    }],
    activeSpecializationId: 'b2b',
    sourceNames: { laptop: 'Office laptop' },
  };
}

export const own: TotalsByDate = {
  '2025-05-20': { linkedin: [30 * MIN, 0, 0, 0] },
  '2025-05-26': {
    linkedin: [60 * MIN, 0, 0, 10 * MIN],
    'linkedin:company/beta': [30 * MIN, 0, 0, 0],
    instagram: [0, 20 * MIN, 0, 5 * MIN],
  },
  '2025-06-01': { xing: [0, 15 * MIN, 0, 0] },
};
const laptop: TotalsByDate = { '2025-05-27': { 'linkedin:company/acme': [20 * MIN, 0, 0, 0] } };

export function pageProps(overrides: Partial<ReportPageProps> = {}): ReportPageProps {
  return {
    sources: reportSources({ own, imported: { laptop } }, 'this-one'),
    settings: agencySettings(),
    ownSourceId: 'this-one',
    today: '2025-06-04',
    locale: 'en-GB',
    initialQuery: { choice: 'custom', custom: LAST_WEEK },
    ...overrides,
  };
}
