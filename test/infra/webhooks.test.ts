import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { DeliveryConfig } from '../../functions/deliver-webhooks/config';
import { WEBHOOK_PARTITION_PREFIX as PREFIX_IN_INFRA } from '../../infra/constructs/webhook-delivery';
import { WEBHOOK_PARTITION_PREFIX } from '../../shared/aws/webhook-delivery-log';
import { FULL_CONFIG, logicalIdOf, propertiesOf, resourcesOf, statementsOfRole, synthMonitor } from './synth';

const { stack, template } = synthMonitor(FULL_CONFIG);
const queue = logicalIdOf(stack, stack.webhooks.queue);
const dlq = logicalIdOf(stack, stack.webhooks.deadLetterQueue);
const changeTopic = logicalIdOf(stack, stack.notifications.changeTopic);
const undelivered = logicalIdOf(stack, stack.notifications.undelivered);
const fn = logicalIdOf(stack, stack.webhooks.function);
const role = logicalIdOf(stack, stack.webhooks.role);
const table = logicalIdOf(stack, stack.store.table);
const archive = logicalIdOf(stack, stack.store.archive);
const arn = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
const secretArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:secret:${name}-??????`]],
});
const variables = (t = template, s = stack) => (propertiesOf(t, logicalIdOf(s, s.webhooks.function)).Environment as { Variables: Record<string, unknown> }).Variables;

describe('webhook delivery', () => {
  it('receives every change event, raw, and nothing meant for people', () => {
    const [subscription, ...others] = resourcesOf(template, 'AWS::SNS::Subscription').filter(([, s]) => s.Properties.Protocol === 'sqs');
    expect(others).toHaveLength(0);
    expect(subscription![1].Properties).toEqual({
      Protocol: 'sqs',
      TopicArn: { Ref: changeTopic },
      Endpoint: { 'Fn::GetAtt': [queue, 'Arn'] },
      RawMessageDelivery: true,
      FilterPolicy: { kind: ['event'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [undelivered, 'Arn'] } },
    });
  });

  it('moves a message to its dead-letter queue after five failed deliveries', () => {
    expect(propertiesOf(template, queue)).toMatchObject({
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 5 },
    });
    expect(propertiesOf(template, dlq)).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
  });

  it('lets only the change topic send to the queue, over TLS', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
            Condition: { ArnEquals: { 'aws:SourceArn': { Ref: changeTopic } } },
          },
        ],
      },
    });
  });

  it('refers to each endpoint’s signing secret by name, for the delivery function', () => {
    expect(stack.webhooks.endpoints.map((e) => ({ url: e.url, secret: e.secret.secretName, filter: e.filter }))).toEqual([
      { url: 'https://screening.example.com/hook', secret: 'monitor/webhooks/screening', filter: undefined },
      { url: 'https://kyc.example.com/hook', secret: 'monitor/webhooks/kyc', filter: { changeTypes: ['designated'] } },
    ]);
  });

  it('creates no secret: the deployer owns them', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });
});

describe('webhook delivery: the function', () => {
  it('runs Node.js 22 on ARM64, bundled from functions/deliver-webhooks/handler.ts', () => {
    expect(propertiesOf(template, fn)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 60,
      Role: arn(role),
      LoggingConfig: { LogGroup: { Ref: logicalIdOf(stack, stack.webhooks.function.logGroup) } },
    });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 90 }, DeletionPolicy: 'Delete' });
  });

  it('consumes the queue in batches of ten, reporting batch item failures, two batches at a time', () => {
    const [mapping, ...others] = resourcesOf(template, 'AWS::Lambda::EventSourceMapping');
    expect(others).toHaveLength(0);
    expect(mapping![1].Properties).toEqual({
      FunctionName: { Ref: fn },
      EventSourceArn: arn(queue),
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('hides a message being delivered for six function timeouts, as AWS advises for an SQS event source', () => {
    expect(propertiesOf(template, queue)).toMatchObject({ VisibilityTimeout: 6 * 60 });
  });

  it('is told its table, queues, endpoints, and the receive at which to park what still fails', () => {
    expect(variables()).toEqual({
      TABLE_NAME: { Ref: table },
      ARCHIVE_BUCKET: { Ref: archive },
      QUEUE_URL: { Ref: queue },
      DEAD_LETTER_QUEUE_URL: { Ref: dlq },
      WEBHOOK_ENDPOINTS: JSON.stringify([
        { url: 'https://screening.example.com/hook', secretName: 'monitor/webhooks/screening' },
        { url: 'https://kyc.example.com/hook', secretName: 'monitor/webhooks/kyc', filter: { changeTypes: ['designated'] } },
      ]),
      MAX_RECEIVES: '5',
      ATTEMPT_TIMEOUT_MS: '10000',
      NODE_OPTIONS: '--enable-source-maps',
    });
    expect((propertiesOf(template, queue).RedrivePolicy as { maxReceiveCount: number }).maxReceiveCount).toBe(5);
  });

  it('sets an environment the function accepts (references filled in as CloudFormation would)', () => {
    const resolved = { ...variables(), TABLE_NAME: 'monitor-table', ARCHIVE_BUCKET: 'monitor-archive', QUEUE_URL: 'https://sqs.ap-northeast-1.amazonaws.com/1/q', DEAD_LETTER_QUEUE_URL: 'https://sqs.ap-northeast-1.amazonaws.com/1/dlq' };
    const config = DeliveryConfig.parse(resolved);
    expect(config.WEBHOOK_ENDPOINTS.map((e) => e.secretName)).toEqual(['monitor/webhooks/screening', 'monitor/webhooks/kyc']);
    expect(config.ALLOW_LOOPBACK).toBe(false);
    const withRegimes = synthMonitor({ webhooks: [{ url: 'https://a.example.com/', secretName: 'a', filter: { regimes: [29, '034'], entityTypes: ['entity'] } }] });
    expect(DeliveryConfig.shape.WEBHOOK_ENDPOINTS.parse(variables(withRegimes.template, withRegimes.stack).WEBHOOK_ENDPOINTS)).toEqual([
      { url: 'https://a.example.com/', secretName: 'a', filter: { regimes: ['29', '34'], entityTypes: ['entity'] } },
    ]);
  });

  it('refuses at synth more endpoints than a Lambda environment holds', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ url: `https://hooks-${i}.example.com/jp-sanctions`, secretName: `monitor/webhooks/endpoint-${i}` }));
    expect(() => synthMonitor({ webhooks: many })).toThrow(/Lambda allows 4 KiB/);
  });
});

describe('webhook delivery: least privilege', () => {
  it('the role is assumed by Lambda only and has no managed policy', () => {
    expect(propertiesOf(template, role)).toMatchObject({
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] },
    });
    expect(propertiesOf(template, role).ManagedPolicyArns).toBeUndefined();
  });

  it('may do exactly this: its logs, its delivery log items, oversized events in the archive, park in its dead-letter queue, read the configured secrets, consume its queue', () => {
    expect(statementsOfRole(template, role)).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arn(logicalIdOf(stack, stack.webhooks.function.logGroup)) },
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: arn(table),
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['WEBHOOK#*'] } },
      },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [arn(archive), '/raw/events/*']] } },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: arn(dlq) },
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [secretArn('monitor/webhooks/kyc'), secretArn('monitor/webhooks/screening')] },
      {
        Effect: 'Allow',
        Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
        Resource: arn(queue),
      },
    ]);
  });

  it('confines DynamoDB access to the partitions the delivery log writes', () => {
    expect(PREFIX_IN_INFRA).toBe(WEBHOOK_PARTITION_PREFIX);
  });

  it('reads each secret once however many endpoints share it, and none when there are no endpoints', () => {
    const shared = synthMonitor({
      webhooks: [
        { url: 'https://a.example.com/', secretName: 'monitor/webhooks/shared' },
        { url: 'https://b.example.com/', secretName: 'monitor/webhooks/shared' },
      ],
    });
    const sharedRole = logicalIdOf(shared.stack, shared.stack.webhooks.role);
    expect(statementsOfRole(shared.template, sharedRole).filter((s) => String(s.Action).startsWith('secretsmanager'))).toEqual([
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArn('monitor/webhooks/shared') },
    ]);

    const none = synthMonitor({});
    const noneRole = logicalIdOf(none.stack, none.stack.webhooks.role);
    expect(JSON.stringify(statementsOfRole(none.template, noneRole))).not.toContain('secretsmanager');
    expect(variables(none.template, none.stack).WEBHOOK_ENDPOINTS).toBe('[]');
  });
});

describe('webhook delivery: outputs', () => {
  it('gives the dead-letter queue URL, with the redrive command', () => {
    template.hasOutput('WebhookDeadLetterQueueUrl', { Value: { Ref: dlq }, Description: Match.stringLikeRegexp('webhook-redrive --queue-url') });
  });
});

// Real esbuild: the bundle must load on Node.js with the SDK clients and Powertools bundled in.
describe('the webhook delivery bundle', () => {
  it('is an ES module that loads and exports the handler', () => {
    const { app, stack: bundled, template: withCode } = synthMonitor({}, { bundle: true });
    const assembly = app.synth();
    const code = propertiesOf(withCode, logicalIdOf(bundled, bundled.webhooks.function)).Code as { S3Key: string };
    const assetDir = path.join(assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    expect(readdirSync(assetDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const script = `import(${JSON.stringify(path.join(assetDir, 'index.mjs'))}).then((m) => process.stdout.write(typeof m.handler))`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toBe('function');
  });
});
