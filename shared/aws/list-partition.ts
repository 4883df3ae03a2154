import { GetCommand, paginateQuery, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './dynamodb-writes';

/**
 * One list's partition of the table (`pk = LIST#<listId>`), read strongly consistent: what the snapshot store and
 * the screening log read their own writes through. (The history reader reads page by page, eventually consistent,
 * bounded by the committed version: its own reads.)
 */
export class ListPartition {
  readonly pk: string;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly table: string,
    listId = 'mof',
  ) {
    this.pk = `LIST#${listId}`;
  }

  async get(sk: string): Promise<Item | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: this.key(sk), ConsistentRead: true }));
    return Item;
  }

  queryPrefix(prefix: string): Promise<Item[]> {
    return this.query({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':prefix': prefix } });
  }

  /** Every page, read consistently: a snapshot must see all writes acknowledged before it. */
  async query(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    const pages = paginateQuery(
      { client: this.client },
      { ...input, TableName: this.table, ConsistentRead: true, ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':pk': this.pk } },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }

  key(sk: string): { pk: string; sk: string } {
    return { pk: this.pk, sk };
  }

  /** An item as errors name it: table, partition and sort key. */
  name(sk: string): string {
    return `${this.table} ${this.pk}/${sk}`;
  }
}
