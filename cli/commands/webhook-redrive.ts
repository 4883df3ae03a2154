import { parseArgs } from 'node:util';
import { sqsClient } from '../../shared/aws/sqs-client';
import { redriveWebhooks } from '../../shared/aws/webhook-redrive';

/**
 * `webhook-redrive --queue-url <dead-letter queue> --to <webhook queue> [--max <n>]`: after fixing what made
 * deliveries fail, puts the parked messages back on the webhook queue (stack outputs WebhookDeadLetterQueueUrl and
 * WebhookQueueUrl). Uses the AWS credentials and region of the environment; AWS_ENDPOINT_URL(_SQS), if set, is
 * where the requests go whatever host the queue URLs name (shared/aws/sqs-client.ts). Exit 0 if every message was moved.
 */
export async function webhookRedriveCommand(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values } = parseArgs({ args, options: { 'queue-url': { type: 'string' }, to: { type: 'string' }, max: { type: 'string' } } });
  const from = values['queue-url'];
  if (!from || !values.to) throw new Error('webhook-redrive needs --queue-url <dead-letter queue URL> and --to <webhook queue URL>');
  if (from === values.to) throw new Error('--queue-url and --to are the same queue');
  const max = values.max === undefined ? undefined : Number(values.max);
  if (max !== undefined && (!Number.isInteger(max) || max <= 0)) throw new Error(`--max must be a positive integer, not '${values.max}'`);

  const client = sqsClient({ ...regionOf(from) });
  const result = await redriveWebhooks(client, { from, to: values.to, ...(max !== undefined && { max }) });
  return { output: `${JSON.stringify({ from, to: values.to, ...result }, null, 2)}\n`, exitCode: result.failed.length === 0 ? 0 : 1 };
}

/** `https://sqs.<region>.amazonaws.com/…`: the queue's own region, whatever the profile's default is. */
function regionOf(queueUrl: string): { region?: string } {
  const region = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\//.exec(queueUrl)?.[1];
  return region ? { region } : {};
}
