// Test support: the real published files in ../shared/data/real/ (beside the repository; not copied into it), or
// SCORECARD_REAL_DATA. A test that needs them fails saying where it looked, rather than passing without them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../..', import.meta.url));

export function realDataFile(relative: string): string {
  const folder = process.env.SCORECARD_REAL_DATA ?? path.resolve(repository, '..', 'shared', 'data', 'real');
  const file = path.join(folder, relative);
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: these tests read the real published data in ../shared/data/real/ (see its README), ` +
        'or the folder named by SCORECARD_REAL_DATA',
    );
  return file;
}
