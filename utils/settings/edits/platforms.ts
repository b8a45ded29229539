import type { PlatformId } from '@/utils/platforms/types';
import type { Settings } from '../model';

export function setPlatformTracked(settings: Settings, platform: PlatformId, tracked: boolean): Settings {
  return { ...settings, platforms: { ...settings.platforms, [platform]: { tracked } } };
}
