import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbHistoryReader } from '../../shared/aws/dynamodb-history';
import { DamagedItemError } from '../../shared/aws/stored-items';
import { FileArchive } from '../../shared/local/file-archive';
import { HistoryFixture } from '../support/history';

/**
 * The read adapter on items the store wrote: payloads it moved to the overflow store (the archive) are read back
 * from there, and a damaged item is an error that names it, never a wrong answer.
 */
let fx: HistoryFixture;
let archive: FileArchive;
beforeAll(async () => {
  fx = await HistoryFixture.afterDemo();
  archive = new FileArchive(join(fx.dir, 'archive'));
});
afterAll(() => fx.close());

const key = (sk: string) => ({ pk: 'LIST#mof', sk });
async function item(sk: string): Promise<Record<string, unknown>> {
  return (await fx.dynamo.client.send(new GetCommand({ TableName: fx.dynamo.tableName, Key: key(sk) }))).Item!;
}
async function put(value: Record<string, unknown>): Promise<void> {
  await fx.dynamo.client.send(new PutCommand({ TableName: fx.dynamo.tableName, Item: value }));
}
const reader = (overflow?: FileArchive) => new DynamoDbHistoryReader({ client: fx.dynamo.client, tableName: fx.dynamo.tableName, overflow });

it('reads an entry and a change event the store kept in the overflow store, as if they were inline', async () => {
  const before = { entry: await reader().loadEntry('029-000729', 2), timeline: await reader().changesOf('029-000729', 2) };
  const entryItem = await item('ENTRY#029-000729');
  const [change] = before.timeline;
  const changeSk = `CHANGE#${String(change!.version).padStart(10, '0')}#${String(change!.seq).padStart(5, '0')}`;
  const changeItem = await item(changeSk);
  await put({ ...entryItem, content: `@ref:${await archive.putPayload(entryItem.content as string)}` });
  await put({ ...changeItem, event: `@ref:${await archive.putPayload(changeItem.event as string)}` });
  try {
    expect(await reader(archive).loadEntry('029-000729', 2)).toEqual(before.entry);
    expect(await reader(archive).changesOf('029-000729', 2)).toEqual(before.timeline);
    expect((await reader(archive).loadEntries(2)).find((e) => e.key === '029-000729')).toEqual(before.entry);
    await expect(reader().loadEntry('029-000729', 2)).rejects.toThrow(DamagedItemError);
    await expect(reader().loadEntry('029-000729', 2)).rejects.toThrow(/ENTRY#029-000729: its payload is in the overflow store/);
  } finally {
    await put(entryItem);
    await put(changeItem);
  }
});

it('refuses an item whose payload is not what its key says', async () => {
  const original = await item('ENTRY#029-000729');
  const other = await item('ENTRY#034-000002');
  await put({ ...original, content: other.content });
  try {
    await expect(reader().loadEntry('029-000729', 2)).rejects.toThrow(/LIST#mof\/ENTRY#029-000729: holds the entry 034-000002/);
  } finally {
    await put(original);
  }
});

it('never shows the writes of a version that is not committed yet', async () => {
  const original = await item('ENTRY#029-000729');
  // What a commit in progress leaves: the entry rewritten at version 3, STATE still at 2.
  await put({ ...original, version: 3, priorVersion: 2, prior: original.content, content: (original.content as string).replace('Vladimir', 'Wladimir') });
  try {
    expect((await reader().loadEntry('029-000729', 2))?.name.en).toBe('Vladimir Mikheychik');
    expect((await fx.history.entry('029-000729')).entry?.name.en).toBe('Vladimir Mikheychik');
  } finally {
    await put(original);
  }
});
