import { type CfnElement, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ARCHIVE_PREFIX } from '../check-contract';
import type { MonitorConfig } from '../config';
import { deadLetterQueue } from './dead-letter-queue';
import { ExactLambdaInvoke } from './exact-lambda-invoke';
import { entryPath, functionLogsAndRole, projectFunction } from './node-function';

const CHECK_ENTRY = entryPath('functions', 'check', 'handler.ts');

/** One download may take this long; the function's timeout leaves room for two downloads, parsing and writes. */
const FETCH_TIMEOUT = Duration.seconds(30);
const FUNCTION_TIMEOUT = Duration.minutes(5);

export interface ScheduledCheckProps {
  readonly schedule: MonitorConfig['schedule'];
  readonly guards: MonitorConfig['guards'];
  readonly logDays: number;
  readonly table: dynamodb.ITable;
  readonly archive: s3.IBucket;
  readonly changeTopic: sns.ITopic;
  readonly operatorTopic: sns.ITopic;
  readonly topicKey: kms.IKey;
  /** Re-screening the customer file after each list change; undefined: off, and the function gets none of it. */
  readonly screening?: CheckScreening;
}

export interface CheckScreening {
  /** The customer file's key in the archive bucket: the one object of it the check may read besides its own. */
  readonly customersKey: string;
  readonly threshold?: number;
  readonly complianceTopic: sns.ITopic;
}

/**
 * EventBridge Scheduler runs the check Lambda on the configured schedule. One run at a time (reserved concurrency
 * 1): the store's conditional commit would stop a second run anyway, but it would still download and parse.
 */
export class ScheduledCheck extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  /** Invocations that failed after every retry, from Lambda's async queue or from the scheduler itself. */
  readonly deadLetterQueue: sqs.Queue;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: ScheduledCheckProps) {
    super(scope, id);

    const { logGroup, role } = functionLogsAndRole(this, {
      logDays: props.logDays,
      description: props.screening
        ? 'The jp-sanctions-monitor check: its table, its archive, the customer file, its three topics, its logs'
        : 'The jp-sanctions-monitor check: its table, its archive, its two topics, its logs',
    });
    this.role = role;
    this.grantLeastPrivilege(props, logGroup);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue');

    this.function = projectFunction(this, 'Function', {
      entry: CHECK_ENTRY,
      memorySize: 1024,
      timeout: FUNCTION_TIMEOUT,
      role: this.role,
      logGroup,
      reservedConcurrentExecutions: 1,
      deadLetterQueue: this.deadLetterQueue,
      // A failed check has alerted the operator already; one retry covers a transient MOF or network error.
      retryAttempts: 1,
      // The next scheduled run supersedes an invocation that waited longer than this.
      maxEventAge: Duration.hours(1),
      environment: checkEnvironment(props),
    });
    acknowledgeFunctionChoices(this.function);

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Runs the jp-sanctions-monitor check',
      schedule: scheduler.ScheduleExpression.expression(props.schedule.expression, TimeZone.of(props.schedule.timeZone)),
      target: new ExactLambdaInvoke(this.function, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
      }),
    });
  }

  private grantLeastPrivilege(props: ScheduledCheckProps, logGroup: logs.ILogGroup): void {
    logGroup.grantWrite(this.role);
    props.table.grant(this.role, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem');
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [props.archive.arnForObjects(`${ARCHIVE_PREFIX}*`)] }),
    );
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId(props.archive)}.Arn>/${ARCHIVE_PREFIX}*]`,
      reason:
        `Raw files are stored under ${ARCHIVE_PREFIX}<sha256>/<file name>, unknown until MOF publishes them; the wildcard ` +
        'covers that one prefix of this one bucket, for s3:PutObject only.',
    });
    // Store payloads too big for a DynamoDB item live in one folder of the archive and are read back from there.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.archive.arnForObjects(`${ARCHIVE_PREFIX}overflow/*`)] }),
    );
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId(props.archive)}.Arn>/${ARCHIVE_PREFIX}overflow/*]`,
      reason: 'Oversized store payloads are named by their sha256 under this one folder; s3:GetObject only.',
    });
    const { screening } = props;
    if (screening) {
      // Exactly the configured key (infra/config.ts refuses IAM wildcards in it): no other object of the archive.
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.archive.arnForObjects(screening.customersKey)] }));
    }
    const topics = [props.changeTopic, props.operatorTopic, ...(screening ? [screening.complianceTopic] : [])];
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: topics.map((t) => t.topicArn) }));
    // What SNS needs from a publisher to an encrypted topic, and no more.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.topicKey.keyArn] }),
    );
  }
}

function logicalId(resource: Construct): string {
  const stack = Stack.of(resource);
  return stack.resolve(stack.getLogicalId(resource.node.defaultChild as CfnElement)) as string;
}

function checkEnvironment(props: ScheduledCheckProps): Record<string, string> {
  const { maxDelistShare, minEntryShare } = props.guards;
  const { screening } = props;
  return {
    TABLE_NAME: props.table.tableName,
    CHANGE_TOPIC_ARN: props.changeTopic.topicArn,
    OPERATOR_TOPIC_ARN: props.operatorTopic.topicArn,
    ARCHIVE_BUCKET: props.archive.bucketName,
    FETCH_TIMEOUT_MS: String(FETCH_TIMEOUT.toMilliseconds()),
    ...(maxDelistShare !== undefined && { MAX_DELIST_SHARE: String(maxDelistShare) }),
    ...(minEntryShare !== undefined && { MIN_ENTRY_SHARE: String(minEntryShare) }),
    // Both or neither: the function refuses to start with one of the two.
    ...(screening && { CUSTOMERS_KEY: screening.customersKey, COMPLIANCE_TOPIC_ARN: screening.complianceTopic.topicArn }),
    ...(screening?.threshold !== undefined && { SCREENING_THRESHOLD: String(screening.threshold) }),
  };
}

function acknowledgeFunctionChoices(fn: lambda.IFunction): void {
  Validations.of(fn).acknowledge(
    {
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        'Failed asynchronous invocations go to the dead-letter queue (DeadLetterConfig), which has an alarm; an ' +
        'on-failure destination on the same queue would deliver every failure twice.',
    },
    {
      id: 'Serverless-LambdaTracing',
      reason:
        'One function that calls MOF, DynamoDB, S3 and SNS in sequence; its structured logs and metrics already say ' +
        'which step failed and how long the run took. X-Ray would add a role statement on every resource (*) for little.',
    },
  );
}
