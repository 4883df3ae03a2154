import { readFileSync } from 'node:fs';
import { parseList } from '../shared/mof/parse-list';

// Refuses one workbook in a fresh process: peak RSS is this process's whole, as a Lambda's memory would be.
async function main(): Promise<void> {
  const path = process.argv[2]!;
  const bytes = readFileSync(path);
  const start = performance.now();
  let message = 'accepted';
  try {
    await parseList(bytes, { fileName: 'shisantouketsu20260828.xlsx' });
  } catch (error) {
    message = (error as Error).message;
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, message, bytes: bytes.length }));
}

void main();
