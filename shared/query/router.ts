import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { atomFeed } from './atom';
import { renderExport } from './export';
import type { History } from './history';
import { openApiDocument } from './openapi';
import { Problem } from './problem';
import { ScreenRequest, screenCurrentList } from './screen';
import { ScreeningResult } from '../screening/schemas';
import {
  ChangesPage,
  ChangesQuery,
  EntriesPage,
  EntriesQuery,
  EntryDetail,
  EntryKey,
  ExportDocument,
  ExportQuery,
  NoQuery,
  ProblemDocument,
  Status,
  VersionDetail,
  VersionNumber,
  VersionsPage,
  VersionsQuery,
} from './schemas';

/**
 * The read API as a table of routes, shared by both doors (the API Lambda and `serve`). A route names its query and
 * path parameters and its answer as zod schemas: they validate the request and generate the OpenAPI document.
 */

export interface ApiRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/versions/2`. */
  path: string;
  query: URLSearchParams;
  /** Scheme, host and any stage prefix, for the absolute links of the Atom feed. */
  baseUrl: string;
  acceptEncoding?: string;
  /** The If-None-Match header: a poller that has this answer already gets 304 and no body. */
  ifNoneMatch?: string;
  /** A POST's body and its Content-Type (the one POST route takes JSON). */
  body?: Buffer;
  contentType?: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ApiServices {
  history: History;
  /** The web view's address where one is served beside the API (`serve`): the feed links people to its pages. */
  webViewUrl?: string;
}

type Reply = { json: unknown } | { text: string; contentType: string; fileName?: string };

export interface Route {
  path: string;
  /** GET (and HEAD) by default; POST for a route that takes customer data, which must stay out of URLs. */
  method?: 'POST';
  summary: string;
  query: z.ZodObject;
  /** A POST's JSON body. */
  body?: z.ZodObject;
  params?: Record<string, z.ZodType>;
  /** The JSON answer's schema, or the media type of a non-JSON answer. */
  answer: z.ZodType | { contentType: string };
  /** Other media types the route answers with, depending on its parameters. */
  alsoAnswers?: string[];
  handle(input: { query: any; params: any; body: any; baseUrl: string; services: ApiServices }): Promise<Reply>;
}

const route = <Q extends z.ZodObject, P extends Record<string, z.ZodType> = {}, B extends z.ZodObject = z.ZodObject<{}>>(r: {
  path: string;
  method?: 'POST';
  summary: string;
  query: Q;
  params?: P;
  body?: B;
  answer: Route['answer'];
  alsoAnswers?: string[];
  handle(input: { query: z.output<Q>; params: { [K in keyof P]: z.output<P[K]> }; body: z.output<B>; baseUrl: string; services: ApiServices }): Promise<Reply>;
}): Route => r as Route;

/** The methods a route answers, as its Allow header says. */
export const allowedMethods = (route: Pick<Route, 'method'>): string[] => (route.method === 'POST' ? ['POST'] : ['GET', 'HEAD']);

/** A screening request is a name and a few facts: more than this is not one. */
const MAX_BODY_BYTES = 16 * 1024;

const FEED_VERSIONS = 50;

export const ROUTES: Route[] = [
  route({
    path: '/v1/status',
    summary: 'The last check, the committed and published versions, the source file, and whether the monitor is stale',
    query: NoQuery,
    answer: Status,
    handle: async ({ services }) => ({ json: await services.history.status() }),
  }),
  route({
    path: '/v1/versions',
    summary: 'Committed versions of the list, newest first',
    query: VersionsQuery,
    answer: VersionsPage,
    handle: async ({ query, services }) => ({ json: await services.history.versions(query) }),
  }),
  route({
    path: '/v1/versions/{n}',
    summary: 'One committed version and its change events',
    query: NoQuery,
    params: { n: VersionNumber },
    answer: VersionDetail,
    handle: async ({ params, services }) => ({ json: await services.history.version(params.n) }),
  }),
  route({
    path: '/v1/changes',
    summary: 'Change events committed after a version or a moment, oldest first, exactly as webhooks carry them',
    query: ChangesQuery,
    answer: ChangesPage,
    handle: async ({ query, services }) => ({ json: await services.history.changes(query) }),
  }),
  route({
    path: '/v1/entries',
    summary: 'Entries of the list as of the committed version, by key',
    query: EntriesQuery,
    answer: EntriesPage,
    handle: async ({ query, services }) => ({ json: await services.history.entries(query) }),
  }),
  route({
    path: '/v1/entries/{key}',
    summary: 'One entry as of now, with every change event that touched it',
    query: NoQuery,
    params: { key: EntryKey },
    answer: EntryDetail,
    handle: async ({ params, services }) => ({ json: await services.history.entry(params.key) }),
  }),
  route({
    path: '/v1/feed.atom',
    summary: 'Atom 1.0 feed: one entry per committed version with changes',
    query: NoQuery,
    answer: { contentType: 'application/atom+xml' },
    handle: async ({ baseUrl, services }) => {
      const { state, versions } = await services.history.recentChanges(FEED_VERSIONS);
      const feed = atomFeed({ baseUrl, ...(services.webViewUrl && { webViewUrl: services.webViewUrl }), listId: services.history.listId, state, versions });
      return { text: feed, contentType: 'application/atom+xml; charset=utf-8' };
    },
  }),
  route({
    path: '/v1/export',
    summary: 'The current list: json (ExportDocument), csv, or ftm (FollowTheMoney entities as JSON lines)',
    query: ExportQuery,
    answer: ExportDocument,
    alsoAnswers: ['text/csv', 'application/x-ndjson'],
    handle: async ({ query, services }) => renderExport(await services.history.exportList(), query.format),
  }),
  route({
    path: '/v1/screen',
    method: 'POST',
    summary:
      'Screen a name against the current list: matches at or above the threshold, best first, each with why. POST with a JSON body, so that customer data stays out of URLs and access logs',
    query: NoQuery,
    body: ScreenRequest,
    answer: ScreeningResult,
    handle: async ({ body, services }) => ({ json: await screenCurrentList(services.history, body) }),
  }),
  route({
    path: '/v1/openapi.json',
    summary: 'This document',
    query: NoQuery,
    answer: { contentType: 'application/json' },
    handle: async () => ({ json: openApiDocument(ROUTES) }),
  }),
];

/** Answers one request; never throws (an unexpected error is a 500 problem document, reported to `onError`). */
export async function handleApiRequest(request: ApiRequest, services: ApiServices, onError: (error: unknown) => void = () => {}): Promise<ApiResponse> {
  let response: ApiResponse;
  try {
    const { route, params } = match(request.path);
    const allowed = allowedMethods(route);
    if (!allowed.includes(request.method)) {
      const why = route.method === 'POST' ? 'screening takes a JSON body, so that names stay out of URLs' : 'this resource is read-only';
      throw new Problem(405, 'Method Not Allowed', `${request.method} is not supported at ${request.path}: ${why} (${allowed.join(', ')})`, allowed.join(', '));
    }
    const reply = await route.handle({
      query: parse(route.query, queryObject(request.query), 'query parameter'),
      params: Object.fromEntries(Object.entries(route.params ?? {}).map(([name, schema]) => [name, parse(schema, params[name], `path parameter ${name}`)])),
      body: route.body ? parse(route.body, jsonBody(request), 'body field') : undefined,
      baseUrl: request.baseUrl,
      services,
    });
    response = 'json' in reply ? answer(200, 'application/json; charset=utf-8', JSON.stringify(reply.json)) : answer(200, reply.contentType, reply.text);
    if ('fileName' in reply && reply.fileName) response.headers['content-disposition'] = `attachment; filename="${reply.fileName}"`;
    // Weak: the gzipped and the plain answer share it, as RFC 9110 allows only for weak validators.
    response.headers.etag = `W/"${createHash('sha256').update(response.body).digest('base64url').slice(0, 27)}"`;
    const tag = response.headers.etag.slice(2);
    // `*` matches any current representation (RFC 9110 13.1.2); a POST's answer is not a representation to revalidate.
    const given = route.method === 'POST' ? [] : (request.ifNoneMatch?.split(',').map((t) => t.trim()) ?? []);
    if (given.some((t) => t === '*' || t.replace(/^W\//, '') === tag)) {
      return { status: 304, headers: { etag: response.headers.etag, 'cache-control': 'no-cache' }, body: Buffer.alloc(0) };
    }
  } catch (error) {
    response = problemResponse(error, request.path, onError);
  }
  if (request.method === 'HEAD') response.body = Buffer.alloc(0);
  return compress(response, request.acceptEncoding);
}

function match(path: string): { route: Route; params: Record<string, string> } {
  for (const route of ROUTES) {
    const pattern = new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
    const m = pattern.exec(path);
    if (m) return { route, params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
  }
  throw Problem.notFound(`no resource at ${path}; the API is described at /v1/openapi.json`);
}

function jsonBody(request: ApiRequest): unknown {
  const type = request.contentType?.split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new Problem(415, 'Unsupported Media Type', `send the body as application/json (Content-Type was ${request.contentType ?? 'missing'})`);
  const body = request.body ?? Buffer.alloc(0);
  if (body.length > MAX_BODY_BYTES) throw new Problem(413, 'Content Too Large', `the body is ${body.length} bytes; a screening request is at most ${MAX_BODY_BYTES}`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw Problem.badRequest(`the body is not JSON: ${(error as Error).message}`);
  }
}

function queryObject(query: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of query) {
    if (name in result) throw Problem.badRequest(`query parameter ${name} is given more than once`);
    result[name] = value;
  }
  return result;
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown ${what} ${issue.keys.join(', ')}`;
    const name = issue.path.length > 0 ? `${what} ${issue.path.join('.')}` : what;
    return `${name}: ${issue.message}`;
  });
  throw Problem.badRequest(problems.join('; '));
}

function answer(status: number, contentType: string, body: string): ApiResponse {
  return { status, headers: { 'content-type': contentType, 'cache-control': 'no-cache' }, body: Buffer.from(body, 'utf8') };
}

function problemResponse(error: unknown, instance: string, onError: (error: unknown) => void): ApiResponse {
  const problem = error instanceof Problem ? error : new Problem(500, 'Internal Server Error', 'the answer could not be read from the store; the operator has the details in the logs');
  if (!(error instanceof Problem)) onError(error);
  const document: ProblemDocument = { type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail, instance };
  const response = answer(problem.status, 'application/problem+json; charset=utf-8', JSON.stringify(document));
  if (problem.allow) response.headers.allow = problem.allow;
  return response;
}

/** Exports run to megabytes; gzip keeps them under API Gateway's and Lambda's response limits. */
function compress(response: ApiResponse, acceptEncoding: string | undefined): ApiResponse {
  if (response.body.length < 1024 || !/\bgzip\b/i.test(acceptEncoding ?? '')) return response;
  return { ...response, headers: { ...response.headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }, body: gzipSync(response.body) };
}
