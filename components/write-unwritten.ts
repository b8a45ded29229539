import { send } from './send';

/**
 * Every reader of history (export, report, options) calls this before it reads storage: the
 * background writes the time it has counted but not yet written, so the read holds every second
 * the popup shows. False when the background could not write (the time stays pending there).
 */
export async function writeUnwrittenTime(): Promise<boolean> {
  try {
    return (await send({ type: 'write-now' }))?.written === true;
  } catch {
    return false; // the worker is starting or the extension reloads: storage is all there is
  }
}
