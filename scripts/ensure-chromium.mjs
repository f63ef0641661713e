// Before the tests: the browser tests drive Debian's Chromium. Install it when we can (root with apt-get),
// otherwise stop with the exact command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Chromium is missing: installing Debian chromium for the browser tests…');
    execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', {
      stdio: 'inherit',
    });
  } else {
    console.error('The browser tests need Chromium at /usr/bin/chromium. Install it with:');
    console.error('  sudo apt-get update && sudo apt-get install -y chromium');
    process.exit(1);
  }
}
