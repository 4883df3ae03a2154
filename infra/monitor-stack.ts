import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { MonitorConfig } from './config';
import { Alarms } from './constructs/alarms';
import { DistributedScreening } from './constructs/distributed-screening';
import { Notifications } from './constructs/notifications';
import { ReadApi, addReadApiOutputs } from './constructs/read-api';
import { ScheduledCheck } from './constructs/scheduled-check';
import { Store } from './constructs/store';
import { WebhookDelivery } from './constructs/webhook-delivery';

export interface MonitorStackProps extends StackProps {
  readonly config: MonitorConfig;
}

export class MonitorStack extends Stack {
  readonly store: Store;
  readonly notifications: Notifications;
  readonly check: ScheduledCheck;
  readonly webhooks: WebhookDelivery;
  readonly alarms: Alarms;
  readonly readApi: ReadApi;
  /** The screening of the whole customer file on upload, on Step Functions' distributed map (screening on only). */
  readonly distributedScreening?: DistributedScreening;

  constructor(scope: Construct, id: string, props: MonitorStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.store = new Store(this, 'Store', { archiveDays: config.retention.archiveDays });
    this.notifications = new Notifications(this, 'Notifications', {
      subscribers: config.subscribers,
      operators: config.operators,
      ...(config.screening && { complianceRecipients: config.screening.recipients }),
    });
    const { changeTopic, operatorTopic, complianceTopic } = this.notifications;
    // The compliance topic exists exactly when screening is configured.
    const screening = config.screening && complianceTopic && { ...config.screening, complianceTopic };

    this.check = new ScheduledCheck(this, 'Check', {
      schedule: config.schedule,
      guards: config.guards,
      logDays: config.retention.logDays,
      table: this.store.table,
      archive: this.store.archive,
      changeTopic,
      operatorTopic,
      topicKey: this.notifications.key,
      ...(screening && { screening }),
    });
    if (screening) {
      this.distributedScreening = new DistributedScreening(this, 'Screening', {
        table: this.store.table,
        archive: this.store.archive,
        customersKey: screening.customersKey,
        ...(screening.threshold !== undefined && { threshold: screening.threshold }),
        complianceTopic: screening.complianceTopic,
        operatorTopic,
        topicKey: this.notifications.key,
        logDays: config.retention.logDays,
      });
      this.distributedScreening.takeOverFrom(this.check.function);
    }
    this.webhooks = new WebhookDelivery(this, 'Webhooks', {
      changeTopic,
      webhooks: config.webhooks,
      undelivered: this.notifications.undelivered,
      table: this.store.table,
      archive: this.store.archive,
      logDays: config.retention.logDays,
    });
    this.alarms = new Alarms(this, 'Alarms', {
      checkFunction: this.check.function,
      operatorTopic,
      staleAfterHours: config.alarms.staleAfterHours,
      deadLetterQueues: {
        Check: this.check.deadLetterQueue,
        Webhook: this.webhooks.deadLetterQueue,
        Undelivered: this.notifications.undelivered,
        ...(this.distributedScreening && { Screening: this.distributedScreening.deadLetterQueue }),
      },
    });

    this.readApi = new ReadApi(this, 'ReadApi', {
      table: this.store.table,
      archive: this.store.archive,
      api: config.api,
      staleAfterHours: config.alarms.staleAfterHours,
      logDays: config.retention.logDays,
    });

    this.addOutputs();
    if (screening) this.addScreeningOutputs(screening.customersKey, screening.complianceTopic);
    addReadApiOutputs(this, this.readApi, config.api.jwt !== undefined);
  }

  private addOutputs(): void {
    const { changeTopic, operatorTopic } = this.notifications;
    new CfnOutput(this, 'ChangeTopicArn', { value: changeTopic.topicArn, description: 'Digests (kind=digest) and change events (kind=event)' });
    new CfnOutput(this, 'OperatorTopicArn', { value: operatorTopic.topicArn, description: 'Alarms, held runs and failed checks' });
    new CfnOutput(this, 'TableName', { value: this.store.table.tableName });
    new CfnOutput(this, 'ArchiveBucketName', { value: this.store.archive.bucketName });
    new CfnOutput(this, 'CheckFunctionName', { value: this.check.function.functionName, description: 'Invoke it to run a check now' });
    new CfnOutput(this, 'WebhookQueueUrl', { value: this.webhooks.queue.queueUrl });
    new CfnOutput(this, 'WebhookDeadLetterQueueUrl', {
      value: this.webhooks.deadLetterQueue.queueUrl,
      description: 'Webhook deliveries given up on; after fixing the cause: npm run --silent cli -- webhook-redrive --queue-url <this> --to <WebhookQueueUrl>',
    });
    new CfnOutput(this, 'SubscribePerson', {
      description: 'Adds a digest subscriber outside the stack; prefer monitor.config.json and a redeploy',
      value: `aws sns subscribe --topic-arn ${changeTopic.topicArn} --protocol email --notification-endpoint you@example.com --attributes '{"FilterPolicy":"{\\"kind\\":[\\"digest\\"]}"}'`,
    });
    new CfnOutput(this, 'SubscribeMachine', {
      description: 'Sends every change event, raw JSON, to an SQS queue of yours (its policy must let this topic send)',
      value: `aws sns subscribe --topic-arn ${changeTopic.topicArn} --protocol sqs --notification-endpoint <queue arn> --attributes '{"RawMessageDelivery":"true","FilterPolicy":"{\\"kind\\":[\\"event\\"]}"}'`,
    });
  }

  private addScreeningOutputs(customersKey: string, complianceTopic: sns.ITopic): void {
    new CfnOutput(this, 'ComplianceTopicArn', { value: complianceTopic.topicArn, description: 'Potential matches of the customer file, one digest per list version' });
    new CfnOutput(this, 'CustomerFileUpload', {
      description: 'Uploads the customer file (CSV id,name[,dob][,country][,entityType]) where the check reads it; the next check screens what it owes',
      value: `aws s3 cp customers.csv s3://${this.store.archive.bucketName}/${customersKey}`,
    });
  }
}
