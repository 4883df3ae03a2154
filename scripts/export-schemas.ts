import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicJsonSchemas } from '../shared/domain/json-schemas';

// Regenerates schemas/*.json from the zod schemas; a test fails when the committed files fall behind.
const dir = join(__dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(publicJsonSchemas())) {
  writeFileSync(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
  process.stdout.write(`wrote schemas/${name}\n`);
}
