import { registerOptionsLifecycle } from './custom-hosts';
import { followSettings } from './follow-settings';
import { registerHostOffers } from './add-granted-host';
import { registerMessages } from './messages';
import { registerOpenTabInjection } from './inject-open-tabs';
import { registerPanelShortcut } from './panel-actions';
import { createBackgroundParts } from './parts';
import { registerRetention } from './retention';
import { registerSync } from './sync-service';
import { registerTracking } from './tracking';
import { registerWeeklyReminder } from './weekly-reminder';

// Only registrations, all synchronous, so that a worker woken by an event has its listener.
export default defineBackground(() => {
  registerOptionsLifecycle();
  registerOpenTabInjection();
  registerPanelShortcut();
  const parts = createBackgroundParts();
  registerTracking(parts);
  followSettings(parts);
  registerRetention(parts);
  registerHostOffers(parts.settings);
  registerWeeklyReminder(parts.settings);
  registerSync(parts);
  registerMessages(parts);
});
