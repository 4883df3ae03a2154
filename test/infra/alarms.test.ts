import { FULL_CONFIG, logicalIdOf, propertiesOf, synthMonitor } from './synth';

const { stack, template } = synthMonitor(FULL_CONFIG);
const operatorTopic = { Ref: logicalIdOf(stack, stack.notifications.operatorTopic) };
const alarm = (construct: { node: { defaultChild?: unknown } }) => propertiesOf(template, logicalIdOf(stack, construct));
const checkMetric = { Namespace: 'JpSanctionsMonitor', Dimensions: [{ Name: 'service', Value: 'jp-sanctions-monitor' }], Statistic: 'Sum', Period: 3600 };

describe('alarms', () => {
  it('every alarm tells the operator topic when it fires and when it clears', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    for (const a of [stack.alarms.checkErrors, stack.alarms.stale, stack.alarms.held, ...stack.alarms.deadLetters]) {
      expect(alarm(a)).toMatchObject({ AlarmActions: [operatorTopic], OKActions: [operatorTopic] });
    }
  });

  it('fires on any check error within the hour', () => {
    expect(alarm(stack.alarms.checkErrors)).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(stack, stack.check.function) } }],
      Statistic: 'Sum',
      Period: 3600,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('fires when no check succeeded for alarms.staleAfterHours, counting silence as failure', () => {
    expect(alarm(stack.alarms.stale)).toMatchObject({
      ...checkMetric,
      MetricName: 'ChecksSucceeded',
      EvaluationPeriods: 12,
      DatapointsToAlarm: 12,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('fires when a run was held', () => {
    expect(alarm(stack.alarms.held)).toMatchObject({
      ...checkMetric,
      MetricName: 'ChecksHeld',
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('fires when any dead-letter queue is not empty', () => {
    const queues = [stack.check.deadLetterQueue, stack.webhooks.deadLetterQueue, stack.notifications.undelivered];
    expect(stack.alarms.deadLetters.map((a) => alarm(a))).toEqual(
      queues.map((q) =>
        expect.objectContaining({
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(stack, q), 'QueueName'] } }],
          Statistic: 'Maximum',
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
        }),
      ),
    );
  });
});
