// Runs one Lambda bundle (cdk.out/asset.*/index.mjs) in a worker thread: Node's own ES module loader, and the
// worker's process.env is exactly the function's environment. Plain JavaScript, because jest does not transform
// worker code. Messages: { id, event } in, { id, result } or { id, error } out.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { bundle, functionName, timeoutMs } = workerData;
const started = performance.now();
const module = await import(pathToFileURL(bundle).href);
parentPort.postMessage({ ready: true, loadMs: performance.now() - started });

parentPort.on('message', async ({ id, event }) => {
  const deadline = Date.now() + timeoutMs;
  const context = {
    functionName,
    functionVersion: '$LATEST',
    awsRequestId: `invocation-${id}`,
    memoryLimitInMB: '1024',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    parentPort.postMessage({ id, result: await module.handler(event, context) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
