// `npm test` runs this first: the one system package the tests need is Chromium, for the
// browser tests (Playwright never downloads a browser here). Says in one line how to get it.
import { accessSync, constants } from 'node:fs';

const chromium = '/usr/bin/chromium';
try {
  accessSync(chromium, constants.X_OK);
} catch {
  console.error(`npm test needs Chromium at ${chromium} for the browser tests: install it with \`apt-get install -y chromium\` (as root), then run npm test again.`);
  process.exit(1);
}
