import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Filter, MonitorConfig } from '../config';
import { digestFilterPolicy } from '../filter-policy';
import { deadLetterQueue } from './dead-letter-queue';

export interface NotificationsProps {
  readonly subscribers: MonitorConfig['subscribers'];
  readonly operators: MonitorConfig['operators'];
  /** Who receives re-screening's potential matches (and its stops); undefined: screening is off, no compliance topic. */
  readonly complianceRecipients?: NonNullable<MonitorConfig['screening']>['recipients'];
}

/**
 * The change topic (digests for people, one event per change for machines) and the operator topic (alarms, held
 * runs, failed checks), both encrypted with one customer managed key: the AWS managed SNS key cannot be used by
 * CloudWatch alarms. With screening on, a third: the compliance topic (potential matches in the customer file, and
 * word when re-screening stops or resumes), apart from the change topic because its email names customers.
 */
export class Notifications extends Construct {
  readonly key: kms.Key;
  readonly changeTopic: sns.Topic;
  readonly operatorTopic: sns.Topic;
  readonly complianceTopic?: sns.Topic;
  /** Messages SNS could not deliver to a subscription (bounced email, unreachable queue, …). */
  readonly undelivered: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);

    this.key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the jp-sanctions-monitor SNS topics',
      enableKeyRotation: true,
      // SNS keeps no messages at rest, so nothing encrypted with this key outlives the topics.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // Only the operator topic's policy lets CloudWatch publish, so the key needs no narrower condition here.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseTheKey',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.changeTopic = new sns.Topic(this, 'ChangeTopic', {
      displayName: 'JP sanctions list changes',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.operatorTopic = new sns.Topic(this, 'OperatorTopic', {
      displayName: 'JP sanctions monitor operator',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.allowAlarmsToPublish();
    if (props.complianceRecipients) {
      this.complianceTopic = new sns.Topic(this, 'ComplianceTopic', {
        displayName: 'JP sanctions customer screening',
        masterKey: this.key,
        enforceSSL: true,
      });
    }

    this.undelivered = deadLetterQueue(this, 'Undelivered');
    Validations.of(this.undelivered).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: the redrive target of every SNS subscription, which cdk-nag does not recognise.',
    });
    this.subscribePeople(props);
  }

  /** Topic policies replace SNS's default one, so CloudWatch must be let in explicitly, and only this account's alarms. */
  private allowAlarmsToPublish(): void {
    const stack = Stack.of(this);
    this.operatorTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowThisAccountsAlarms',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.operatorTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
  }

  private subscribePeople({ subscribers, operators, complianceRecipients }: NotificationsProps): void {
    for (const { address, filter } of subscribers.email) this.subscribe(this.changeTopic, sns.SubscriptionProtocol.EMAIL, address, filter);
    for (const { phoneNumber, filter } of subscribers.sms) this.subscribe(this.changeTopic, sns.SubscriptionProtocol.SMS, phoneNumber, filter);
    for (const address of operators.email) this.subscribe(this.operatorTopic, sns.SubscriptionProtocol.EMAIL, address);
    for (const phoneNumber of operators.sms) this.subscribe(this.operatorTopic, sns.SubscriptionProtocol.SMS, phoneNumber);
    if (!this.complianceTopic || !complianceRecipients) return;
    // Unfiltered: the compliance topic carries only what its recipients need, digests of potential matches and word
    // that re-screening stopped or resumed.
    for (const address of complianceRecipients.email) this.subscribe(this.complianceTopic, sns.SubscriptionProtocol.EMAIL, address);
    for (const phoneNumber of complianceRecipients.sms) this.subscribe(this.complianceTopic, sns.SubscriptionProtocol.SMS, phoneNumber);
  }

  /**
   * A plain `Subscription` rather than `EmailSubscription`/`SmsSubscription`: `SmsSubscription` drops its
   * `deadLetterQueue` (aws-cdk-lib 2.276), and every subscription gets the same redrive policy.
   */
  private subscribe(topic: sns.Topic, protocol: sns.SubscriptionProtocol, endpoint: string, filter?: Filter): void {
    new sns.Subscription(topic, `${protocol}:${endpoint}`, {
      topic,
      protocol,
      endpoint,
      deadLetterQueue: this.undelivered,
      // People on the change topic get digests only; operators get everything on theirs.
      ...(topic === this.changeTopic && { filterPolicy: digestFilterPolicy(filter) }),
    });
  }
}
