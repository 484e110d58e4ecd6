import { existsSync } from 'node:fs';

/** Where the browser tests and the Lighthouse bench find Chromium unless CHROMIUM_PATH says otherwise. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export class MissingChromiumError extends Error {
  constructor(path: string) {
    super(
      `No Chromium at ${path}: install it ("sudo apt-get install -y chromium" on Debian/Ubuntu) ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary (on macOS ' +
        'CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome").',
    );
    this.name = 'MissingChromiumError';
  }
}

/** The Chromium the project's browser checks launch (never a downloaded one), or what to install. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(path)) throw new MissingChromiumError(path);
  return path;
}
