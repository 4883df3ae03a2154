import * as net from 'node:net';
import { postWebhook, type PostOptions, type ResolvedAddress } from '../../shared/webhooks/http-post';
import { startReceiver, type Receiver } from '../support/webhooks';

/**
 * The webhook POST against receivers on 127.0.0.1. Every other address is refused before a socket exists, which
 * the tests check by watching every TCP connect of the process: nothing here may leave the loopback interface.
 */
const BODY = '{"schemaVersion":1,"id":"chg_00000000000000000000000000000000"}';
const HEADERS = { 'webhook-id': 'chg_00000000000000000000000000000000', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };
const loopback: PostOptions = { timeoutMs: 2_000, allowLoopback: true };

let receiver: Receiver;
let connects: jest.SpyInstance;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.requests.length = 0;
  connects = jest.spyOn(net.Socket.prototype, 'connect');
});
afterEach(() => connects.mockRestore());

/** A DNS stand-in: answers from a table and counts questions; nothing reaches a real resolver. */
function resolver(table: Record<string, ResolvedAddress[]>) {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const answer = table[hostname];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return { asked, resolve };
}

/** Node's http client calls connect with its normalized arguments: [[{ host, port, … }, callback]]. */
const connected = () =>
  connects.mock.calls.map(([first]: unknown[]) => {
    const { host, port } = (Array.isArray(first) ? first[0] : first) as { host?: string; port?: number };
    return `${host}:${port}`;
  });

describe('postWebhook', () => {
  it('POSTs the body and headers and reports the status', async () => {
    const result = await postWebhook(new URL(receiver.url), BODY, HEADERS, loopback);
    expect(result).toEqual({ kind: 'answered', status: 204, latencyMs: expect.any(Number) });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ path: '/hooks/jp-sanctions', body: BODY });
    expect(receiver.requests[0]!.headers).toMatchObject({ ...HEADERS, 'content-type': 'application/json', 'user-agent': expect.stringMatching(/^jp-sanctions-monitor/) });
  });

  it('connects to the address it resolved and checked, once, not to a second DNS answer', async () => {
    const dns = resolver({ 'hooks.example.test': [{ address: '127.0.0.1', family: 4 }] });
    const url = new URL(`http://hooks.example.test:${receiver.port}/in`);
    const result = await postWebhook(url, BODY, HEADERS, { ...loopback, resolve: dns.resolve });
    expect(result).toMatchObject({ kind: 'answered', status: 204 });
    // The name resolves nowhere on this machine: only the pinned lookup can have found the receiver.
    expect(dns.asked).toEqual(['hooks.example.test']);
    expect(receiver.requests[0]!.headers.host).toBe(`hooks.example.test:${receiver.port}`);
  });

  it.each([
    ['the metadata service', 'https://169.254.169.254/latest/meta-data/', {}, /169\.254\.169\.254: link-local .*metadata/],
    ['a private address', 'https://10.0.0.5/hook', {}, /10\.0\.0\.5: private/],
    ['EC2’s IPv6 metadata address', 'https://[fd00:ec2::254]/', {}, /private/],
    ['IPv6 loopback without the opt-in', 'https://[::1]/hook', { allowLoopback: false }, /::1: loopback/],
    ['IPv4 loopback without the opt-in', 'https://127.0.0.1/hook', { allowLoopback: false }, /loopback/],
    ['a name that resolves to the metadata service', 'https://rebind.example.test/', {}, /rebind\.example\.test resolves to 169\.254\.169\.254: link-local/],
    ['a name with a private address among public ones', 'https://mixed.example.test/', {}, /mixed\.example\.test resolves to 10\.1\.2\.3: private/],
    ['a name that resolves to loopback, without the opt-in', 'https://localhost.example.test/', { allowLoopback: false }, /resolves to ::1: loopback/],
    ['plain HTTP to a public address', 'http://public.example.test/', {}, /plain HTTP only to loopback/],
    ['plain HTTP without the opt-in', 'http://127.0.0.1/hook', { allowLoopback: false }, /scheme http: not allowed \(HTTPS only\)/],
  ])('refuses %s without opening a connection', async (_what, url, options, detail) => {
    const dns = resolver({
      'rebind.example.test': [{ address: '169.254.169.254', family: 4 }],
      'mixed.example.test': [
        { address: '93.184.215.14', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ],
      'localhost.example.test': [{ address: '::1', family: 6 }],
      'public.example.test': [{ address: '93.184.215.14', family: 4 }],
    });
    const result = await postWebhook(new URL(url), BODY, HEADERS, { ...loopback, ...options, resolve: dns.resolve });
    expect(result).toMatchObject({ kind: 'refused', detail: expect.stringMatching(detail) });
    expect(connects).not.toHaveBeenCalled();
  });

  it('is watched: a new receiver means a new connection, to loopback', async () => {
    const fresh = await startReceiver();
    try {
      await postWebhook(new URL(fresh.url), BODY, HEADERS, loopback);
      expect(connected()).toEqual([`127.0.0.1:${fresh.port}`]);
    } finally {
      await fresh.close();
    }
  });

  it('does not follow a redirect', async () => {
    const target = await startReceiver();
    const redirecting = await startReceiver({ respond: (response) => response.writeHead(307, { location: target.url }).end() });
    try {
      expect(await postWebhook(new URL(redirecting.url), BODY, HEADERS, loopback)).toMatchObject({ kind: 'answered', status: 307 });
      expect(redirecting.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
    } finally {
      await Promise.all([target.close(), redirecting.close()]);
    }
  });

  it('reads no more than a few KiB of an answer, hanging up on the rest', async () => {
    const TOTAL = 64 * 1024 * 1024;
    let sent = 0;
    let hungUp!: () => void;
    const closed = new Promise<void>((resolve) => (hungUp = resolve));
    const talkative = await startReceiver({
      respond: (response) => {
        response.on('close', hungUp);
        response.writeHead(200);
        const more = () => {
          if (response.destroyed || sent >= TOTAL) return response.end();
          sent += 64 * 1024;
          response.write(Buffer.alloc(64 * 1024, 'x'));
          setImmediate(more);
        };
        more();
      },
    });
    try {
      expect(await postWebhook(new URL(talkative.url), BODY, HEADERS, loopback)).toMatchObject({ kind: 'answered', status: 200 });
      await closed;
      expect(sent).toBeLessThan(TOTAL);
    } finally {
      await talkative.close();
    }
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const silent = await startReceiver({ respond: () => undefined });
    try {
      const result = await postWebhook(new URL(silent.url), BODY, HEADERS, { ...loopback, timeoutMs: 200 });
      expect(result).toMatchObject({ kind: 'failed', detail: 'timeout after 200 ms' });
      expect(result.latencyMs).toBeGreaterThanOrEqual(190);
      expect(result.latencyMs).toBeLessThan(1_000);
    } finally {
      await silent.close();
    }
  });

  it('reports a refused connection and a name that does not resolve as failures, to be retried', async () => {
    const closed = await startReceiver();
    await closed.close();
    expect(await postWebhook(new URL(closed.url), BODY, HEADERS, loopback)).toMatchObject({ kind: 'failed', detail: 'ECONNREFUSED' });
    const dns = resolver({});
    expect(await postWebhook(new URL('https://gone.example.test/'), BODY, HEADERS, { ...loopback, resolve: dns.resolve })).toMatchObject({
      kind: 'failed',
      detail: 'cannot resolve gone.example.test (ENOTFOUND)',
    });
  });
});
