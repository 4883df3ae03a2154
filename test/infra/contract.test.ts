import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CheckConfig, readCheckConfig } from '../../functions/check/config';
import { ARCHIVE_PREFIX, CHECK_METRICS, DIGEST_ATTRIBUTES, EVENTS_PREFIX, MESSAGE_KIND } from '../../infra/check-contract';
import { EVENTS_PREFIX as EVENTS_PREFIX_AT_RUNTIME } from '../../shared/aws/s3-archive';
import { CHANGE_TYPES, ENTITY_TYPES } from '../../infra/config';
import { ChangeType } from '../../shared/domain/change-event';
import { EntityType } from '../../shared/domain/designation';
import { DEFAULT_THRESHOLD } from '../../shared/screening/schemas';
import { FULL_CONFIG, logicalIdOf, propertiesOf, REPO_ROOT, SCREENING_CONFIG, synthMonitor } from './synth';

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

  it.each([
    ['without screening', FULL_CONFIG],
    ['with screening', SCREENING_CONFIG],
  ])('sets only environment variables the check reads, and every one it requires (%s)', (_name, config) => {
    const { stack, template } = synthMonitor(config);
    // NODE_OPTIONS is Node's own (source maps, infra/constructs/node-function.ts).
    const variables = Object.keys((propertiesOf(template, logicalIdOf(stack, stack.check.function)).Environment as { Variables: object }).Variables).filter((v) => v !== 'NODE_OPTIONS');
    const required = Object.entries(CheckConfig.shape).filter(([, schema]) => !schema.safeParse(undefined).success).map(([name]) => name);
    expect(Object.keys(CheckConfig.shape)).toEqual(expect.arrayContaining(variables));
    expect(variables).toEqual(expect.arrayContaining(required));
    expect(required.length).toBeGreaterThan(0);
  });

  it('gives the check an environment it starts with, screening on as configured', () => {
    const environment = (config: typeof FULL_CONFIG) => {
      const { stack, template } = synthMonitor(config);
      const variables = (propertiesOf(template, logicalIdOf(stack, stack.check.function)).Environment as { Variables: Record<string, unknown> }).Variables;
      // As deployed: a topic's Ref is its ARN, a table's or bucket's its name.
      const deployed = (value: unknown) => {
        const ref = (value as { Ref?: string }).Ref;
        if (ref === undefined) return String(value);
        const type = template.toJSON().Resources[ref].Type;
        if (type === 'AWS::StepFunctions::StateMachine') return `arn:aws:states:ap-northeast-1:123456789012:stateMachine:${ref}`;
        return type === 'AWS::SNS::Topic' ? `arn:aws:sns:ap-northeast-1:123456789012:${ref}` : ref.toLowerCase();
      };
      return readCheckConfig(Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, deployed(value)])));
    };
    const on = environment(SCREENING_CONFIG);
    expect(on).toMatchObject({
      CUSTOMERS_KEY: 'screening/customers.csv', COMPLIANCE_TOPIC_ARN: expect.stringContaining('NotificationsComplianceTopic'), SCREENING_THRESHOLD: 0.9,
      SCREENING_STATE_MACHINE_ARN: expect.stringContaining(':stateMachine:ScreeningStateMachine'),
    });
    const defaulted = environment({ ...SCREENING_CONFIG, screening: { customersKey: 'kyc/customers.csv' } });
    expect(defaulted).toMatchObject({ CUSTOMERS_KEY: 'kyc/customers.csv', SCREENING_THRESHOLD: DEFAULT_THRESHOLD });
    const off = environment(FULL_CONFIG);
    expect([off.CUSTOMERS_KEY, off.COMPLIANCE_TOPIC_ARN, off.SCREENING_STATE_MACHINE_ARN]).toEqual([undefined, undefined, undefined]);
  });

  it('lets the check write where the archive puts raw files', () => {
    expect(source('shared/aws/s3-archive.ts')).toContain(`\`${ARCHIVE_PREFIX}\${file.sha256}/`);
  });

  it('lets the webhook deliverer read where the archive puts change events too big for SNS', () => {
    expect(EVENTS_PREFIX_AT_RUNTIME).toBe(EVENTS_PREFIX);
  });
});
