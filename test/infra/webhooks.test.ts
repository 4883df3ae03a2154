import { Match } from 'aws-cdk-lib/assertions';
import { FULL_CONFIG, logicalIdOf, propertiesOf, resourcesOf, synthMonitor } from './synth';

const { stack, template } = synthMonitor(FULL_CONFIG);
const queue = logicalIdOf(stack, stack.webhooks.queue);
const dlq = logicalIdOf(stack, stack.webhooks.deadLetterQueue);
const changeTopic = logicalIdOf(stack, stack.notifications.changeTopic);
const undelivered = logicalIdOf(stack, stack.notifications.undelivered);

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
