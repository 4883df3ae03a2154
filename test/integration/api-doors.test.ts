import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handler } from '../../functions/api/handler';
import { countRequests } from '../../shared/aws/dynamodb-store';
import { startServer, type LocalServer } from '../../cli/commands/serve';
import { openHistory } from '../../cli/read-wiring';
import { ChangesPage, EntryDetail, Status } from '../../shared/query/schemas';
import { HistoryFixture } from '../support/history';
import { lambdaEnvironment } from '../support/lambda-environment';

/** The two doors to the same router: the API Lambda (an HTTP API v2 event) and `serve` (node:http on 127.0.0.1). */
let fx: HistoryFixture;
beforeAll(async () => {
  fx = await HistoryFixture.afterDemo();
});
afterAll(() => fx.close());

function event(rawPath: string, rawQueryString = '', headers: Record<string, string> = {}, stage = '$default'): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers,
    requestContext: { domainName: 'abc123.execute-api.ap-northeast-1.amazonaws.com', stage, http: { method: 'GET', path: rawPath } },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

describe('the API Lambda', () => {
  const context = { functionName: 'api', awsRequestId: 'req-1' } as Context;
  let stdout: jest.SpyInstance;
  beforeAll(() => {
    Object.assign(process.env, lambdaEnvironment(fx.dynamo), { STALE_AFTER_HOURS: '12', ARCHIVE_BUCKET: 'raw-archive-bucket' });
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterAll(() => stdout.mockRestore());

  it('answers from the table named in its environment, bytes base64-encoded', async () => {
    const response = await handler(event('/v1/changes', 'since=0&entityType=individual'), context);
    expect(response).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-type': 'application/json; charset=utf-8' } });
    const page = ChangesPage.parse(JSON.parse(Buffer.from(response.body!, 'base64').toString('utf8')));
    expect(page.items.map((c) => c.name.ja)).toEqual(['ウラジーミル・ミヘイチク']);
    const status = Status.parse(JSON.parse(Buffer.from((await handler(event('/v1/status'), context)).body!, 'base64').toString()));
    expect(status.staleAfterHours).toBe(12);
  });

  it('links the feed to the API domain and stage, and gzips for clients that accept it', async () => {
    const feed = await handler(event('/prod/v1/feed.atom', '', { 'accept-encoding': 'gzip' }, 'prod'), context);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers?.['content-encoding']).toBe('gzip');
    const xml = gunzipSync(Buffer.from(feed.body!, 'base64')).toString('utf8');
    expect(xml).toContain('href="https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod/v1/versions/2"');
  });

  it('screens a name sent as a base64 JSON body, as API Gateway passes a POST', async () => {
    const post = event('/v1/screen', '', { 'content-type': 'application/json' });
    post.requestContext.http.method = 'POST';
    Object.assign(post, { body: Buffer.from(JSON.stringify({ name: 'Vladimir Mikheychik' })).toString('base64'), isBase64Encoded: true });
    const response = await handler(post, context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(Buffer.from(response.body!, 'base64').toString()).matches[0].key).toBe('029-000729');
  });

  it('answers a bad parameter with a 400 problem document', async () => {
    const response = await handler(event('/v1/changes', 'since=soon'), context);
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(Buffer.from(response.body!, 'base64').toString()).detail).toMatch(/since/);
  });
});

describe('serve --table', () => {
  it('reads a deployed table through the SDK default credential chain and endpoint, as a person running it would', async () => {
    // The environment a person's shell gives the SDK, with the endpoint pointed at the embedded DynamoDB.
    Object.assign(process.env, lambdaEnvironment(fx.dynamo));
    const opened = await openHistory({ table: fx.dynamo.tableName, archiveBucket: 'raw-archive-bucket' });
    try {
      expect(opened.description).toBe(`table ${fx.dynamo.tableName} (read-only, with your AWS credentials)`);
      expect((await opened.history.status()).committedVersion).toBe(2);
      expect((await opened.history.entry('029-000729')).timeline).toHaveLength(1);
    } finally {
      await opened.close();
    }
  });
});

describe('the API Lambda with an answer too large for Lambda', () => {
  it('answers 413 with what to do, instead of failing the invocation', async () => {
    const { randomBytes } = await import('node:crypto');
    const body = randomBytes(5 * 1024 * 1024); // 5 MiB of bytes that gzip cannot shrink: 6.7 MiB in base64
    let answer: typeof handler | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../shared/query/router', () => ({ handleApiRequest: async () => ({ status: 200, headers: {}, body }) }));
      answer = require('../../functions/api/handler').handler;
    });
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const response = await answer!(event('/v1/export'), { functionName: 'api', awsRequestId: 'req-2' } as Context);
    stdout.mockRestore();
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body!).detail).toMatch(/Accept-Encoding: gzip/);
  });
});

describe('serve', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer({ history: fx.history }, 0);
  });
  afterAll(() => server.close());

  it('serves the API on 127.0.0.1 and reads the store with gets and queries only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const requests = countRequests(fx.dynamo.client);
    for (const path of ['/v1/status', '/v1/versions', '/v1/versions/2', '/v1/changes?since=0', '/v1/entries?q=MG', '/v1/entries/029-000729', '/v1/feed.atom', '/v1/export?format=ftm']) {
      const response = await fetch(`${server.url}${path}`);
      expect([path, response.status]).toEqual([path, 200]);
    }
    expect(new Set(requests.sent)).toEqual(new Set(['GetItemCommand', 'QueryCommand']));
    const detail = EntryDetail.parse(await (await fetch(`${server.url}/v1/entries/029-000729`)).json());
    expect(detail.timeline.map((t) => t.change.type)).toEqual(['designated']);
  });

  it('serves the web view with a policy that forbids loading anything from elsewhere', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const asset of html.match(/\/web\/[\w.-]+/g) ?? []) expect((await fetch(`${server.url}${asset}`)).status).toBe(200);
    expect((await fetch(`${server.url}/web/..%2Fpackage.json`)).status).toBe(404);
  });

  it('passes If-None-Match through: an unchanged answer is a 304', async () => {
    const first = await fetch(`${server.url}/v1/changes?since=0`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/v1/changes?since=0`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('refuses writes', async () => {
    const response = await fetch(`${server.url}/v1/status`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('screens a name POSTed as JSON, and refuses it in a URL', async () => {
    const response = await fetch(`${server.url}/v1/screen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ウラジーミル・ミヘイチク' }) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { matches: { key: string }[] }).matches[0]!.key).toBe('029-000729');
    const get = await fetch(`${server.url}/v1/screen?name=x`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });
});
