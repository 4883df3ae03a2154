import { Duration } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Filter, MonitorConfig } from '../config';
import { eventFilterPolicy } from '../filter-policy';
import { deadLetterQueue } from './dead-letter-queue';

/** Deliveries a message gets before it is parked in the dead-letter queue. */
const MAX_RECEIVES = 5;

export interface WebhookDeliveryProps {
  readonly changeTopic: sns.ITopic;
  readonly webhooks: MonitorConfig['webhooks'];
  /** Where SNS parks an event it could not put on the queue. */
  readonly undelivered: sqs.IQueue;
}

export interface WebhookEndpoint {
  readonly url: string;
  readonly secret: secretsmanager.ISecret;
  readonly filter?: Filter;
}

/**
 * Every change event (`kind=event`, raw JSON bodies) lands on a queue, to be POSTed to each configured endpoint.
 *
 * The consumer, functions/deliver-webhooks/handler.ts, belongs here: a function with an SqsEventSource on `queue`
 * (report batch item failures), read access to each endpoint's `secret`, and the endpoints in its environment.
 * Until it exists, events wait on the queue for its retention period.
 */
export class WebhookDelivery extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /** The configured endpoints, their signing secrets resolved by name (the deployer creates them). */
  readonly endpoints: readonly WebhookEndpoint[];

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue');
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
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
  }
}
