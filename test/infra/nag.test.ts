import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { addComplianceChecks } from '../../infra/nag';
import { FULL_CONFIG, SCREENING_CONFIG, synthMonitor, type Synthesized } from './synth';

function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
  );
}

describe('cdk-nag (AwsSolutions + Serverless) on the whole app', () => {
  let synthesized: Synthesized | undefined;

  it('finds nothing unacknowledged', () => {
    // Synth throws the cdk-nag report if anything is left.
    synthesized = synthMonitor(FULL_CONFIG, { nag: true });
  });

  it('acknowledges only these findings, each on its own resource, each with a reason', () => {
    const found = acknowledgements(synthesized!.app);
    expect(found.map(({ path, id }) => `${path} ${id}`).sort()).toEqual([
      'Monitor/Check/DeadLetterQueue Serverless-SQSRedrivePolicy',
      'Monitor/Check/Function AwsSolutions-L1',
      'Monitor/Check/Function Serverless-LambdaAsyncFailureDestination',
      'Monitor/Check/Function Serverless-LambdaLatestVersion',
      'Monitor/Check/Function Serverless-LambdaTracing',
      expect.stringMatching(/^Monitor\/Check\/Role AwsSolutions-IAM5\[Resource::<StoreArchive\w+\.Arn>\/raw\/\*\]$/),
      expect.stringMatching(/^Monitor\/Check\/Role AwsSolutions-IAM5\[Resource::<StoreArchive\w+\.Arn>\/raw\/overflow\/\*\]$/),
      'Monitor/Notifications/Undelivered AwsSolutions-SQS3',
      'Monitor/Notifications/Undelivered Serverless-SQSRedrivePolicy',
      'Monitor/ReadApi/Function AwsSolutions-L1',
      'Monitor/ReadApi/Function Serverless-LambdaAsyncFailureDestination',
      'Monitor/ReadApi/Function Serverless-LambdaDLQ',
      'Monitor/ReadApi/Function Serverless-LambdaLatestVersion',
      'Monitor/ReadApi/Function Serverless-LambdaTracing',
      expect.stringMatching(/^Monitor\/ReadApi\/Role AwsSolutions-IAM5\[Resource::<StoreArchive\w+\.Arn>\/raw\/overflow\/\*\]$/),
      'Monitor/Store/Archive AwsSolutions-S1',
      'Monitor/Webhooks/DeadLetterQueue Serverless-SQSRedrivePolicy',
      'Monitor/Webhooks/Function AwsSolutions-L1',
      'Monitor/Webhooks/Function Serverless-LambdaDLQ',
      'Monitor/Webhooks/Function Serverless-LambdaLatestVersion',
      'Monitor/Webhooks/Function Serverless-LambdaTracing',
      expect.stringMatching(/^Monitor\/Webhooks\/Function\/SqsEventSource:\w+ Serverless-LambdaEventSourceMappingDestination$/),
      expect.stringMatching(/^Monitor\/Webhooks\/Role AwsSolutions-IAM5\[Resource::<StoreArchive\w+\.Arn>\/raw\/events\/\*\]$/),
    ]);
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(40);
  });

  it('with screening on, finds nothing unacknowledged; the customer file grants have no wildcard, and only the distributed screening adds any', () => {
    const withScreening = synthMonitor(SCREENING_CONFIG, { nag: true });
    const ids = (s: Synthesized) => acknowledgements(s.app).map(({ path, id }) => `${path} ${id}`).sort();
    const added = ids(withScreening).filter((id) => !ids(synthesized!).includes(id));
    expect(ids(withScreening).filter((id) => !added.includes(id))).toEqual(ids(synthesized!));
    expect(added.filter((id) => !id.startsWith('Monitor/Screening/'))).toEqual([]);
    expect(added.map((id) => id.replace(/<[^>]*>|\{.*\}/g, '…'))).toEqual([
      'Monitor/Screening/DeadLetterQueue AwsSolutions-SQS3',
      'Monitor/Screening/DeadLetterQueue Serverless-SQSRedrivePolicy',
      'Monitor/Screening/StateMachine AwsSolutions-IAM5[Resource::*]',
      'Monitor/Screening/StateMachine AwsSolutions-IAM5[Resource::…:*]',
      'Monitor/Screening/StateMachine AwsSolutions-IAM5[Resource::…:*]',
      'Monitor/Screening/StateMachine AwsSolutions-IAM5[Resource::arn:…:states:…:…:execution:…/CustomerBatches:*]',
      'Monitor/Screening/StateMachine AwsSolutions-IAM5[Resource::arn:…:states:…:…:execution:…:*]',
      'Monitor/Screening/StateMachine AwsSolutions-SF2',
      'Monitor/Screening/StateMachine Serverless-StepFunctionStateMachineXray',
      'Monitor/Screening/Steps/Function AwsSolutions-L1',
      'Monitor/Screening/Steps/Function Serverless-LambdaAsyncFailureDestination',
      'Monitor/Screening/Steps/Function Serverless-LambdaDLQ',
      'Monitor/Screening/Steps/Function Serverless-LambdaLatestVersion',
      'Monitor/Screening/Steps/Function Serverless-LambdaTracing',
      'Monitor/Screening/Steps/Role AwsSolutions-IAM5[Resource::…/raw/overflow/*]',
      'Monitor/Screening/Steps/Role AwsSolutions-IAM5[Resource::…/screening/runs/*]',
      'Monitor/Screening/Worker/Function AwsSolutions-L1',
      'Monitor/Screening/Worker/Function Serverless-LambdaAsyncFailureDestination',
      'Monitor/Screening/Worker/Function Serverless-LambdaDLQ',
      'Monitor/Screening/Worker/Function Serverless-LambdaLatestVersion',
      'Monitor/Screening/Worker/Function Serverless-LambdaTracing',
      'Monitor/Screening/Worker/Role AwsSolutions-IAM5[Resource::…/raw/overflow/*]',
      'Monitor/Screening/Worker/Role AwsSolutions-IAM5[Resource::…/screening/runs/*]',
    ]);
    for (const { reason } of acknowledgements(withScreening.app)) expect(reason.length).toBeGreaterThan(40);
  });
});

describe('the cdk-nag wiring', () => {
  it('fails synth on a finding nobody acknowledged', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
    new sqs.Queue(new Stack(app, 'Careless'), 'Plain', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    addComplianceChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
