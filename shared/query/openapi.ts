import { z } from 'zod';
import type { Route } from './router';
import { ProblemDocument } from './schemas';

/** OpenAPI 3.1 from the route table: the same zod schemas that validate requests describe them. */
export function openApiDocument(routes: readonly Route[]): object {
  const problem = { 'application/problem+json': { schema: jsonSchema(ProblemDocument, 'output') } };
  const paths: Record<string, object> = {};
  for (const route of routes) {
    const query = jsonSchema(route.query, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
    const parameters = [
      ...Object.entries(route.params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: jsonSchema(schema, 'input') })),
      ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        ...(schema.description && { description: schema.description }),
        schema,
      })),
    ];
    const content = {
      ...(route.answer instanceof z.ZodType ? { 'application/json': { schema: jsonSchema(route.answer, 'output') } } : { [route.answer.contentType]: {} }),
      ...Object.fromEntries((route.alsoAnswers ?? []).map((type) => [type, {}])),
    };
    paths[route.path] = {
      get: {
        summary: route.summary,
        operationId: operationId(route.path),
        parameters,
        responses: {
          '200': { description: 'OK', content },
          '400': { description: 'A parameter or cursor is not valid', content: problem },
          '404': { description: 'No such resource', content: problem },
          '500': { description: 'The store could not be read', content: problem },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'jp-sanctions-monitor read API',
      version: '1',
      description:
        'The history of Japan\'s asset-freeze list (資産凍結等対象者一覧) as this monitor saw it: versions, change events, entries, exports. ' +
        'Read-only. Paged answers are { items, next }; pass next back as cursor=.',
    },
    paths,
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operationId(path: string): string {
  return path
    .replace(/^\/v1\//, '')
    .replace(/\{(\w+)\}/g, 'by-$1')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part, i) => (i === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('');
}
