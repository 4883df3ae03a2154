import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The real MOF files the demo and the webhook sample read, found from the package root: the same directory
 * whether this runs from cli/ through tsx or from the bundles in dist/cli/commands.
 */
export const MOF_FIXTURES = join(packageRoot(__dirname), 'test', 'fixtures', 'mof');

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
