import { browser } from 'wxt/browser';
import { tellPanelsSettingsChanged } from './panel-actions';
import type { BackgroundParts } from './parts';

/**
 * What follows a change of the settings, wherever it was made: the idle threshold, the tracker's
 * classification from that moment on, a retention that changed, and the panels, which ask for a
 * fresh view. Call once, when the background starts.
 */
export function followSettings({ settings, tracker, data }: BackgroundParts): void {
  let retentionDays = settings.current.tracking.retentionDays;
  void settings.ready.then(() => {
    retentionDays = settings.current.tracking.retentionDays;
  });
  settings.onChange((current) => {
    if (current.tracking.retentionDays !== retentionDays) {
      retentionDays = current.tracking.retentionDays;
      void data.retention(current);
    }
    browser.idle?.setDetectionInterval(current.tracking.idleThresholdSeconds);
    void tracker.handle({ type: 'reclassify' });
    void tracker.pageTabs().then(tellPanelsSettingsChanged);
  });
}
