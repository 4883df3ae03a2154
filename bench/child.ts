import { readFileSync } from 'node:fs';
import { parseXlsx } from '../shared/mof/xlsx';

// One measured job in a fresh process; peak RSS covers the whole process, as a Lambda's memory would.
async function main(): Promise<void> {
  const [job, path] = process.argv.slice(2);
  if (job !== 'parse-xlsx' || !path) throw new Error(`unknown job ${job}`);
  const bytes = readFileSync(path);
  const start = performance.now();
  await parseXlsx(bytes, { fileName: path });
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
