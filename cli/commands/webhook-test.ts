import { parseArgs } from 'node:util';
import { classify } from '../../shared/webhooks/deliver-endpoint';
import { postWebhook } from '../../shared/webhooks/http-post';
import { parseSigningSecrets, signatureHeader } from '../../shared/webhooks/signature';
import { sampleChangeEvent } from './webhook-sample';

/**
 * `webhook-test --url <url> --secret <whsec_…> [--allow-loopback] [--timeout-ms <n>]`: one signed POST of a real
 * change event, under the delivery function's rules (HTTPS, public addresses only, no redirects), and no retry: it
 * reports what the endpoint answered. Exit 0 for a 2xx only.
 */
export async function webhookTestCommand(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      secret: { type: 'string' },
      'allow-loopback': { type: 'boolean', default: false },
      'timeout-ms': { type: 'string', default: '10000' },
    },
  });
  if (!values.url) throw new Error('webhook-test needs --url <https://…>');
  if (!values.secret) throw new Error('webhook-test needs --secret <whsec_…>');
  const url = parseUrl(values.url);
  const keys = parseSigningSecrets(values.secret);
  const timeoutMs = Number(values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`--timeout-ms must be a positive integer, not '${values['timeout-ms']}'`);

  const event = await sampleChangeEvent();
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await postWebhook(
    url,
    body,
    { 'webhook-id': event.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatureHeader(keys, event.id, timestamp, body) },
    { timeoutMs, allowLoopback: values['allow-loopback'] },
  );
  const { outcome, httpStatus, detail } = classify(result);
  const ok = outcome === 'delivered';
  const report = { url: values.url, status: httpStatus, ok, eventId: event.id, ...(!ok && { error: detail }) };
  return { output: `${JSON.stringify(report, null, 2)}\n`, exitCode: ok ? 0 : 1 };
}

function parseUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new Error(`--url: '${text}' is not a URL`);
  }
}
