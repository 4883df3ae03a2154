import { parseArgs } from 'node:util';
import { Problem } from '../../shared/query/problem';
import { ChangesQuery } from '../../shared/query/schemas';
import { openHistory } from '../read-wiring';

/** `changes --since <v>`: every change event after a version or moment, one JSON line each, as webhooks carry them. */
export async function changesCommand(args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      since: { type: 'string' },
      type: { type: 'string' },
      regime: { type: 'string' },
      'entity-type': { type: 'string' },
      'data-dir': { type: 'string' },
      table: { type: 'string' }, 'archive-bucket': { type: 'string' },
    },
  });
  if (values.since === undefined) throw new Error('changes needs --since <version or ISO date-time>, e.g. --since 0');
  const parsed = ChangesQuery.safeParse({ since: values.since, type: values.type, regime: values.regime, entityType: values['entity-type'], limit: 1000 });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('; '));
  const opened = await openHistory({ dataDir: values['data-dir'], table: values.table, archiveBucket: values['archive-bucket'] });
  try {
    const lines: string[] = [];
    let query = parsed.data;
    for (;;) {
      const page = await opened.history.changes(query).catch((error) => {
        throw error instanceof Problem ? new Error(error.detail) : error;
      });
      lines.push(...page.items.map((event) => JSON.stringify(event)));
      if (!page.next) break;
      query = { ...query, cursor: page.next };
    }
    return lines.map((line) => `${line}\n`).join('');
  } finally {
    await opened.close();
  }
}
