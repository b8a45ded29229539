// The real desktop under Xvfb: pointer input the X server (and so chrome.idle) sees, and window
// activation the way a taskbar does it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { waitFor } from './browsers';

const run = promisify(execFile);

export async function xdotool(...args: string[]): Promise<string> {
  const { stdout } = await run('xdotool', args, { timeout: 10_000 });
  return stdout.trim();
}

/** X window ids of the visible top-level windows whose title contains `title`. */
export async function windowsNamed(title: string): Promise<string[]> {
  try {
    return (await xdotool('search', '--onlyvisible', '--name', title)).split('\n').filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

export async function activateWindow(id: string): Promise<void> {
  await xdotool('windowactivate', '--sync', id);
}

/**
 * The page's tab in front and its window given the desktop's focus, as a user does; returns the
 * window id. A new install opens its welcome tab in front at about this time: the page is brought
 * back until its title is the window's.
 */
export async function frontWindow(page: { bringToFront(): Promise<void> }, title: string): Promise<string> {
  const id = await waitFor(async () => {
    await page.bringToFront();
    return (await windowsNamed(title))[0];
  }, 10_000, `the window "${title}"`);
  await activateWindow(id);
  return id;
}

/**
 * Wiggles the real pointer over the screen's centre every `everyMs` until stopped: the user is
 * present. Returns the time of the last movement when stopped.
 */
export function keepPresent(everyMs = 700): { stop(): Promise<number> } {
  let last = 0;
  let direction = 1;
  let stopped = false;
  const loop = (async () => {
    await xdotool('mousemove', '600', '450').catch(() => {});
    while (!stopped) {
      await xdotool('mousemove_relative', '--', String(3 * direction), '0').catch(() => {});
      last = Date.now();
      direction = -direction;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return last;
    },
  };
}
