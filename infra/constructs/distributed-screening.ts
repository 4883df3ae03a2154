import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { SCREENING_RUNS_PREFIX } from '../../shared/aws/s3-screening-batches';
import { SCREENING_BATCH_BYTES, SCREENING_BATCH_ITEMS, SCREENING_CONCURRENCY, SCREENING_RUN_HOURS, SCREENING_WORKER_MB } from '../../shared/screening/batching';
import { CUSTOMER_COLUMNS } from '../../shared/screening/customers';
import { ARCHIVE_PREFIX } from '../check-contract';
import { deadLetterQueue } from './dead-letter-queue';
import { entryPath, functionLogsAndRole, projectFunction } from './node-function';

export interface DistributedScreeningProps {
  readonly table: dynamodb.ITable;
  readonly archive: s3.Bucket;
  readonly customersKey: string;
  readonly threshold?: number;
  readonly complianceTopic: sns.ITopic;
  readonly operatorTopic: sns.ITopic;
  readonly topicKey: kms.IKey;
  readonly logDays: number;
}

/**
 * The screening of a whole customer file, on AWS's distributed engine: an upload of the file starts a Step
 * Functions standard workflow whose distributed map reads the CSV from the archive bucket (CSV item reader) in
 * batches (item batcher) and hands each to a screening Lambda (Express child executions); a first step fixes the
 * version and run number, a final step records the run and sends one compliance digest, and a failed map tells
 * the operator and the compliance channel before the execution fails (and its alarm fires).
 */
export class DistributedScreening extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly worker: lambda.IFunction;
  readonly steps: lambda.IFunction;
  readonly failedRuns: cloudwatch.Alarm;
  /** Uploads whose run EventBridge could not start. */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DistributedScreeningProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.table.tableName,
      ARCHIVE_BUCKET: props.archive.bucketName,
      CUSTOMERS_KEY: props.customersKey,
      ...(props.threshold !== undefined && { SCREENING_THRESHOLD: String(props.threshold) }),
    };

    const worker = new Construct(this, 'Worker');
    const workerParts = functionLogsAndRole(worker, { logDays: props.logDays, description: 'A jp-sanctions-monitor screening worker: the list, its batch files, its logs' });
    this.worker = projectFunction(worker, 'Function', {
      entry: entryPath('functions', 'screening', 'worker.ts'),
      memorySize: SCREENING_WORKER_MB,
      // A batch takes about 2 s at this memory (README, "Benchmarks"); the rest is room for a cold index build.
      timeout: Duration.minutes(2),
      role: workerParts.role,
      logGroup: workerParts.logGroup,
      environment,
    });
    this.grantBatchFiles(workerParts.role, props, ['s3:GetObject', 's3:PutObject']);
    this.grantList(workerParts.role, props);

    const steps = new Construct(this, 'Steps');
    const stepParts = functionLogsAndRole(steps, { logDays: props.logDays, description: 'The jp-sanctions-monitor screening steps: the list, the screening log, the batch files, the customer file, two topics' });
    this.steps = projectFunction(steps, 'Function', {
      entry: entryPath('functions', 'screening', 'steps.ts'),
      memorySize: 1024,
      // Hashing a customer file of ~600 MB as it streams, and recording the run's hits.
      timeout: Duration.minutes(10),
      role: stepParts.role,
      logGroup: stepParts.logGroup,
      environment: { ...environment, COMPLIANCE_TOPIC_ARN: props.complianceTopic.topicArn, OPERATOR_TOPIC_ARN: props.operatorTopic.topicArn },
    });
    this.grantBatchFiles(stepParts.role, props, ['s3:GetObject']);
    this.grantList(stepParts.role, props);
    stepParts.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: [props.archive.arnForObjects(props.customersKey)] }));
    props.table.grant(stepParts.role, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem');
    stepParts.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [props.complianceTopic.topicArn, props.operatorTopic.topicArn] }));
    stepParts.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.topicKey.keyArn] }));
    for (const fn of [this.worker, this.steps]) acknowledgeFunction(fn);

    this.stateMachine = this.buildStateMachine(props);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue');
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "It is EventBridge's dead-letter queue for a run it could not start (nag does not see a rule target's DLQ as one); nothing consumes it, its alarm calls an operator.",
    });
    this.startOnUpload(props);
    this.failedRuns = new cloudwatch.Alarm(this, 'FailedRuns', {
      alarmDescription: 'A screening of the customer file failed, timed out or was aborted: its digest was not sent. The execution history says which batch and why.',
      metric: new cloudwatch.MathExpression({
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
          timedOut: this.stateMachine.metricTimedOut({ period: Duration.minutes(5), statistic: 'Sum' }),
          aborted: this.stateMachine.metricAborted({ period: Duration.minutes(5), statistic: 'Sum' }),
        },
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const notify = new actions.SnsAction(props.operatorTopic);
    this.failedRuns.addAlarmAction(notify);
    this.failedRuns.addOkAction(notify);
  }

  private buildStateMachine(props: DistributedScreeningProps): sfn.StateMachine {
    // What the start and turn steps answer (shared/check/distributed-screening.ts, RunStep), kept under $.run.
    const runStep = {
      'trigger.$': '$.Payload.trigger', 'version.$': '$.Payload.version', 'run.$': '$.Payload.run', 'previous.$': '$.Payload.previous',
      'versionId.$': '$.Payload.versionId', 'next.$': '$.Payload.next',
    };
    const start = new tasks.LambdaInvoke(this, 'Fix the version and run', {
      lambdaFunction: this.steps,
      // The execution's input: { object: { versionId } } from an upload, { version } from the check handing a version over.
      // Its name too: a retried start takes the run number it took before, not another.
      payload: sfn.TaskInput.fromObject({ step: 'start', 'request.$': '$$.Execution.Input', 'execution.$': '$$.Execution.Name' }),
      resultSelector: runStep,
      resultPath: '$.run',
    });
    // A transient error (S3, DynamoDB) must not lose an upload's run; a retried start finds the number it took.
    start.addRetry({ errors: [sfn.Errors.ALL], interval: Duration.seconds(5), maxAttempts: 3, backoffRate: 2 });
    // Runs of the customer file go one at a time (nextTurn): one whose predecessor is under way asks again later.
    const turn = new tasks.LambdaInvoke(this, 'Ask whether the run before is done', {
      lambdaFunction: this.steps,
      payload: sfn.TaskInput.fromObject({ step: 'turn', 'input.$': '$.run' }),
      resultSelector: runStep,
      resultPath: '$.run',
    });
    turn.addRetry({ errors: [sfn.Errors.ALL], interval: Duration.seconds(5), maxAttempts: 3, backoffRate: 2 });
    const wait = new sfn.Wait(this, 'Wait for the run before', { time: sfn.WaitTime.duration(Duration.seconds(TURN_WAIT_SECONDS)) });
    const left = new sfn.Succeed(this, 'Left to the check, or screened already', {
      comment: 'A file the check holds is screened by the check; an object version a run screened already is not screened again.',
    });
    // The bucket by path, not as a construct: CDK would then grant the reader every object of the archive; the
    // state machine's role gets the customer file's key alone (below).
    const source = new sfn.Pass(this, 'Name the customer file', { result: sfn.Result.fromObject({ bucket: props.archive.bucketName }), resultPath: '$.source' });
    const map = new sfn.DistributedMap(this, 'Screen every batch', {
      itemReader: new PinnedCsvItemReader({
        bucketNamePath: sfn.JsonPath.stringAt('$.source.bucket'),
        key: props.customersKey,
        // Given, not read from the first row: a customer file's header row is optional. A header, when there is
        // one, arrives as row 0 and the worker recognises it as a whole file's reader does.
        csvHeaders: sfn.CsvHeaders.use([...CUSTOMER_COLUMNS]),
      }),
      itemSelector: { 'row.$': '$$.Map.Item.Index', 'values.$': '$$.Map.Item.Value' },
      itemBatcher: new sfn.ItemBatcher({
        maxItemsPerBatch: SCREENING_BATCH_ITEMS,
        maxInputBytesPerBatch: SCREENING_BATCH_BYTES,
        batchInput: { 'trigger.$': '$.run.trigger', 'version.$': '$.run.version', 'run.$': '$.run.run', 'previous.$': '$.run.previous' },
      }),
      maxConcurrency: SCREENING_CONCURRENCY,
      // No tolerated failure (Step Functions' default, which CDK leaves unwritten): one batch failed on every retry
      // fails the run, and no digest goes out for part of the file.
      mapExecutionType: sfn.StateMachineType.EXPRESS,
      resultPath: sfn.JsonPath.DISCARD,
      label: 'CustomerBatches',
    });
    const screen = new tasks.LambdaInvoke(this, 'Screen a batch', { lambdaFunction: this.worker, payloadResponseOnly: true });
    // A batch is idempotent (it rewrites its own files): retried on any error, then the run fails.
    screen.addRetry({ errors: [sfn.Errors.ALL], interval: Duration.seconds(2), maxAttempts: 3, backoffRate: 2 });
    map.itemProcessor(screen);
    const finish = new tasks.LambdaInvoke(this, 'Record the run and send its digest', {
      lambdaFunction: this.steps,
      // The execution's input too: an operator's { acceptCustomers, by, reason } for a file that shrank.
      payload: sfn.TaskInput.fromObject({ step: 'finish', 'input.$': '$.run', 'request.$': '$$.Execution.Input' }),
      resultSelector: { 'summary.$': '$.Payload' },
    });
    // An id repeated across batches, or a file that shrank: the step told the operator and the compliance channel;
    // retrying would tell again.
    finish.addRetry({ errors: [REPEATED_ID, SHRUNK], maxAttempts: 0 });
    finish.addRetry({ errors: [sfn.Errors.ALL], interval: Duration.seconds(5), maxAttempts: 3, backoffRate: 2 });
    finish.addCatch(new sfn.Fail(this, 'A customer id is repeated', { error: REPEATED_ID, cause: 'an id in two batches of the customer file; the operator and the compliance channel were told the rows' }), {
      errors: [REPEATED_ID],
    });
    finish.addCatch(new sfn.Fail(this, 'The customer file shrank', { error: SHRUNK, cause: 'the file is empty or lost more than half its customers at once; the operator and the compliance channel were told how to accept it' }), {
      errors: [SHRUNK],
    });
    const fail = new tasks.LambdaInvoke(this, 'Tell that screening stopped', {
      lambdaFunction: this.steps,
      payload: sfn.TaskInput.fromObject({ step: 'fail', 'input.$': '$.run', 'error.$': '$.error' }),
      resultPath: sfn.JsonPath.DISCARD,
    });
    fail.addRetry({ errors: [sfn.Errors.ALL], interval: Duration.seconds(5), maxAttempts: 3, backoffRate: 2 });
    map.addCatch(fail.next(new sfn.Fail(this, 'Screening stopped', { error: 'ScreeningStopped', cause: 'a batch failed on every retry' })), {
      resultPath: '$.error',
    });

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const whoseTurn = new sfn.Choice(this, 'Whose file, and whose turn?')
      .when(sfn.Condition.stringEquals('$.run.next', 'leave'), left)
      .when(sfn.Condition.stringEquals('$.run.next', 'wait'), wait.next(turn))
      .otherwise(map);
    turn.next(whoseTurn);
    map.next(finish);
    const stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'jp-sanctions-monitor: screens the customer file in the archive bucket against the whole list',
      definitionBody: sfn.DefinitionBody.fromChainable(source.next(start).next(whoseTurn)),
      stateMachineType: sfn.StateMachineType.STANDARD,
      // The wait for the run before included: a run number's claim lasts as long (SCREENING_RUN_HOURS).
      timeout: Duration.hours(SCREENING_RUN_HOURS),
      // Every state logged, without its input and output: those carry customer names.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    // The pinned version of the customer file (GetObject with a VersionId needs s3:GetObjectVersion), that key alone.
    stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: [props.archive.arnForObjects(props.customersKey)] }));
    // cfn-lint W3005: CDK writes DependsOn the role beside RoleArn's GetAtt (and on its policy, which does matter: the
    // machine must not start before it may invoke its functions). As on the functions (node-function.ts): harmless.
    (stateMachine.node.defaultChild as sfn.CfnStateMachine).addMetadata('cfn-lint', { config: { ignore_checks: ['W3005'] } });
    const lambdaVersions = (fn: lambda.IFunction) => `AwsSolutions-IAM5[Resource::<${logicalId(fn as unknown as Construct)}.Arn>:*]`;
    const executions = 'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"' + logicalId(stateMachine) + '"}]}]}';
    Validations.of(stateMachine).acknowledge(
      ...[this.worker, this.steps].map((fn) => ({
        id: lambdaVersions(fn),
        reason: 'CDK grants lambda:InvokeFunction on the function and its versions (ARN:*); no other function.',
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Step Functions delivers its logs through CloudWatch Logs delivery APIs (logs:CreateLogDelivery and the like), which take no resource but *.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${executions}:*]`,
        reason: 'The distributed map starts, describes and stops the child executions of this state machine only; their names are made at run time.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${executions}/CustomerBatches:*]`,
        reason: 'The map run (label CustomerBatches) of this state machine only; its id is made at run time.',
      },
    );
    Validations.of(stateMachine).acknowledge({
      id: 'AwsSolutions-SF2',
      reason: 'The execution history and its logs name the failing state and batch; X-Ray tracing would add a role statement on every resource (*) for little.',
    }, {
      id: 'Serverless-StepFunctionStateMachineXray',
      reason: 'As AwsSolutions-SF2: the execution history and its logs name the failing state and batch.',
    });
    return stateMachine;
  }

  /**
   * The check hands a version's re-screening of a customer file too large for it to this state machine: it is told
   * the machine's ARN and may start its executions, nothing else of it (not stop, describe or redrive them).
   */
  takeOverFrom(check: lambda.Function): void {
    check.addEnvironment('SCREENING_STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    this.stateMachine.grantStartExecution(check);
  }

  /**
   * The file's upload (S3 → EventBridge) starts a run. The bucket sends its events to EventBridge by its own
   * property, not by CDK's notifications custom resource (a Lambda with an AWS managed policy, for one setting).
   */
  private startOnUpload(props: DistributedScreeningProps): void {
    (props.archive.node.defaultChild as s3.CfnBucket).addPropertyOverride('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', true);
    new events.Rule(this, 'OnUpload', {
      description: 'Screens the customer file when it is uploaded',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [props.archive.bucketName] }, object: { key: [props.customersKey] } },
      },
      // The uploaded object's version (the bucket is versioned): the run screens that one, whatever is uploaded after.
      targets: [new targets.SfnStateMachine(this.stateMachine, {
        input: events.RuleTargetInput.fromObject({ object: { versionId: events.EventField.fromPath('$.detail.object.version-id') } }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
      })],
    });
  }

  /** The run's batch files, under one prefix of the archive. */
  private grantBatchFiles(role: iam.Role, props: DistributedScreeningProps, actionsAllowed: string[]): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: actionsAllowed, resources: [props.archive.arnForObjects(`${SCREENING_RUNS_PREFIX}*`)] }));
    // The list's oversized payloads, which the snapshot store reads back from the archive.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.archive.arnForObjects(`${ARCHIVE_PREFIX}overflow/*`)] }));
    props.table.grant(role, 'dynamodb:GetItem', 'dynamodb:Query');
    const bucket = logicalId(props.archive);
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${bucket}.Arn>/${SCREENING_RUNS_PREFIX}*]`,
        reason: `Each run's batch files are named by run and first row under ${SCREENING_RUNS_PREFIX}, unknown until the run; the wildcard covers that one prefix of this one bucket.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucket}.Arn>/${ARCHIVE_PREFIX}overflow/*]`,
        reason: 'Oversized store payloads are named by their sha256 under this one folder; s3:GetObject only.',
      },
    );
  }

  /** Listing the batch files' prefix only: without it S3 answers a missing key with AccessDenied, not NoSuchKey. */
  private grantList(role: iam.Role, props: DistributedScreeningProps): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [props.archive.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${SCREENING_RUNS_PREFIX}*`] } },
    }));
  }
}

/** How long a run whose predecessor is under way waits before it asks again: a run of millions takes minutes. */
const TURN_WAIT_SECONDS = 30;

/**
 * The CSV item reader, reading the version of the customer file the run pinned ($.run.versionId): a file uploaded
 * while the run is under way is the next run's, not part of this one.
 */
class PinnedCsvItemReader extends sfn.S3CsvItemReader {
  override render(queryLanguage?: sfn.QueryLanguage): { Parameters: Record<string, unknown> } {
    const rendered = super.render(queryLanguage) as { Parameters: Record<string, unknown> };
    return { ...rendered, Parameters: { ...rendered.Parameters, 'VersionId.$': '$.run.versionId' } };
  }
}

/** The final step's error for an id repeated across batches (shared/check/distributed-screening.ts). */
const REPEATED_ID = 'RepeatedCustomerId';
/** Its error for a customer file that is empty or lost more than half its customers at once. */
const SHRUNK = 'CustomerFileShrunk';

function logicalId(resource: Construct): string {
  const stack = Stack.of(resource);
  return stack.resolve(stack.getLogicalId(resource.node.defaultChild as CfnElement)) as string;
}

function acknowledgeFunction(fn: lambda.IFunction): void {
  Validations.of(fn).acknowledge(
    {
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason: 'Invoked synchronously by Step Functions only, which retries and records each failure in the execution; there is no asynchronous invocation to send anywhere.',
    },
    {
      id: 'Serverless-LambdaTracing',
      reason: 'Each invocation is a state of an execution whose history names the batch and the error; X-Ray would add a role statement on every resource (*) for little.',
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason: 'Invoked synchronously by Step Functions: a dead-letter queue applies to asynchronous invocations only.',
    },
  );
}
