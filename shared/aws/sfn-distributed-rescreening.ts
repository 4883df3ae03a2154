import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider } from '@smithy/types';
import { versionExecutionName } from '../check/distributed-screening';
import type { DistributedRescreening } from '../ports';

/**
 * The check's one Step Functions call, StartExecution, on the distributed screening's state machine: an execution
 * named by the version, with `{ "version": n }` as its input. Step Functions keeps a name for 90 days: the same name
 * and input while the execution runs answer as the first start did, and after it closed answer
 * ExecutionAlreadyExists; either way a retried check starts nothing twice.
 *
 * Signed here (Signature V4, AWS's JSON 1.0 protocol) rather than through @aws-sdk/client-sfn: one call does not
 * justify another SDK client in the check's bundle; the signer and credential chain are the SDK's own.
 */
export interface SfnDistributedRescreeningOptions {
  stateMachineArn: string;
  region?: string;
  /** AWS_ENDPOINT_URL_SFN or AWS_ENDPOINT_URL when set (an emulator), else the regional endpoint. */
  endpoint?: string;
  credentials?: Provider<AwsCredentialIdentity>;
}

export class SfnDistributedRescreening implements DistributedRescreening {
  private readonly endpoint: URL;
  private readonly signer: SignatureV4;

  constructor(private readonly options: SfnDistributedRescreeningOptions) {
    const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
    this.endpoint = new URL(options.endpoint ?? process.env.AWS_ENDPOINT_URL_SFN ?? process.env.AWS_ENDPOINT_URL ?? `https://states.${region}.amazonaws.com`);
    this.signer = new SignatureV4({ service: 'states', region, credentials: options.credentials ?? defaultProvider(), sha256: Sha256, uriEscapePath: true, applyChecksum: true });
  }

  async screenVersion(version: number): Promise<{ execution: string; started: boolean }> {
    const execution = versionExecutionName(version);
    const body = JSON.stringify({ stateMachineArn: this.options.stateMachineArn, name: execution, input: JSON.stringify({ version }) });
    const signed = await this.signer.sign({
      method: 'POST', protocol: this.endpoint.protocol, hostname: this.endpoint.hostname, ...(this.endpoint.port && { port: Number(this.endpoint.port) }),
      path: this.endpoint.pathname, query: {}, body,
      headers: { host: this.endpoint.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartExecution' },
    });
    const response = await fetch(this.endpoint, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(10_000) });
    if (response.ok) return { execution, started: true };
    const text = await response.text();
    const type = errorType(response, text);
    if (type === 'ExecutionAlreadyExists') return { execution, started: false };
    throw new Error(`Step Functions StartExecution of ${execution} on ${this.options.stateMachineArn}: ${response.status} ${type ?? ''} ${text.slice(0, 300)}`.trim());
  }
}

/** The error's name: `__type` (maybe prefixed by its namespace, `...#Name`) or the x-amzn-errortype header. */
function errorType(response: Response, text: string): string | undefined {
  let type = response.headers.get('x-amzn-errortype') ?? undefined;
  try {
    type = (JSON.parse(text) as { __type?: string }).__type ?? type;
  } catch {
    // not JSON: the header, if any
  }
  return type?.split(':')[0]?.split('#').pop();
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

/** SHA-256 and its HMAC (with a secret) for the signer, from node:crypto. */
class Sha256 {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }

  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
}

function bytes(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
