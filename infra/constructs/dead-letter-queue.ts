import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue that keeps what could not be processed for the longest time SQS allows, so an operator alerted by its
 * alarm has two weeks to look. SQS-managed encryption, because SNS cannot write to a queue under the AWS managed
 * KMS key and a customer managed key would cost a KMS call per message for no gain.
 */
export function deadLetterQueue(scope: Construct, id: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'Serverless-SQSRedrivePolicy',
    reason: 'A dead-letter queue is the end of the line: nothing consumes it, an alarm calls an operator, who redrives by hand.',
  });
  return queue;
}
