import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The functions' AWS endpoint: a loopback proxy in front of the emulator that sees every AWS call a bundle makes.
 * The bundles carry their own copy of the SDK, so a middleware cannot be added to their clients; the wire is the
 * one place to observe and break their calls. Each function signs with its own access key id (its role's logical
 * id), which is how calls are told apart.
 *
 * A fault makes one call fail with a non-retryable error, either before it reaches the emulator (it had no effect)
 * or after the emulator carried it out (it took effect, but the caller never heard so: a timeout, a crash).
 */
export interface AwsCall {
  principal: string;
  /** e.g. `dynamodb:UpdateItem`, `sns:PublishBatch`, `s3:PutObject`. */
  action: string;
  /** Sequence number among the calls of this principal since the last `resetCalls`, from 1. */
  n: number;
  failed?: 'before' | 'after';
  /** The reason a call was refused as AWS would refuse it (its role does not allow it), if it was. */
  denied?: string;
  /**
   * The request body of a failed call (what it carried, e.g. the events of a PublishBatch), and of every SNS call:
   * the message as published, with the parts for email and SMS that the stand-in queues do not receive.
   */
  body?: string;
}

export interface Fault {
  principal: string;
  n: number;
  when: 'before' | 'after';
}

export interface AwsGateway {
  endpoint: string;
  calls: AwsCall[];
  resetCalls(): void;
  /** Arms one fault; it fires once. */
  failAt(fault: Fault): void;
  /** Every call a principal makes must be allowed by this check (see iam.ts), or it is refused as AWS would. */
  authorize(principal: string, check: (action: string, body: string, path: string, headers: IncomingHttpHeaders) => string | undefined): void;
  close(): Promise<void>;
}

/**
 * Calls worth breaking, by number. A break before call n leaves the account as a break after call n-1 does; what
 * differs is which call the run sees fail. So: before the first call of every run of one action (a run of alike
 * writes is alike), and after the first and the last of every such run.
 */
export function breakPoints(calls: readonly AwsCall[], when: 'before' | 'after'): number[] {
  const starts = (c: AwsCall, i: number) => i === 0 || c.action !== calls[i - 1]!.action;
  const ends = (c: AwsCall, i: number) => i === calls.length - 1 || c.action !== calls[i + 1]!.action;
  return calls.filter((c, i) => starts(c, i) || (when === 'after' && ends(c, i))).map((c) => c.n);
}

export async function startAwsGateway(target: string): Promise<AwsGateway> {
  const upstream = new URL(target);
  const calls: AwsCall[] = [];
  const counters = new Map<string, number>();
  const authorizers = new Map<string, Parameters<AwsGateway['authorize']>[1]>();
  let fault: Fault | undefined;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const principal = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? 'anonymous';
      const action = actionOf(req.method ?? 'GET', req.url ?? '/', req.headers, body.toString('utf8'));
      const n = (counters.get(principal) ?? 0) + 1;
      counters.set(principal, n);
      const call: AwsCall = { principal, action, n };
      calls.push(call);

      const authorizer = authorizers.get(principal);
      const denied = authorizer?.(action, body.toString('utf8'), req.url ?? '/', req.headers);
      if (denied) {
        call.denied = denied;
        return sendError(res, req.headers, 403, 'AccessDenied', `${principal} is not authorized to perform ${action}: ${denied}`);
      }
      const armed = fault && fault.principal === principal && fault.n === n ? fault : undefined;
      if (armed) fault = undefined;
      if (armed || action.startsWith('sns:')) call.body = body.toString('utf8');
      if (armed?.when === 'before') {
        call.failed = 'before';
        return sendError(res, req.headers, 400, 'InjectedFault', `injected fault before call ${n} (${action})`);
      }
      const forwarded = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const answered: Buffer[] = [];
          answer.on('data', (c: Buffer) => answered.push(c));
          answer.on('end', () => {
            if (armed?.when === 'after') {
              call.failed = 'after';
              return sendError(res, req.headers, 400, 'InjectedFault', `injected fault after call ${n} (${action}) took effect`);
            }
            // S3 tells a caller that may not list the bucket AccessDenied, not NoSuchKey, for a missing object.
            const bucket = (req.url ?? '/').split('?')[0]!.split('/')[1];
            if (action === 's3:GetObject' && answer.statusCode === 404 && authorizer?.('s3:ListBucket', '', `/${bucket}`, req.headers)) {
              return sendError(res, req.headers, 403, 'AccessDenied', `${principal} may not s3:ListBucket ${bucket}, so S3 does not say whether the key exists`);
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(answered));
          });
        },
      );
      forwarded.on('error', (error) => sendError(res, req.headers, 502, 'GatewayError', error.message));
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    resetCalls: () => {
      calls.length = 0;
      counters.clear();
      fault = undefined;
    },
    failAt: (f) => {
      fault = f;
    },
    authorize: (principal, check) => authorizers.set(principal, check),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** The IAM action of a request, from the protocol each service speaks. */
export function actionOf(method: string, path: string, headers: IncomingHttpHeaders, body: string): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    const [prefix, operation] = target.split('.');
    const named: Record<string, string> = { AmazonSQS: 'sqs', secretsmanager: 'secretsmanager', AWSStepFunctions: 'states' };
    const service = prefix!.startsWith('DynamoDB') ? 'dynamodb' : (named[prefix!] ?? prefix!.toLowerCase());
    return `${service}:${operation}`;
  }
  const scope = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(String(headers.authorization ?? ''))?.[1];
  if (scope === 's3') {
    const key = path.split('?')[0]!.split('/').slice(2).join('/');
    const verb = { PUT: key ? 'PutObject' : 'CreateBucket', GET: key ? 'GetObject' : 'ListBucket', HEAD: key ? 'GetObject' : 'ListBucket', DELETE: 'DeleteObject', POST: 'PostObject' }[method] ?? method;
    return `s3:${verb}`;
  }
  const query = new URLSearchParams(body);
  return `${scope ?? 'unknown'}:${query.get('Action') ?? '?'}`;
}

function sendError(res: import('node:http').ServerResponse, headers: IncomingHttpHeaders, status: number, code: string, message: string): void {
  const json = typeof headers['x-amz-target'] === 'string';
  if (json) {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${code};Sender` }).end(JSON.stringify({ __type: code, message }));
    return;
  }
  const isS3 = /\/s3\//.test(String(headers.authorization ?? ''));
  const xml = isS3
    ? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>gw</RequestId></Error>`
    : `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>gw</RequestId></ErrorResponse>`;
  res.writeHead(status, { 'content-type': 'text/xml' }).end(xml);
}
