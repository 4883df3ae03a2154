import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { webhookRedriveCommand } from '../../cli/commands/webhook-redrive';
import { sampleChangeEvent } from '../../cli/commands/webhook-sample';
import { ChangeEvent } from '../../shared/domain/change-event';
import { newSecret, startReceiver, type Receiver } from '../support/webhooks';
import { cli } from '../support/cli';


describe('webhook-test', () => {
  const secret = newSecret();
  let sample: ChangeEvent;
  const receivers: Receiver[] = [];
  const receiver = async (statuses: number[]) => {
    const started = await startReceiver({ secrets: [secret], statuses });
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    sample = await sampleChangeEvent();
  });
  afterAll(() => Promise.all(receivers.map((r) => r.close())));

  it('sends the 24 May 2024 designation of 029-000729, signed; exit 0 on a 2xx', async () => {
    const inbox = await receiver([202]);
    const { code, stdout } = await cli('webhook-test', '--url', inbox.url, '--secret', secret, '--allow-loopback');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ url: inbox.url, status: 202, ok: true, eventId: sample.id });
    expect(inbox.received()).toEqual([sample.id]);
    const sent = ChangeEvent.parse(JSON.parse(inbox.requests[0]!.body));
    expect(sent).toMatchObject({ type: 'designated', key: '029-000729', entityType: 'individual', name: { en: 'Vladimir Mikheychik' }, effectiveOn: '2024-05-24' });
  });

  it.each([404, 500])('reports HTTP %i as a failure, exit 1, after one attempt', async (status) => {
    const inbox = await receiver([status]);
    const { code, stdout } = await cli('webhook-test', '--url', inbox.url, '--secret', secret, '--allow-loopback');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ url: inbox.url, status, ok: false, eventId: sample.id, error: `HTTP ${status}` });
    expect(inbox.requests).toHaveLength(1);
  });

  it('reports a signature the receiver rejects (wrong secret) as a failure', async () => {
    const inbox = await receiver([204]);
    const { code, stdout } = await cli('webhook-test', '--url', inbox.url, '--secret', newSecret(), '--allow-loopback');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ status: 401, ok: false });
  });

  it('refuses what the delivery function would refuse: internal addresses, plain HTTP, loopback without the opt-in', async () => {
    const inbox = await receiver([204]);
    for (const [url, error] of [
      ['https://169.254.169.254/latest/meta-data/', /link-local/],
      ['https://10.20.30.40/hook', /private/],
      [inbox.url, /HTTPS only/],
      [inbox.url.replace('http:', 'https:'), /loopback/],
    ] as const) {
      const { code, stdout } = await cli('webhook-test', '--url', url, '--secret', secret);
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toEqual({ url, status: null, ok: false, eventId: sample.id, error: expect.stringMatching(error) });
    }
    expect(inbox.requests).toHaveLength(0);
  });

  it('stops with a one-line error on a malformed secret, quoting none of it', async () => {
    const { code, stdout, stderr } = await cli('webhook-test', '--url', 'https://hooks.example.com/', '--secret', 'whsec_c2VjcmV0');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: signing secret #1 decodes to 6 bytes; Standard Webhooks keys are 24 to 64\n');
  });
});

describe('webhook-redrive', () => {
  const DLQ = 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks-dlq';
  const QUEUE = 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/webhooks';
  const sqs = mockClient(SQSClient);
  const text = (value: string) => ({ DataType: 'String', StringValue: value });
  const parked = (n: number): Message => ({
    MessageId: `dead-${n}`,
    ReceiptHandle: `receipt-${n}`,
    Body: `{"n":${n}}`,
    MessageAttributes: { kind: text('event'), webhookEndpoints: text('ep_0123456789abcdef'), webhookFailure: text('https://kyc.example.com/hook: HTTP 401') },
  });

  beforeEach(() => {
    sqs.reset();
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '3' } });
    sqs.on(ReceiveMessageCommand).resolvesOnce({ Messages: [parked(1), parked(2)] }).resolvesOnce({ Messages: [parked(3)] }).resolves({ Messages: [] });
    sqs.on(SendMessageBatchCommand).callsFake(({ Entries }: { Entries: Array<{ Id: string }> }) => ({ Successful: Entries.map((e) => ({ Id: e.Id, MessageId: `new-${e.Id}` })), Failed: [] }));
    sqs.on(DeleteMessageBatchCommand).callsFake(({ Entries }: { Entries: Array<{ Id: string }> }) => ({ Successful: Entries.map((e) => ({ Id: e.Id })), Failed: [] }));
  });

  it('moves what the dead-letter queue held, body and target kept, failure reason dropped, deleting only what was sent', async () => {
    const { output, exitCode } = await webhookRedriveCommand(['--queue-url', DLQ, '--to', QUEUE]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(output)).toEqual({ from: DLQ, to: QUEUE, moved: 3, failed: [] });
    expect(sqs).toHaveReceivedCommandWith(GetQueueAttributesCommand, { QueueUrl: DLQ, AttributeNames: ['ApproximateNumberOfMessages'] });
    // Three were there: it stops after three, without a last receive that would find nothing (or a re-parked message).
    expect(sqs.commandCalls(ReceiveMessageCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: DLQ, MaxNumberOfMessages: 3, MessageAttributeNames: ['All'], VisibilityTimeout: 60, WaitTimeSeconds: 1 },
      { QueueUrl: DLQ, MaxNumberOfMessages: 1, MessageAttributeNames: ['All'], VisibilityTimeout: 60, WaitTimeSeconds: 1 },
    ]);
    expect(sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input)).toEqual([
      {
        QueueUrl: QUEUE,
        Entries: [1, 2].map((n, i) => ({ Id: String(i), MessageBody: `{"n":${n}}`, MessageAttributes: { kind: text('event'), webhookEndpoints: text('ep_0123456789abcdef') } })),
      },
      { QueueUrl: QUEUE, Entries: [{ Id: '0', MessageBody: '{"n":3}', MessageAttributes: { kind: text('event'), webhookEndpoints: text('ep_0123456789abcdef') } }] },
    ]);
    expect(sqs.commandCalls(DeleteMessageBatchCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: DLQ, Entries: [{ Id: '0', ReceiptHandle: 'receipt-1' }, { Id: '1', ReceiptHandle: 'receipt-2' }] },
      { QueueUrl: DLQ, Entries: [{ Id: '0', ReceiptHandle: 'receipt-3' }] },
    ]);
  });

  it('leaves a message the webhook queue did not accept in the dead-letter queue, and says so (exit 1)', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'new', MD5OfMessageBody: 'x' }], Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false, Message: 'try again' }] });
    const { output, exitCode } = await webhookRedriveCommand(['--queue-url', DLQ, '--to', QUEUE, '--max', '2']);
    expect(exitCode).toBe(1);
    expect(JSON.parse(output)).toEqual({ from: DLQ, to: QUEUE, moved: 1, failed: [{ messageId: 'dead-2', reason: 'not moved: InternalError try again' }] });
    expect(sqs).not.toHaveReceivedCommand(GetQueueAttributesCommand);
    expect(sqs.commandCalls(DeleteMessageBatchCommand).map((c) => c.args[0].input.Entries)).toEqual([[{ Id: '0', ReceiptHandle: 'receipt-1' }]]);
  });

  it('needs both queues, and two different ones', async () => {
    await expect(webhookRedriveCommand(['--queue-url', DLQ])).rejects.toThrow(/--to/);
    await expect(webhookRedriveCommand(['--queue-url', DLQ, '--to', DLQ])).rejects.toThrow(/same queue/);
    await expect(webhookRedriveCommand(['--queue-url', DLQ, '--to', QUEUE, '--max', '0'])).rejects.toThrow(/--max/);
  });
});
