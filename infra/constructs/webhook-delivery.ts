import { Duration, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENTS_PREFIX } from '../check-contract';
import type { Filter, MonitorConfig } from '../config';
import { eventFilterPolicy } from '../filter-policy';
import { deadLetterQueue } from './dead-letter-queue';
import { entryPath, functionLogsAndRole, projectFunction } from './node-function';

const DELIVERY_ENTRY = entryPath('functions', 'deliver-webhooks', 'handler.ts');

/**
 * Receives of a message before SQS parks it in the dead-letter queue. The function parks what still fails at this
 * receive itself, with the reason (MAX_RECEIVES); SQS's own move is the backstop for a crashed invocation.
 */
const MAX_RECEIVES = 5;
/** One POST, DNS to answer. Three per receive with their backoff, in parallel across endpoints, fit the timeout. */
const ATTEMPT_TIMEOUT = Duration.seconds(10);
const FUNCTION_TIMEOUT = Duration.seconds(60);
/** AWS's advice for an SQS event source: six function timeouts, so a batch retried after throttling is not received twice meanwhile. */
const VISIBILITY_TIMEOUT = Duration.seconds(FUNCTION_TIMEOUT.toSeconds() * 6);
/** Lambda allows 4 KiB of environment in all; the endpoints are most of it. */
const MAX_ENDPOINTS_JSON_BYTES = 3 * 1024;

/** The delivery log's partition prefix (shared/aws/webhook-delivery-log.ts): the only items the function may touch. */
export const WEBHOOK_PARTITION_PREFIX = 'WEBHOOK#';

export interface WebhookDeliveryProps {
  readonly changeTopic: sns.ITopic;
  readonly webhooks: MonitorConfig['webhooks'];
  /** Where SNS parks an event it could not put on the queue. */
  readonly undelivered: sqs.IQueue;
  /** The monitor's table, which holds the delivery log. */
  readonly table: dynamodb.ITable;
  /** The archive, where the check keeps a change event too big for SNS (under EVENTS_PREFIX) for this function to fetch. */
  readonly archive: s3.IBucket;
  readonly logDays: number;
}

export interface WebhookEndpoint {
  readonly url: string;
  readonly secret: secretsmanager.ISecret;
  readonly filter?: Filter;
}

/**
 * Every change event (`kind=event`, raw JSON bodies) lands on a queue; functions/deliver-webhooks/handler.ts POSTs
 * it, signed, to each configured endpoint whose filter matches, and parks what it gives up on in the dead-letter
 * queue. Without endpoints the function still drains the queue, so that events do not wait for weeks and reach an
 * endpoint configured later.
 */
export class WebhookDelivery extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /** The configured endpoints, their signing secrets resolved by name (the deployer creates them). */
  readonly endpoints: readonly WebhookEndpoint[];
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue');
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      visibilityTimeout: VISIBILITY_TIMEOUT,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVES },
    });
    props.changeTopic.addSubscription(
      new subscriptions.SqsSubscription(this.queue, {
        rawMessageDelivery: true,
        filterPolicy: eventFilterPolicy(),
        deadLetterQueue: props.undelivered,
      }),
    );

    this.endpoints = props.webhooks.map(({ url, secretName, filter }, i) => ({
      url,
      secret: secretsmanager.Secret.fromSecretNameV2(this, `Secret${i}`, secretName),
      ...(filter && { filter }),
    }));

    const { logGroup, role } = functionLogsAndRole(this, {
      logDays: props.logDays,
      description: 'The jp-sanctions-monitor webhook delivery: its queues, its delivery log, its signing secrets, its logs',
    });
    this.role = role;
    this.grantLeastPrivilege(props, logGroup);

    this.function = projectFunction(this, 'Function', {
      entry: DELIVERY_ENTRY,
      memorySize: 512,
      timeout: FUNCTION_TIMEOUT,
      role: this.role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        ARCHIVE_BUCKET: props.archive.bucketName,
        QUEUE_URL: this.queue.queueUrl,
        DEAD_LETTER_QUEUE_URL: this.deadLetterQueue.queueUrl,
        WEBHOOK_ENDPOINTS: endpointsVariable(props.webhooks),
        MAX_RECEIVES: String(MAX_RECEIVES),
        ATTEMPT_TIMEOUT_MS: String(ATTEMPT_TIMEOUT.toMilliseconds()),
      },
    });
    this.function.addEventSource(
      new sources.SqsEventSource(this.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        // Two batches at a time: a burst of changes reaches receivers at a pace they can take.
        maxConcurrency: 2,
      }),
    );
    acknowledgeFunctionChoices(this.function);
    const mapping = this.function.node.children.find((child) => child instanceof lambda.EventSourceMapping);
    if (mapping) {
      Validations.of(mapping).acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          'Lambda supports no on-failure destination for an SQS event source; failed messages stay on the queue and ' +
          'end in its dead-letter queue (redrive policy, and the function parking what it gives up on), which has an alarm.',
      });
    }
  }

  private grantLeastPrivilege(props: WebhookDeliveryProps, logGroup: logs.ILogGroup): void {
    logGroup.grantWrite(this.role);
    // The delivery log only: the function can neither read nor change the list snapshot in the same table.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${WEBHOOK_PARTITION_PREFIX}*`] } },
      }),
    );
    // A change event too big for SNS, sent by reference: that one folder of the archive, read only.
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.archive.arnForObjects(`${EVENTS_PREFIX}*`)] }));
    const archive = Stack.of(this).resolve(Stack.of(this).getLogicalId(props.archive.node.defaultChild as CfnElement)) as string;
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${archive}.Arn>/${EVENTS_PREFIX}*]`,
      reason: 'Change events too big for SNS are named by their sha256 under this one folder of the archive, written by the check; s3:GetObject only.',
    });
    // Parking a message it gives up on, with its reason.
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));
    const secrets = [...new Set(this.endpoints.map((e) => `${e.secret.secretArn}-??????`))];
    if (secrets.length > 0) {
      // `-??????` is the random suffix Secrets Manager appends to a name; nothing else matches.
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secrets }));
    }
  }
}

/** Validated at synth, not at deploy: an oversized environment fails the deployment halfway. */
function endpointsVariable(webhooks: MonitorConfig['webhooks']): string {
  const json = JSON.stringify(webhooks.map(({ url, secretName, filter }) => ({ url, secretName, ...(filter && { filter }) })));
  if (Buffer.byteLength(json) > MAX_ENDPOINTS_JSON_BYTES) {
    throw new Error(`webhooks: ${webhooks.length} endpoints take ${Buffer.byteLength(json)} bytes of the function's environment; Lambda allows 4 KiB in all (shorten filters or URLs)`);
  }
  return json;
}

function acknowledgeFunctionChoices(fn: lambda.IFunction): void {
  Validations.of(fn).acknowledge(
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by its SQS event source, never asynchronously: a Lambda dead-letter queue would never ' +
        'receive anything. Failed messages go to the webhook dead-letter queue (parked by the function, or moved by SQS ' +
        'after maxReceiveCount), which has an alarm.',
    },
    {
      id: 'Serverless-LambdaTracing',
      reason:
        'Each attempt is logged (endpoint, status, latency, attempt number) and recorded in the delivery log; X-Ray ' +
        'would add a role statement on every resource (*) and trace mostly the receivers’ latency, already recorded.',
    },
  );
}
