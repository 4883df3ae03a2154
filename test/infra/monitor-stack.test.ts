import { Match } from 'aws-cdk-lib/assertions';
import { logicalIdOf, propertiesOf, resourcesOf, synthMonitor } from './synth';

// The smallest deployment: an empty config file, every default.
const { stack, template } = synthMonitor({});

describe('monitor stack with the default configuration', () => {
  it('checks every 30 minutes, Tokyo time', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0,30 * * * ? *)', ScheduleExpressionTimezone: 'Asia/Tokyo' });
  });

  it("leaves the guard thresholds to the check's own defaults", () => {
    const variables = (propertiesOf(template, logicalIdOf(stack, stack.check.function)).Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables).sort()).toEqual(['ARCHIVE_BUCKET', 'CHANGE_TOPIC_ARN', 'FETCH_TIMEOUT_MS', 'NODE_OPTIONS', 'OPERATOR_TOPIC_ARN', 'TABLE_NAME']);
  });

  it('keeps raw files for good, old versions for 90 days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [{ Id: 'housekeeping', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }],
      },
    });
  });

  it('keeps logs a year and calls a check stale after 6 hours', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ChecksSucceeded', EvaluationPeriods: 6 });
  });

  it('subscribes nobody but the webhook queue', () => {
    expect(resourcesOf(template, 'AWS::SNS::Subscription').map(([, s]) => s.Properties.Protocol)).toEqual(['sqs']);
  });

  it('names no account or region, so one template deploys anywhere', () => {
    expect(JSON.stringify(template.toJSON())).not.toMatch(/\b\d{12}\b|(us|eu|ap|sa|ca|me|af)-(north|south|east|west|central|northeast|southeast)-\d/);
  });

  it('grants no IAM action or resource wildcard beyond the archive prefix', () => {
    const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement);
    for (const { Action, Resource } of statements) {
      expect([Action].flat().filter((a) => String(a).includes('*'))).toEqual([]);
      expect(JSON.stringify(Resource)).not.toMatch(/"\*"|:\*"/);
    }
  });
});

describe('monitor stack outputs', () => {
  const outputs = template.toJSON().Outputs as Record<string, { Value: unknown; Description?: string }>;
  const ref = (construct: { node: { defaultChild?: unknown } }) => ({ Ref: logicalIdOf(stack, construct) });

  it('gives the topic ARNs, table, bucket, function and webhook queue', () => {
    expect(outputs).toMatchObject({
      ChangeTopicArn: { Value: ref(stack.notifications.changeTopic) },
      OperatorTopicArn: { Value: ref(stack.notifications.operatorTopic) },
      TableName: { Value: ref(stack.store.table) },
      ArchiveBucketName: { Value: ref(stack.store.archive) },
      CheckFunctionName: { Value: ref(stack.check.function) },
      WebhookQueueUrl: { Value: ref(stack.webhooks.queue) },
    });
  });

  it('says how to subscribe more people and machines, with the right filter', () => {
    template.hasOutput('SubscribePerson', {
      Value: { 'Fn::Join': ['', ['aws sns subscribe --topic-arn ', ref(stack.notifications.changeTopic), Match.stringLikeRegexp('--protocol email .*\\\\"kind\\\\":\\[\\\\"digest\\\\"\\]')]] },
    });
    template.hasOutput('SubscribeMachine', {
      Value: { 'Fn::Join': ['', ['aws sns subscribe --topic-arn ', ref(stack.notifications.changeTopic), Match.stringLikeRegexp('--protocol sqs .*RawMessageDelivery.*\\\\"kind\\\\":\\[\\\\"event\\\\"\\]')]] },
    });
  });
});
