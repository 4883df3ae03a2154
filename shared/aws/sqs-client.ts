import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';

/**
 * An SQS client whose configured endpoint wins over the host inside a queue URL. By default the SDK sends every
 * request that names a QueueUrl to that URL's host, and it only stops doing so when `endpoint` is given in code:
 * an endpoint from AWS_ENDPOINT_URL_SQS or AWS_ENDPOINT_URL (an emulator, a VPC endpoint) is otherwise ignored for
 * `sqs.<region>.amazonaws.com/...` URLs, and parking or redriving would leave for the real service. Without such a
 * variable nothing changes: the queue URL's host is used, as in AWS.
 */
export function sqsClient(config: SQSClientConfig = {}, env: NodeJS.ProcessEnv = process.env): SQSClient {
  const endpoint = configuredEndpoint(env);
  return new SQSClient({ ...config, ...(endpoint && config.endpoint === undefined && { endpoint }) });
}

function configuredEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  return env.AWS_ENDPOINT_URL_SQS || env.AWS_ENDPOINT_URL || undefined;
}
