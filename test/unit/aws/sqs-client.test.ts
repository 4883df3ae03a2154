import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../../shared/aws/sqs-client';

/**
 * Where an SQS request goes, caught before it is sent (nothing leaves the process). The queue URLs are AWS's, as a
 * stack output or the functions' environment gives them; test/aws/ proves the same against moto end to end.
 */
const QUEUE_URL = 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/WebhooksDeadLetterQueue';
const BASE = { region: 'ap-northeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };

async function destination(client: SQSClient): Promise<string> {
  client.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { protocol: string; hostname: string; port?: number };
      throw Object.assign(new Error('caught'), { destination: `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}` });
    },
    { step: 'finalizeRequest', priority: 'low' },
  );
  const error = (await client.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x' })).catch((e: unknown) => e)) as { destination?: string };
  if (!error.destination) throw error as Error;
  return error.destination;
}

describe('the SQS client of the adapters and the CLI', () => {
  it('sends to the configured endpoint, whatever host the queue URL names', async () => {
    expect(await destination(sqsClient(BASE, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }))).toBe('http://127.0.0.1:4566');
    expect(await destination(sqsClient(BASE, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:2' }))).toBe('http://127.0.0.1:2');
  });

  it('is the SDK default without one: the queue URL host, as in AWS', async () => {
    expect(await destination(sqsClient(BASE, {}))).toBe('https://sqs.ap-northeast-1.amazonaws.com');
    expect(await destination(sqsClient(BASE, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }))).toBe(
      'https://sqs.ap-northeast-1.amazonaws.com',
    );
  });

  it('keeps an endpoint given in code', async () => {
    expect(await destination(sqsClient({ ...BASE, endpoint: 'http://127.0.0.1:9' }, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }))).toBe('http://127.0.0.1:9');
  });

  it('fixes what the plain client gets wrong: the SDK alone ignores AWS_ENDPOINT_URL for a queue URL', async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4566';
    try {
      expect(await destination(new SQSClient(BASE))).toBe('https://sqs.ap-northeast-1.amazonaws.com');
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
