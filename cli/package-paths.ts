import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Files the CLI reads from the package, found from its root: the same directories whether this runs from cli/
 * through tsx or from the bundles in dist/cli/commands.
 */
const ROOT = packageRoot(__dirname);

/** The real MOF files the demo and the webhook sample read. */
export const MOF_FIXTURES = join(ROOT, 'test', 'fixtures', 'mof');

/** The demo's customer file: variants of names designated on 24 May 2024, and names that are not listed. */
export const DEMO_CUSTOMERS = join(ROOT, 'test', 'fixtures', 'customers', 'customers.csv');

/** The static web view `serve` hands out. */
export const WEB_DIR = join(ROOT, 'web');

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
