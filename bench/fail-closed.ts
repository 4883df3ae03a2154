import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DynamoDbSnapshotStore } from '../shared/aws/dynamodb-store';
import { runCheck } from '../shared/check';
import { GuardPolicy } from '../shared/domain/guards';
import { HttpListSource } from '../shared/http/list-source';
import { ConsoleNotifier } from '../shared/local/console-notifier';
import { startEmbeddedDynamoDb } from '../shared/local/embedded-dynamodb';
import { FileArchive } from '../shared/local/file-archive';
import { workbookBomb } from '../test/support/zip-bomb';

/**
 * The fail-closed bounds, measured: a check against a MOF that accepts connections and never answers ends within
 * its time budget (retries, timeouts and backoff included), and refusing a zip bomb stays in bounded memory.
 */
const ROOT = join(__dirname, '..');
// The SDK warns on Node 20 about its releases of 2027; the project pins one that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const dir = mkdtempSync(join(tmpdir(), 'jsm-bench-fail-closed-'));
const lines: string[] = [];
const report = (ok: boolean, text: string) => lines.push(`${ok ? 'ok  ' : 'MISS'} ${text}\n`);

async function hangingServer(budgetMs: number): Promise<void> {
  const server = createServer(() => undefined); // accepts, reads the request, never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dynamo = await startEmbeddedDynamoDb({ dataDir: join(dir, 'data') });
  const clock = { now: () => new Date() };
  try {
    const start = performance.now();
    const result = await runCheck({
      // The Lambda's own fetch settings: 30 s per attempt, 3 retries with backoff; only the budget bounds them.
      source: new HttpListSource(new URL(`http://127.0.0.1:${port}/list.html`), { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true }, clock),
      archive: new FileArchive(join(dir, 'archive')),
      store: new DynamoDbSnapshotStore({ client: dynamo.client, tableName: dynamo.tableName }),
      notifier: new ConsoleNotifier(new PassThrough().resume()),
      clock,
      policy: GuardPolicy.parse({}),
      deadline: Date.now() + budgetMs,
    });
    const ms = performance.now() - start;
    report(
      result.outcome === 'failed' && ms <= budgetMs + 1_000,
      `check against a hanging MOF: ${result.outcome} in ${ms.toFixed(0)} ms (budget ${budgetMs} ms, ` +
        `unbounded it would take 4 × 30 s + backoff): ${result.reason}`,
    );
  } finally {
    server.closeAllConnections();
    server.close();
    await dynamo.close();
  }
}

async function zipBombs(): Promise<void> {
  for (const declare of ['honest', 'lie'] as const) {
    const inflated = 2 * 1024 ** 3;
    const bomb = await workbookBomb({ inflatedBytes: inflated, declare });
    const path = join(dir, `bomb-${declare}.xlsx`);
    writeFileSync(path, bomb);
    const out = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fail-closed-child.ts'), path], { cwd: ROOT }).toString(),
    ) as { ms: number; peakMb: number; message: string; bytes: number };
    const refused = out.message.includes('refused as a possible zip bomb');
    report(
      refused && out.peakMb <= 300,
      `refuse a ${(out.bytes / 1024 ** 2).toFixed(1)} MB workbook unpacking to ${inflated / 1024 ** 3} GiB (directory ${declare === 'honest' ? 'honest' : 'lying'}): ` +
        `${out.ms.toFixed(0)} ms, peak ${out.peakMb.toFixed(0)} MB (target ≤ 300 MB): ${out.message}`,
    );
  }
}

async function main(): Promise<void> {
  try {
    await hangingServer(5_000);
    await zipBombs();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(lines.join(''));
}

void main();
