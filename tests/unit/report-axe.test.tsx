// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { seriousViolations } from './axe';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReportPage } from '@/components/report/ReportPage';
import { defaultSettings } from '@/utils/settings';
import { installLocale } from './dashboard-locale';
import { pageProps } from './report-fixtures';

beforeAll(() => installLocale('en'));
afterEach(() => cleanup());

describe('Report accessibility (axe-core)', () => {
  it('has no serious or critical violations with clients and two browsers', async () => {
    const { container } = render(<main><ReportPage {...pageProps()} /></main>);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('has none with a range error and a name being edited', async () => {
    const { container } = render(<main><ReportPage {...pageProps()} /></main>);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-07-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename Office laptop' }));
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('has none with no data and no clients', async () => {
    const { container } = render(<main><ReportPage {...pageProps({ sources: [], settings: defaultSettings() })} /></main>);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
