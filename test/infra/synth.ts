// Each synth writes a cdk.out directory to the temp dir; this removes them after every test file.
import 'aws-cdk-lib/testhelpers/jest-autoclean';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseMonitorConfig, type MonitorConfigInput } from '../../infra/config';
import { MonitorStack } from '../../infra/monitor-stack';
import { addComplianceChecks } from '../../infra/nag';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The feature flags `cdk synth` uses, so tests synthesize the same template. */
const cdkJsonContext = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

/**
 * A deployment that uses every option but screening, so one synth per test file sees every branch that config can
 * take; screening, which adds resources rather than choosing between them, has its own (SCREENING_CONFIG), so that
 * the template without it can be compared with the one with it.
 */
export const FULL_CONFIG: MonitorConfigInput = {
  schedule: { expression: 'cron(15 9-18 ? * MON-FRI *)', timeZone: 'Asia/Tokyo' },
  subscribers: {
    email: [
      { address: 'everything@example.com' },
      { address: 'russia-desk@example.com', filter: { regimes: [29, 30], changeTypes: ['designated', 'amended'] } },
    ],
    sms: [{ phoneNumber: '+819012345678', filter: { entityTypes: ['entity'] } }],
  },
  operators: { email: ['ops@example.com'], sms: ['+819087654321'] },
  webhooks: [
    { url: 'https://screening.example.com/hook', secretName: 'monitor/webhooks/screening' },
    { url: 'https://kyc.example.com/hook', secretName: 'monitor/webhooks/kyc', filter: { changeTypes: ['designated'] } },
  ],
  guards: { maxDelistShare: 0.1, minEntryShare: 0.8 },
  alarms: { staleAfterHours: 12 },
  retention: { logDays: 90, archiveDays: 3650 },
};

/** FULL_CONFIG with re-screening of a customer file on, its matches to an email and an SMS recipient. */
export const SCREENING_CONFIG: MonitorConfigInput = {
  ...FULL_CONFIG,
  screening: {
    customersKey: 'screening/customers.csv',
    threshold: 0.9,
    recipients: { email: ['mlro@example.com'], sms: ['+819011112222'] },
  },
};

export interface SynthOptions {
  /** Run esbuild for real (slow); otherwise the function's code is a placeholder. */
  bundle?: boolean;
  /** Add the cdk-nag packs: synth then throws on any unacknowledged finding. */
  nag?: boolean;
  /** CloudFormation's built-in template validation (about 3 s). */
  validate?: boolean;
}

export interface Synthesized {
  app: App;
  stack: MonitorStack;
  template: Template;
}

export function synthMonitor(input: MonitorConfigInput, options: SynthOptions = {}): Synthesized {
  const app = new App({
    context: { ...cdkJsonContext, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    builtinCloudFormationValidation: options.validate ?? false,
  });
  const config = parseMonitorConfig(input, 'test config');
  const stack = new MonitorStack(app, 'Monitor', { config });
  // Before the template: Template.fromStack synthesizes, and a synthesized app is not validated again.
  if (options.nag) addComplianceChecks(app);
  return { app, stack, template: Template.fromStack(stack) };
}

/** Resources of one type, as [logicalId, resource] pairs. */
export function resourcesOf(template: Template, type: string): [string, { Properties: Record<string, unknown> }][] {
  return Object.entries(template.findResources(type)) as [string, { Properties: Record<string, unknown> }][];
}

export function logicalIdOf(stack: MonitorStack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as never)) as string;
}

export function propertiesOf(template: Template, logicalId: string): Record<string, unknown> {
  const resource = (template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>)[logicalId];
  if (!resource) throw new Error(`no resource ${logicalId}`);
  return resource.Properties;
}

/** The statements of the policy attached to a role, by the role's logical id. */
export function statementsOfRole(template: Template, roleLogicalId: string): Record<string, unknown>[] {
  const policies = resourcesOf(template, 'AWS::IAM::Policy').filter(([, p]) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleLogicalId),
  );
  return policies.flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);
}
