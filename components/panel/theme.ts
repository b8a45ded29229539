/**
 * Which colours the panel wears: the page's own scheme when the page shows one, else the
 * system's. The panel wears it as its `color-scheme` (`system`: `light dark`), which picks the
 * shared palette's colours. Pure: the caller reads the computed styles once, when the panel mounts.
 */
export type PanelTheme = 'light' | 'dark' | 'system';

export interface PageColours {
  /** Computed `color-scheme` of the root element: `normal`, `light`, `dark`, `light dark`, `only dark`. */
  colorScheme: string;
  /** Computed background colours, nearest first (body, then the root element). */
  backgrounds: readonly string[];
}

/** r, g, b (0..255) and alpha of a computed `rgb()` / `rgba()` colour; null for anything else. */
export function parseRgb(colour: string): { r: number; g: number; b: number; a: number } | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(colour.trim());
  if (!match) return null;
  const alphaText = match[4];
  const a = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * What the user sees decides: the first opaque background (a dark grey page is dark whatever it
 * declares); without one, a one-sided `color-scheme`; else the system's choice.
 */
export function pageTheme(page: PageColours): PanelTheme {
  for (const background of page.backgrounds) {
    const colour = parseRgb(background);
    if (colour && colour.a >= 0.5) return relativeLuminance(colour) < 0.2 ? 'dark' : 'light';
  }
  const schemes = page.colorScheme.toLowerCase().split(/\s+/);
  const dark = schemes.includes('dark');
  const light = schemes.includes('light');
  if (dark && !light) return 'dark';
  if (light && !dark) return 'light';
  return 'system';
}
