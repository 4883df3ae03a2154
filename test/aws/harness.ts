import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { MonitorConfigInput } from '../../infra/config';
import { REPO_ROOT } from '../infra/synth';
import { startAwsGateway, type AwsGateway } from './aws-gateway';
import { createEmulatedAccount, type EmulatedAccount, type PersonStandIn } from './emulated-account';
import { bundledStack } from './bundled-stacks';
import { authorizeFromTemplate } from './iam';
import { startFunction, type RunningFunction } from './lambda-runtime';
import { startMoto, type Moto } from './moto';
import type { TemplateJson } from './template-values';

// The harness's own clients: the warning about future SDK releases is noise in every test run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * The deployable example: an unfiltered email subscriber, a regime-29 desk, an entity-SMS subscriber, an operator,
 * and one webhook endpoint filtered to designations, delistings and relistings.
 */
export const EXAMPLE_CONFIG = JSON.parse(readFileSync(path.join(REPO_ROOT, 'monitor.config.example.json'), 'utf8')) as MonitorConfigInput;

/**
 * The stack of a deploy configuration, synthesized with its real esbuild bundles, created in a fresh moto, with
 * both functions loaded from the bundles and reaching AWS through the gateway (which enforces their roles).
 */
export interface EmulatedStack {
  moto: Moto;
  gateway: AwsGateway;
  template: TemplateJson;
  assemblyDirectory: string;
  account: EmulatedAccount;
  check: RunningFunction;
  deliver: RunningFunction;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Environment the test points at its stand-ins (MOF server, receivers); only these differ from the template. */
  checkOverrides: Record<string, string>;
  deliverOverrides: (templateEnvironment: Record<string, string>) => Record<string, string>;
  secretValue: (name: string) => string;
}

/** The check pointed at a stand-in MOF server on 127.0.0.1; webhook deliveries left as the template has them. */
export function againstMofServer(mof: { indexUrl: string }): StackOptions {
  return {
    secretValue: () => 'whsec_unused',
    checkOverrides: { INDEX_URL: mof.indexUrl, ALLOWED_HOSTS: '127.0.0.1', ALLOW_LOOPBACK_HTTP: 'true' },
    deliverOverrides: () => ({}),
  };
}

export async function startEmulatedStack(config: MonitorConfigInput, options: StackOptions): Promise<EmulatedStack> {
  const { template, assemblyDirectory } = bundledStack(config);
  const moto = await startMoto();
  const gateway = await startAwsGateway(moto.endpoint);
  const stack = { moto, gateway, template, assemblyDirectory } as EmulatedStack;
  stack.stop = async () => {
    await Promise.all([stack.check?.stop(), stack.deliver?.stop()]);
    await gateway.close();
    await moto.stop();
  };
  try {
    await provision(stack, options);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

/**
 * A fresh account (moto reset) and fresh function containers: the state of a new deployment, of the stack's
 * template or of a variant of it.
 */
export async function provision(stack: EmulatedStack, options: StackOptions, template: TemplateJson = stack.template): Promise<void> {
  await Promise.all([stack.check?.stop(), stack.deliver?.stop()]);
  await stack.moto.reset();
  stack.gateway.resetCalls();
  stack.account = await createEmulatedAccount(template, stack.moto.endpoint, { secretValue: options.secretValue });
  authorizeFromTemplate(stack.gateway, stack.account);
  const [checkDef, deliverDef] = ['CheckFunction', 'WebhooksFunction'].map((prefix) => {
    const found = stack.account.functions.find((f) => f.logicalId.startsWith(prefix));
    if (!found) throw new Error(`the template has no ${prefix}* function`);
    return found;
  });
  [stack.check, stack.deliver] = await Promise.all([
    startFunction(stack.assemblyDirectory, checkDef!, { awsEndpoint: stack.gateway.endpoint, overrides: options.checkOverrides }),
    startFunction(stack.assemblyDirectory, deliverDef!, { awsEndpoint: stack.gateway.endpoint, overrides: options.deliverOverrides(deliverDef!.environment) }),
  ]);
}

export interface PersonMessage {
  subject: string;
  message: string;
  attributes: Record<string, string>;
}

/** What reached a person's stand-in queue since the last look (read and deleted). */
export async function takeMessages(account: EmulatedAccount, queueUrl: string): Promise<Array<{ body: string; attributes: Record<string, string> }>> {
  const taken: Array<{ body: string; attributes: Record<string, string> }> = [];
  for (;;) {
    const { Messages = [] } = await account.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], VisibilityTimeout: 30 }),
    );
    if (Messages.length === 0) return taken;
    for (const m of Messages) {
      taken.push({ body: m.Body ?? '', attributes: Object.fromEntries(Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue ?? ''])) });
    }
    await account.clients.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  }
}

/** SNS's envelope as an email/SMS subscription's stand-in receives it. */
export async function takePersonMessages(account: EmulatedAccount, person: PersonStandIn): Promise<PersonMessage[]> {
  return (await takeMessages(account, person.queueUrl)).map(({ body }) => {
    const envelope = JSON.parse(body) as { Subject?: string; Message: string; MessageAttributes?: Record<string, { Value: string }> };
    return {
      subject: envelope.Subject ?? '',
      message: envelope.Message,
      attributes: Object.fromEntries(Object.entries(envelope.MessageAttributes ?? {}).map(([k, v]) => [k, v.Value])),
    };
  });
}

export async function queueDepth(account: EmulatedAccount, queueUrl: string): Promise<{ visible: number; inFlight: number }> {
  const { Attributes = {} } = await account.clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return { visible: Number(Attributes.ApproximateNumberOfMessages), inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible) };
}

export async function tableItems(account: EmulatedAccount): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
  do {
    const page = await account.clients.dynamodb.send(new ScanCommand({ TableName: account.tableName, ...(start && { ExclusiveStartKey: start }) }));
    items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * The keys the archive holds. The archive is content-addressed and writes a key once, so a key written again (a
 * second version of the same bytes in the versioned bucket) fails here.
 */
export async function archivedKeys(account: EmulatedAccount): Promise<string[]> {
  const { Versions = [] } = await account.clients.s3.send(new ListObjectVersionsCommand({ Bucket: account.bucketName }));
  const keys = Versions.map((v) => v.Key!).sort();
  const rewritten = keys.filter((key, i) => keys[i - 1] === key);
  if (rewritten.length > 0) throw new Error(`archived more than once: ${[...new Set(rewritten)].join(', ')}`);
  return keys;
}

/** The logical id of a queue, by the construct path it starts with (e.g. `WebhooksQueue`). */
export function queueUrlOf(account: EmulatedAccount, prefix: string): string {
  const matches = [...account.queues].filter(([id]) => id.startsWith(prefix) && /^[A-Za-z]+[0-9A-F]{8}$/.test(id));
  if (matches.length !== 1) throw new Error(`expected one queue ${prefix}*, found ${matches.map(([id]) => id).join(', ') || 'none'}`);
  return matches[0]![1];
}
