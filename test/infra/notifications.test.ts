import { Match } from 'aws-cdk-lib/assertions';
import { FULL_CONFIG, logicalIdOf, resourcesOf, synthMonitor } from './synth';

const { stack, template } = synthMonitor(FULL_CONFIG);
const key = logicalIdOf(stack, stack.notifications.key);
const changeTopic = logicalIdOf(stack, stack.notifications.changeTopic);
const operatorTopic = logicalIdOf(stack, stack.notifications.operatorTopic);
const undelivered = logicalIdOf(stack, stack.notifications.undelivered);

function subscription(topic: string, protocol: string, endpoint: string): Record<string, unknown> {
  const found = resourcesOf(template, 'AWS::SNS::Subscription').filter(
    ([, s]) => (s.Properties.TopicArn as { Ref: string }).Ref === topic && s.Properties.Protocol === protocol && s.Properties.Endpoint === endpoint,
  );
  expect(found).toHaveLength(1);
  return found[0]![1].Properties;
}

describe('notifications: the topic key', () => {
  it('is a customer managed key with rotation, scheduled for deletion with the stack after 7 days', () => {
    template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true, PendingWindowInDays: 7 },
      DeletionPolicy: 'Delete',
    });
  });

  it('lets CloudWatch alarms encrypt for the topic, and nothing else beyond the account', () => {
    const statements = (resourcesOf(template, 'AWS::KMS::Key')[0]![1].Properties.KeyPolicy as { Statement: unknown[] }).Statement;
    expect(statements).toEqual([
      expect.objectContaining({ Action: 'kms:*', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } } }),
      { Sid: 'AllowCloudWatchAlarmsToUseTheKey', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
    ]);
  });
});

describe('notifications: topics', () => {
  it('encrypts both topics with the key', () => {
    template.resourceCountIs('AWS::SNS::Topic', 2);
    for (const [, topic] of resourcesOf(template, 'AWS::SNS::Topic')) {
      expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
    }
  });

  it.each([
    ['change', changeTopic],
    ['operator', operatorTopic],
  ])('refuses publishing to the %s topic without TLS', (_name, topic) => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Sid: 'AllowPublishThroughSSLOnly', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: topic }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ]),
      },
    });
  });

  it("lets this account's CloudWatch alarms publish to the operator topic only", () => {
    const allowAlarms = {
      Sid: 'AllowThisAccountsAlarms',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: operatorTopic },
      Condition: {
        StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alarm:*']] } },
      },
    };
    template.hasResourceProperties('AWS::SNS::TopicPolicy', { Topics: [{ Ref: operatorTopic }], PolicyDocument: { Statement: Match.arrayWith([allowAlarms]) } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: changeTopic }],
      PolicyDocument: { Statement: Match.not(Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } })])) },
    });
  });
});

describe('notifications: people', () => {
  it('sends an unfiltered subscriber every digest and no machine event', () => {
    expect(subscription(changeTopic, 'email', 'everything@example.com').FilterPolicy).toEqual({ kind: ['digest'] });
  });

  it("turns a subscriber's filter into the SNS filter policy, always with kind=digest", () => {
    expect(subscription(changeTopic, 'email', 'russia-desk@example.com').FilterPolicy).toEqual({
      kind: ['digest'],
      changeTypes: ['designated', 'amended'],
      regimes: ['29', '30'],
    });
    expect(subscription(changeTopic, 'sms', '+819012345678').FilterPolicy).toEqual({ kind: ['digest'], entityTypes: ['entity'] });
  });

  it('subscribes operators to the operator topic, unfiltered', () => {
    expect(subscription(operatorTopic, 'email', 'ops@example.com').FilterPolicy).toBeUndefined();
    expect(subscription(operatorTopic, 'sms', '+819087654321').FilterPolicy).toBeUndefined();
  });

  it('parks undeliverable messages of every subscription in the undelivered queue', () => {
    const subscriptions = resourcesOf(template, 'AWS::SNS::Subscription');
    expect(subscriptions).toHaveLength(6); // 3 people, 2 operators, the webhook queue
    for (const [, s] of subscriptions) {
      expect(s.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [undelivered, 'Arn'] } });
    }
  });

  it('lets only these two topics write to the undelivered queue', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: undelivered }],
      PolicyDocument: {
        Statement: Match.arrayWith(
          [changeTopic, operatorTopic].map((topic) => ({
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [undelivered, 'Arn'] },
            Condition: { ArnEquals: { 'aws:SourceArn': { Ref: topic } } },
          })),
        ),
      },
    });
  });
});
