import { Match } from 'aws-cdk-lib/assertions';
import { FULL_CONFIG, logicalIdOf, propertiesOf, resourcesOf, SCREENING_CONFIG, statementsOfRole, synthMonitor } from './synth';

/**
 * Re-screening of the customer file, deployed: a compliance topic with its own recipients, the check told where the
 * file and the topic are, allowed to read that one object and publish to that topic; and without the `screening`
 * section, none of it.
 */
const on = synthMonitor(SCREENING_CONFIG);
const off = synthMonitor(FULL_CONFIG);
const { stack, template } = on;
const complianceTopic = logicalIdOf(stack, stack.notifications.complianceTopic!);
const archive = logicalIdOf(stack, stack.store.archive);
const undelivered = logicalIdOf(stack, stack.notifications.undelivered);
const checkFunction = logicalIdOf(stack, stack.check.function);
const checkRole = logicalIdOf(stack, stack.check.role);
const CUSTOMERS_KEY = 'screening/customers.csv';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;
const environmentOf = (t: typeof template, fn: string) => (propertiesOf(t, fn).Environment as { Variables: Record<string, unknown> }).Variables;

describe('screening on: the compliance topic', () => {
  it('is a third topic, encrypted with the topics’ key, TLS only, named for people', () => {
    template.resourceCountIs('AWS::SNS::Topic', 3);
    expect(propertiesOf(template, complianceTopic)).toEqual({
      DisplayName: 'JP sanctions customer screening',
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(stack, stack.notifications.key), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: complianceTopic }],
      PolicyDocument: {
        Statement: [
          { Sid: 'AllowPublishThroughSSLOnly', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: complianceTopic }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      },
    });
  });

  it('subscribes the recipients, unfiltered, with the same redrive to the undelivered queue as every subscription', () => {
    const subscriptions = resourcesOf(template, 'AWS::SNS::Subscription').filter(([, s]) => (s.Properties.TopicArn as { Ref: string }).Ref === complianceTopic);
    expect(subscriptions.map(([, s]) => s.Properties)).toEqual([
      { Protocol: 'email', Endpoint: 'mlro@example.com', TopicArn: { Ref: complianceTopic }, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [undelivered, 'Arn'] } } },
      { Protocol: 'sms', Endpoint: '+819011112222', TopicArn: { Ref: complianceTopic }, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [undelivered, 'Arn'] } } },
    ]);
    // SNS can park what it could not deliver only if the queue lets this topic send.
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: undelivered }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [undelivered, 'Arn'] },
            Condition: { ArnEquals: { 'aws:SourceArn': { Ref: complianceTopic } } },
          },
        ]),
      },
    });
  });

  it('subscribes no change subscriber or operator to it, and no recipient to the change or operator topic', () => {
    const byTopic = resourcesOf(template, 'AWS::SNS::Subscription').map(([, s]) => `${(s.Properties.TopicArn as { Ref: string }).Ref} ${String(s.Properties.Endpoint)}`);
    expect(byTopic.filter((s) => s.startsWith(complianceTopic))).toHaveLength(2);
    expect(byTopic.filter((s) => !s.startsWith(complianceTopic) && /mlro@example\.com|\+819011112222/.test(s))).toEqual([]);
  });
});

describe('screening on: the check', () => {
  it('is told the customer file’s key, the compliance topic and the configured threshold', () => {
    expect(environmentOf(template, checkFunction)).toMatchObject({
      ARCHIVE_BUCKET: { Ref: archive },
      CUSTOMERS_KEY,
      COMPLIANCE_TOPIC_ARN: { Ref: complianceTopic },
      SCREENING_THRESHOLD: '0.9',
    });
  });

  it('leaves the threshold to the screening default when none is configured', () => {
    const { stack: s, template: t } = synthMonitor({ ...SCREENING_CONFIG, screening: { customersKey: CUSTOMERS_KEY } });
    const variables = environmentOf(t, logicalIdOf(s, s.check.function));
    expect(variables).toMatchObject({ CUSTOMERS_KEY, COMPLIANCE_TOPIC_ARN: { Ref: logicalIdOf(s, s.notifications.complianceTopic!) } });
    expect(variables).not.toHaveProperty('SCREENING_THRESHOLD');
  });

  it('may read exactly the customer file besides its own folder, and publish to the compliance topic', () => {
    const objectArn = (suffix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [archive, 'Arn'] }, suffix]] });
    const topics = [stack.notifications.changeTopic, stack.notifications.operatorTopic].map((topic) => ({ Ref: logicalIdOf(stack, topic) }));
    const statements = statementsOfRole(template, checkRole);
    expect(statements.filter((st) => JSON.stringify(st.Action).includes('s3:GetObject'))).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: [objectArn('/raw/overflow/*'), objectArn(`/${CUSTOMERS_KEY}`)] },
    ]);
    const publish = statements.filter((st) => st.Action === 'sns:Publish');
    expect(publish).toEqual([{ Effect: 'Allow', Action: 'sns:Publish', Resource: expect.any(Array) }]);
    // The policy minimizer sorts resources; which ones, not their order, is the grant.
    const ref = (r: unknown) => (r as { Ref: string }).Ref;
    expect((publish[0]!.Resource as unknown[]).map(ref).sort()).toEqual([...topics, { Ref: complianceTopic }].map(ref).sort());
    // It may start the distributed screening's executions (a version it hands over), of that state machine only.
    expect(statements.filter((st) => JSON.stringify(st.Action).includes('states:'))).toEqual([
      { Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: logicalIdOf(stack, stack.distributedScreening!.stateMachine) } },
    ]);
    // Everything else as without screening.
    const rest = (st: Record<string, unknown>) => !['s3:GetObject', 'sns:Publish', 'states:StartExecution'].includes(st.Action as string);
    expect(statements.filter(rest)).toEqual(statementsOfRole(off.template, logicalIdOf(off.stack, off.stack.check.role)).filter(rest));
  });
});

/**
 * Who may read the customer file: every Allow statement of every role policy in the template, its resources written
 * out (the bucket's ARN as a placeholder), matched with IAM's wildcards against the file's ARN.
 */
describe('screening on: who can read the customer file', () => {
  const bucketArn = 'arn:aws:s3:::archive-bucket';
  const readers = (key: string) =>
    resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument as { Statement: Array<{ Effect: string; Action: string | string[]; Resource: unknown }> }).Statement.filter(
        (s) =>
          s.Effect === 'Allow' &&
          [s.Action].flat().some((a) => iamMatches(a, 's3:GetObject')) &&
          [s.Resource].flat().some((r) => iamMatches(written(r, { [archive]: bucketArn }), `${bucketArn}/${key}`)),
      ).flatMap(() => (policy.Properties.Roles as Array<{ Ref: string }>).map((r) => r.Ref)),
    );

  it('is the check’s role, and the distributed screening’s state machine (its CSV reader) and steps (the file’s sha256)', () => {
    const screening = stack.distributedScreening!;
    const stateMachineRole = logicalIdOf(stack, screening.stateMachine.role as never);
    const stepsRole = (propertiesOf(template, logicalIdOf(stack, screening.steps)).Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    expect(readers(CUSTOMERS_KEY).sort()).toEqual([checkRole, stateMachineRole, stepsRole].sort());
  });

  it('not the read API, nor the webhook delivery, and the check no other key beside it', () => {
    const readApiRole = (propertiesOf(template, logicalIdOf(stack, stack.readApi.function)).Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    expect(readers(CUSTOMERS_KEY)).not.toContain(readApiRole);
    // The read API does read the archive, under raw/overflow/ only: which is why the key may not be under raw/.
    // (So do the screening worker and steps: the list's oversized payloads.)
    const screeningRoles = [stack.distributedScreening!.worker, stack.distributedScreening!.steps].map(
      (fn) => (propertiesOf(template, logicalIdOf(stack, fn)).Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0],
    );
    expect(readers('raw/overflow/0123.json').sort()).toEqual([checkRole, readApiRole, ...screeningRoles].sort());
    // The webhook deliverer reads raw/events/ only.
    expect(readers('raw/events/0123.json')).toEqual([(propertiesOf(template, logicalIdOf(stack, stack.webhooks.function)).Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0]]);
    for (const other of ['screening/customers.csv.bak', 'screening/customers', 'screening/other.csv', 'customers.csv']) expect(readers(other)).toEqual([]);
  });

  it('is not public: the bucket policy only denies (plain HTTP, old TLS)', () => {
    const [[, policy]] = resourcesOf(template, 'AWS::S3::BucketPolicy') as [[string, { Properties: { PolicyDocument: { Statement: Array<{ Effect: string }> } } }]];
    expect(policy.Properties.PolicyDocument.Statement.map((s) => s.Effect)).toEqual(['Deny', 'Deny']);
  });
});

describe('screening on: outputs', () => {
  const outputs = template.toJSON().Outputs as Record<string, { Value: unknown; Description?: string }>;

  it('give the compliance topic and the command that uploads the customer file to its key', () => {
    expect(outputs.ComplianceTopicArn).toMatchObject({ Value: { Ref: complianceTopic } });
    expect(outputs.CustomerFileUpload).toMatchObject({
      Value: { 'Fn::Join': ['', ['aws s3 cp customers.csv s3://', { Ref: archive }, `/${CUSTOMERS_KEY}`]] },
      Description: expect.stringContaining('id,name[,dob][,country][,entityType]'),
    });
  });
});

describe('screening off', () => {
  const { stack: s, template: t } = off;

  it('has no compliance topic, no screening variable, no screening output', () => {
    expect(s.notifications.complianceTopic).toBeUndefined();
    t.resourceCountIs('AWS::SNS::Topic', 2);
    const variables = Object.keys(environmentOf(t, logicalIdOf(s, s.check.function)));
    expect(variables.filter((v) => /CUSTOMERS|COMPLIANCE|SCREENING/.test(v))).toEqual([]);
    expect(Object.keys(t.toJSON().Outputs as object).filter((o) => /Compliance|Customer/.test(o))).toEqual([]);
  });

  it('differs from the template with screening on in exactly the screening resources and the check they touch', () => {
    const withIt = template.toJSON().Resources as Resources;
    const without = t.toJSON().Resources as Resources;
    const named = (resources: Resources) => (id: string) => `${resources[id]!.Type} ${id.replace(/[0-9A-F]{8}$/, '')}`;
    const added = Object.keys(withIt).filter((id) => !(id in without));
    const removed = Object.keys(without).filter((id) => !(id in withIt));
    const changed = Object.keys(without).filter((id) => id in withIt && JSON.stringify(withIt[id]) !== JSON.stringify(without[id]));
    expect(removed).toEqual([]);
    expect(added.filter((id) => !id.startsWith('Screening')).map(named(withIt)).sort()).toEqual([
      'AWS::CloudWatch::Alarm AlarmsScreeningNotEmpty',
      'AWS::SNS::Subscription NotificationsComplianceTopicemailmlroexamplecom',
      'AWS::SNS::Subscription NotificationsComplianceTopicsms819011112222',
      'AWS::SNS::Topic NotificationsComplianceTopic',
      'AWS::SNS::TopicPolicy NotificationsComplianceTopicPolicy',
    ]);
    // The distributed screening's own resources (test/infra/distributed-screening.test.ts).
    expect(added.filter((id) => id.startsWith('Screening')).length).toBeGreaterThan(10);
    // The check (its environment, its role's policy and description), the undelivered queue's policy (this topic may
    // park messages there), and the archive bucket, which now sends its events to EventBridge.
    expect(changed.map(named(without)).sort()).toEqual([
      'AWS::IAM::Policy CheckRoleDefaultPolicy',
      'AWS::IAM::Role CheckRole',
      'AWS::Lambda::Function CheckFunction',
      'AWS::S3::Bucket StoreArchive',
      'AWS::SQS::QueuePolicy NotificationsUndeliveredPolicy',
    ]);
  });
});

/** The resource as IAM sees it once deployed: tokens of other resources left as `<id>`. */
function written(resource: unknown, arns: Record<string, string>): string {
  if (typeof resource === 'string') return resource;
  const r = resource as Record<string, unknown>;
  if ('Fn::Join' in r) {
    const [separator, parts] = r['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => written(p, arns)).join(separator);
  }
  if ('Fn::GetAtt' in r) {
    const [id, attribute] = r['Fn::GetAtt'] as [string, string];
    return attribute === 'Arn' && arns[id] ? arns[id] : `<${id}.${attribute}>`;
  }
  if ('Ref' in r) return `<${String(r.Ref)}>`;
  return JSON.stringify(resource);
}

/** IAM's wildcards: `*` any run of characters, `?` one. */
function iamMatches(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value);
}
