import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicJsonSchemas } from '../../../shared/domain/json-schemas';

describe('published JSON Schemas', () => {
  it.each(Object.entries(publicJsonSchemas()))('schemas/%s matches the zod schema (run npm run schemas)', (name, schema) => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', name), 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('fixes the event contract: schemaVersion 1 and the fields consumers rely on', () => {
    const event = publicJsonSchemas()['change-event.v1.json'] as { properties: Record<string, unknown>; required: string[] };
    expect(event.properties.schemaVersion).toEqual({ type: 'number', const: 1 });
    expect(event.required).toEqual(expect.arrayContaining(['id', 'type', 'key', 'regime', 'noticeNumber', 'entityType', 'name', 'fields', 'before', 'after']));
  });
});
