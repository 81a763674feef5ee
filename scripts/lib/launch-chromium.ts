import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package; CHROMIUM_PATH points elsewhere when needed. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Offline and quiet: no sandbox (containers run as root), no GPU, and no
// background calls home, which this closed network refuses by the dozen.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The one way refleks starts a browser: icons, the card gallery and the browser tests. */
export function launchChromium(executablePath: string = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
