import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// scripts/build-cli.js is plain CommonJS (it runs at `npm ci`, before any TypeScript loader).
const { staleness, OUT } = require('../../../scripts/build-cli.js') as { staleness: () => string | null; OUT: string };

describe('the built CLI', () => {
  it('was built from the sources as they are now (`npm test` builds it; so does `npm ci`)', () => {
    expect(staleness()).toBeNull();
  });

  it('loads no command before it knows which one runs: main requires only Node built-ins and command bundles', () => {
    const main = readFileSync(join(OUT, 'main.js'), 'utf8');
    const required = [...main.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(3);
    for (const id of required) expect(id).toMatch(/^(node:[a-z_/]+|\.\/commands\/[\w-]+)$/);
    expect(main.length).toBeLessThan(20_000);
  });
});
