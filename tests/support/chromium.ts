import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In CI a missing browser is a failure; on a developer machine the browser suites are skipped. */
export const describeWithChromium: jest.Describe =
  existsSync(CHROMIUM_PATH) || process.env.CI
    ? describe
    : (console.warn(`No Chromium at ${CHROMIUM_PATH}: browser tests skipped`), describe.skip);

/** Headless Chromium with the flags this closed network needs (no background calls home). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
