import { Match } from 'aws-cdk-lib/assertions';
import { FULL_CONFIG, logicalIdOf, propertiesOf, resourcesOf, statementsOfRole, synthMonitor } from './synth';

const { stack, template } = synthMonitor(FULL_CONFIG);
const id = {
  function: logicalIdOf(stack, stack.check.function),
  role: logicalIdOf(stack, stack.check.role),
  dlq: logicalIdOf(stack, stack.check.deadLetterQueue),
  table: logicalIdOf(stack, stack.store.table),
  archive: logicalIdOf(stack, stack.store.archive),
  changeTopic: logicalIdOf(stack, stack.notifications.changeTopic),
  operatorTopic: logicalIdOf(stack, stack.notifications.operatorTopic),
  key: logicalIdOf(stack, stack.notifications.key),
  logs: logicalIdOf(stack, stack.check.function.logGroup),
};
const arn = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

describe('scheduled check: the function', () => {
  it('runs Node.js 22 on ARM64, one at a time, with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      ReservedConcurrentExecutions: 1,
      DeadLetterConfig: { TargetArn: arn(id.dlq) },
      Role: arn(id.role),
      Timeout: 300,
      LoggingConfig: { LogGroup: { Ref: id.logs } },
    });
  });

  it('retries a failed asynchronous invocation once, and drops events older than an hour to the queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id.function },
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 3600,
    });
  });

  it('is told where its resources are, and the configured guard thresholds', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: id.table },
          CHANGE_TOPIC_ARN: { Ref: id.changeTopic },
          OPERATOR_TOPIC_ARN: { Ref: id.operatorTopic },
          ARCHIVE_BUCKET: { Ref: id.archive },
          FETCH_TIMEOUT_MS: '30000',
          MAX_DELIST_SHARE: '0.1',
          MIN_ENTRY_SHARE: '0.8',
        },
      },
    });
  });

  it('keeps its logs for retention.logDays', () => {
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 90 }, DeletionPolicy: 'Delete' });
  });
});

describe('scheduled check: least privilege', () => {
  it('the role is assumed by Lambda only and has no managed policy', () => {
    const role = propertiesOf(template, id.role);
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
    });
    expect(role.ManagedPolicyArns).toBeUndefined();
  });

  it('may do exactly this, and nothing else', () => {
    expect(statementsOfRole(template, id.role)).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arn(id.logs) },
      {
        Effect: 'Allow',
        Action: ['dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        Resource: arn(id.table),
      },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [arn(id.archive), '/raw/*']] } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [arn(id.archive), '/raw/overflow/*']] } },
      { Effect: 'Allow', Action: 'sns:Publish', Resource: [{ Ref: id.changeTopic }, { Ref: id.operatorTopic }] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: arn(id.key) },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: arn(id.dlq) },
    ]);
  });
});

describe('scheduled check: the schedule', () => {
  const schedule = () => resourcesOf(template, 'AWS::Scheduler::Schedule')[0]![1].Properties;

  it('uses the configured expression and time zone, on time', () => {
    expect(schedule()).toMatchObject({
      ScheduleExpression: 'cron(15 9-18 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Asia/Tokyo',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
  });

  it('invokes the function, retries, and dead-letters what it could not deliver', () => {
    expect(schedule().Target).toMatchObject({
      Arn: arn(id.function),
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
      DeadLetterConfig: { Arn: arn(id.dlq) },
    });
  });

  it("the scheduler's role may invoke the unqualified function and feed the queue, nothing else", () => {
    const role = (schedule().Target as { RoleArn: { 'Fn::GetAtt': [string, string] } }).RoleArn['Fn::GetAtt'][0];
    expect(statementsOfRole(template, role)).toEqual([
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arn(id.function) },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: arn(id.dlq) },
    ]);
    expect(propertiesOf(template, role).AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: expect.objectContaining({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }) },
        },
      ],
    });
  });
});

describe('scheduled check: the dead-letter queue', () => {
  it('is encrypted, TLS only, and keeps messages for 14 days', () => {
    expect(propertiesOf(template, id.dlq)).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id.dlq }],
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
  });
});
