/**
 * The README's screenshot scenes. Decorations, quick picks and tree views vanish once the
 * extension host exits, which is when the runner takes its final screenshot. A driver that sets
 * CLAIMBOOK_SCREENSHOT_DONE shoots on our log line instead and creates that file when done;
 * without the variable this only logs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { log } from './workspace';

export async function screenshotHandshake(): Promise<void> {
  const done = process.env.CLAIMBOOK_SCREENSHOT_DONE;
  // Watching before the log line, so a driver that answers at once is not missed.
  const appeared = done ? fileAppears(done, 30_000) : Promise.resolve();
  log('claimbook screenshot: ready');
  await appeared;
}

function fileAppears(file: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => {
      if (fs.existsSync(file)) finish();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`no screenshot was taken within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (fs.existsSync(file)) finish();
  });
}
