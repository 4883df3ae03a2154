import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CHECK_METRICS } from '../check-contract';

export interface AlarmsProps {
  readonly checkFunction: lambda.IFunction;
  readonly operatorTopic: sns.ITopic;
  readonly staleAfterHours: number;
  /** Queues that must stay empty, by a name the operator will recognise. */
  readonly deadLetterQueues: Record<string, sqs.IQueue>;
}

const HOUR = Duration.hours(1);

/**
 * What an operator must hear about, sent to the operator topic on ALARM and again on OK. Hourly periods: the check
 * runs every 30 minutes by default, so a finer period would only flap between runs.
 */
export class Alarms extends Construct {
  readonly checkErrors: cloudwatch.Alarm;
  readonly stale: cloudwatch.Alarm;
  readonly held: cloudwatch.Alarm;
  readonly deadLetters: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);

    this.checkErrors = new cloudwatch.Alarm(this, 'CheckErrors', {
      alarmDescription: 'The check function failed (an error or a timeout). Its log group and the operator alert it sent say why.',
      metric: props.checkFunction.metricErrors({ period: HOUR, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // No data means no check ran at all (schedule disabled, function throttled or deleted): that is the failure.
    this.stale = new cloudwatch.Alarm(this, 'NoSuccessfulCheck', {
      alarmDescription: `No check succeeded for ${props.staleAfterHours} h: subscribers are not being told about changes.`,
      metric: checkMetric(CHECK_METRICS.succeeded),
      threshold: 1,
      evaluationPeriods: props.staleAfterHours,
      datapointsToAlarm: props.staleAfterHours,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });

    this.held = new cloudwatch.Alarm(this, 'CheckHeld', {
      alarmDescription: 'A check held a new list back (mass delisting, entry count or format drift): nothing was published. Review it.',
      metric: checkMetric(CHECK_METRICS.held),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // SQS stops reporting metrics for a queue idle for six hours, so missing data means empty.
    this.deadLetters = Object.entries(props.deadLetterQueues).map(
      ([name, queue]) =>
        new cloudwatch.Alarm(this, `${name}NotEmpty`, {
          alarmDescription: `The ${name} dead-letter queue holds messages that were given up on. Inspect them, then redrive or purge.`,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
    );

    const notify = new actions.SnsAction(props.operatorTopic);
    for (const alarm of [this.checkErrors, this.stale, this.held, ...this.deadLetters]) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }
}

function checkMetric(metricName: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: CHECK_METRICS.namespace,
    metricName,
    dimensionsMap: { ...CHECK_METRICS.dimensions },
    statistic: 'Sum',
    period: HOUR,
  });
}
