import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../scripts/lib/launch-chromium';

export { CHROMIUM_PATH, launchChromium } from '../../scripts/lib/launch-chromium';

/** In CI a missing browser is a failure; on a developer machine the browser suites are skipped. */
export const describeWithChromium: jest.Describe =
  existsSync(CHROMIUM_PATH) || process.env.CI
    ? describe
    : (console.warn(`No Chromium at ${CHROMIUM_PATH}: browser tests skipped`), describe.skip);
