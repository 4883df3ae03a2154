import { z } from 'zod';
import { allowedMethods, type Route } from './router';
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
    const post = route.method === 'POST';
    const allow = { Allow: { description: 'the methods this resource answers', schema: { type: 'string', const: allowedMethods(route).join(', ') } } };
    paths[route.path] = {
      [post ? 'post' : 'get']: {
        summary: route.summary,
        operationId: operationId(route.path),
        parameters,
        ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }),
        responses: {
          '200': { description: 'OK', headers: ETAG, content },
          ...(!post && {
            '304': {
              description: 'Not Modified: If-None-Match named this answer\'s ETag (or `*`); no body',
              headers: ETAG,
            },
          }),
          '400': { description: post ? 'The body is not valid JSON or a field is not valid' : 'A parameter or cursor is not valid', content: problem },
          '404': { description: 'No such resource', content: problem },
          '405': { description: `Method Not Allowed: this resource answers ${allowedMethods(route).join(', ')} only`, headers: allow, content: problem },
          ...(post && {
            '413': { description: 'The body is larger than a screening request can be', content: problem },
            '415': { description: 'The body is not application/json', content: problem },
          }),
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
        'Read-only: GET (and HEAD) everywhere, except POST /v1/screen, which takes a name in a JSON body so that it stays out of URLs. ' +
        'Paged answers are { items, next }; pass next back as cursor=. Every 200 carries a weak ETag; If-None-Match answers 304.',
    },
    paths,
  };
}

/** Weak, shared by the gzipped and the plain answer; send it back as If-None-Match. */
const ETAG = { ETag: { description: 'a weak validator of this answer; send it back as If-None-Match to get 304 while nothing changed', schema: { type: 'string' } } };

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
