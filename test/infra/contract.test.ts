import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CheckConfig } from '../../functions/check/config';
import { ARCHIVE_PREFIX, CHECK_METRICS, DIGEST_ATTRIBUTES, MESSAGE_KIND } from '../../infra/check-contract';
import { CHANGE_TYPES, ENTITY_TYPES } from '../../infra/config';
import { ChangeType } from '../../shared/domain/change-event';
import { EntityType } from '../../shared/domain/designation';
import { FULL_CONFIG, logicalIdOf, propertiesOf, REPO_ROOT, synthMonitor } from './synth';

// infra/ repeats what it must know of the runtime instead of importing it; these tests catch the two drifting apart.
const source = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe('what the stack assumes about the check', () => {
  it('filters on the change and entity types the domain has', () => {
    expect([...CHANGE_TYPES]).toEqual(ChangeType.options);
    expect([...ENTITY_TYPES]).toEqual(EntityType.options);
  });

  it('alarms on the metrics the handler emits, in its namespace and service', () => {
    const handler = source('functions/check/handler.ts');
    expect(handler).toContain(`namespace: '${CHECK_METRICS.namespace}'`);
    expect(handler).toContain(`serviceName: '${CHECK_METRICS.dimensions.service}'`);
    expect(handler).toContain(`'${CHECK_METRICS.succeeded}'`);
    expect(handler).toContain(`'${CHECK_METRICS.held}'`);
  });

  it('filters on the message attributes the notifier sets', () => {
    const notifier = source('shared/aws/sns-notifier.ts');
    expect(notifier).toContain(`${MESSAGE_KIND.attribute}: text('${MESSAGE_KIND.digest}')`);
    expect(notifier).toContain(`${MESSAGE_KIND.attribute}: text('${MESSAGE_KIND.event}')`);
    const digest = source('shared/render/digest.ts');
    for (const attribute of Object.values(DIGEST_ATTRIBUTES)) expect(digest).toMatch(new RegExp(`^\\s+${attribute}: `, 'm'));
  });

  it('sets only environment variables the check reads, and every one it requires', () => {
    const { stack, template } = synthMonitor(FULL_CONFIG);
    // NODE_OPTIONS is Node's own (source maps, infra/constructs/node-function.ts).
    const variables = Object.keys((propertiesOf(template, logicalIdOf(stack, stack.check.function)).Environment as { Variables: object }).Variables).filter((v) => v !== 'NODE_OPTIONS');
    const required = Object.entries(CheckConfig.shape).filter(([, schema]) => !schema.safeParse(undefined).success).map(([name]) => name);
    expect(Object.keys(CheckConfig.shape)).toEqual(expect.arrayContaining(variables));
    expect(variables).toEqual(expect.arrayContaining(required));
    expect(required.length).toBeGreaterThan(0);
  });

  it('lets the check write where the archive puts raw files', () => {
    expect(source('shared/aws/s3-archive.ts')).toContain(`\`${ARCHIVE_PREFIX}\${file.sha256}/`);
  });
});
