import { z } from 'zod';
import { ChangeEvent, ChangeSet } from './change-event';
import { Designation } from './designation';
import { ChangeEventReference } from './event-reference';

/** The published JSON Schemas of the public records, by file name under `schemas/`. */
export function publicJsonSchemas(): Record<string, unknown> {
  const schema = (type: z.ZodType, id: string, title: string) => ({
    $id: `urn:jp-sanctions-monitor:schema:${id}`,
    title,
    ...z.toJSONSchema(type, { target: 'draft-2020-12', unrepresentable: 'any' }),
  });
  return {
    'change-event.v1.json': schema(ChangeEvent, 'change-event.v1.json', 'jp-sanctions-monitor change event, schemaVersion 1'),
    'change-event-reference.v1.json': schema(
      ChangeEventReference, 'change-event-reference.v1.json', 'jp-sanctions-monitor change event sent by reference (too big for SNS), schemaVersion 1',
    ),
    'change-set.v1.json': schema(ChangeSet, 'change-set.v1.json', 'jp-sanctions-monitor change set (diff output), schemaVersion 1'),
    'designation.v1.json': schema(Designation, 'designation.v1.json', 'One entry of the MOF asset-freeze list'),
  };
}
