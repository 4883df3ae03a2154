import { readFile, readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { handleApiRequest, type ApiServices } from '../../shared/query/router';
import { WEB_DIR } from '../package-paths';
import { openHistory } from '../read-wiring';

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * `serve`: the read API and the web view on 127.0.0.1 only, until interrupted. Loopback because the data dir's
 * store has no access control of its own; a deployed API goes through API Gateway and IAM instead.
 */
export async function serveCommand(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, table: { type: 'string' }, 'archive-bucket': { type: 'string' }, port: { type: 'string', default: '8080' } },
  });
  if (values['data-dir'] && values.table) throw new Error('serve reads either --data-dir or --table, not both');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number (0–65535)`);

  const opened = await openHistory({ dataDir: values['data-dir'], table: values.table, archiveBucket: values['archive-bucket'] });
  let server: LocalServer;
  try {
    server = await startServer({ history: opened.history }, port);
  } catch (error) {
    await opened.close();
    throw error;
  }
  process.stdout.write(`serving ${opened.description}\n  web view  ${server.url}/\n  API       ${server.url}/v1/status  (described at ${server.url}/v1/openapi.json)\nCtrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await opened.close();
  return { output: '', exitCode: 0 };
}

/** A POST's body, cut short past 64 KiB: the router refuses anything that large, and nothing is kept in memory beyond it. */
async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** The API and the web view on 127.0.0.1:`port` (0: any free port). */
export async function startServer(services: ApiServices, port: number): Promise<LocalServer> {
  const webFiles = new Set(await readdir(WEB_DIR));
  let url = '';
  const server: Server = createServer((request, response) => {
    void answer(request, response).catch((error) => {
      process.stderr.write(`serve: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const target = new URL(request.url ?? '/', url);
    const file = target.pathname === '/' ? 'index.html' : /^\/web\/([\w.-]+)$/.exec(target.pathname)?.[1];
    if (file !== undefined && webFiles.has(file) && (request.method === 'GET' || request.method === 'HEAD')) {
      const body = await readFile(join(WEB_DIR, file));
      response.writeHead(200, {
        'content-type': MEDIA_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        // The page loads nothing from anywhere else, and the browser is told so.
        'content-security-policy': "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const reply = await handleApiRequest(
      {
        method: request.method ?? 'GET',
        path: target.pathname,
        query: target.searchParams,
        baseUrl: url,
        acceptEncoding: request.headers['accept-encoding'],
        ifNoneMatch: request.headers['if-none-match'],
        ...(request.method === 'POST' && { body: await readBody(request), contentType: request.headers['content-type'] }),
      },
      { webViewUrl: `${url}/`, ...services },
      (error) => process.stderr.write(`serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    );
    response.writeHead(reply.status, { ...reply.headers, 'x-content-type-options': 'nosniff' });
    response.end(reply.body);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
