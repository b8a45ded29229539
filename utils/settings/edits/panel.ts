import type { PanelPlacement, Settings } from '../model';
import { panelPlacement } from '../queries';

export function setPanelEdge(settings: Settings, edge: 'left' | 'right'): Settings {
  return { ...settings, panel: { ...settings.panel, edge } };
}

export function setPanelPlacement(settings: Settings, key: string, change: Partial<PanelPlacement>): Settings {
  const current = panelPlacement(settings, key);
  const top = Math.min(1, Math.max(0, Number.isFinite(change.top) ? change.top ?? current.top : current.top));
  return {
    ...settings,
    panel: { ...settings.panel, perPlatform: { ...settings.panel.perPlatform, [key]: { ...current, ...change, top } } },
  };
}
