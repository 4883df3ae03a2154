import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketVersioningCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TemplateValues, type TemplateJson } from './template-values';

/**
 * An AWS account built from the synthesized template through the service APIs of an emulator (moto), because
 * deploying the template through the emulator's CloudFormation silently skips subscriptions and policies. What
 * runs is the template's wiring: names, keys, redrive policies, filter policies and environments are read from it,
 * and a Ref the account cannot resolve throws.
 *
 * Left out, on purpose:
 * - the bucket's TLS-only policy: moto enforces `aws:SecureTransport` against its own plain-HTTP endpoint, so the
 *   policy would deny every request of the test. Any other bucket policy statement throws, so nothing else is
 *   silently dropped.
 * - topic policies, the KMS key, alarms, schedules, log groups: moto does not evaluate them. Queue policies are not
 *   enforced by moto either, so the account checks them itself: a subscription whose queue policy does not let its
 *   topic send is refused here, as SNS would fail to deliver to it.
 * - Lambda: moto cannot run functions without Docker. Their bundles run in worker threads (lambda-runtime.ts), and
 *   the SQS event source mapping is played by `EventSourceMapping` below.
 */

export const REGION = 'ap-northeast-1';
/** moto's default account. */
export const ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'deployer', secretAccessKey: 'deployer' };

export interface FunctionDefinition {
  logicalId: string;
  /** The asset's file name in cdk.out (Code.S3Key). */
  assetKey: string;
  environment: Record<string, string>;
  timeoutSeconds: number;
  roleLogicalId: string;
}

export interface EventSourceMapping {
  functionLogicalId: string;
  queueUrl: string;
  batchSize: number;
  reportBatchItemFailures: boolean;
}

/** Where SNS puts what a person (email or SMS) would have received: a queue with the subscription's filter policy. */
export interface PersonStandIn {
  subscriptionLogicalId: string;
  protocol: 'email' | 'sms';
  endpoint: string;
  topicArn: string;
  queueUrl: string;
}

export interface EmulatedAccount {
  values: TemplateValues;
  endpoint: string;
  tableName: string;
  bucketName: string;
  /** Every queue of the template, by logical id, with the URL the emulator answers to. */
  queues: Map<string, string>;
  people: PersonStandIn[];
  functions: FunctionDefinition[];
  mappings: EventSourceMapping[];
  secrets: Map<string, string>;
  /** Secret name to the ARN Secrets Manager gave it (name plus a random suffix). */
  secretArns: Map<string, string>;
  output(name: string): string;
  /** The URL the emulator answers to, for a queue URL as AWS writes it. */
  emulatorQueueUrl(awsQueueUrl: string): string;
  clients: { sqs: SQSClient; dynamodb: DynamoDBClient; s3: S3Client; sns: SNSClient; secrets: SecretsManagerClient };
}

export interface AccountOptions {
  /** Signing secret per Secrets Manager name the template's webhook endpoints refer to. */
  secretValue: (name: string) => string;
}

export async function createEmulatedAccount(template: TemplateJson, endpoint: string, options: AccountOptions): Promise<EmulatedAccount> {
  const config = { region: REGION, endpoint, credentials: CREDENTIALS };
  const clients = {
    sqs: new SQSClient(config),
    dynamodb: new DynamoDBClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    sns: new SNSClient(config),
    secrets: new SecretsManagerClient(config),
  };
  const values = new TemplateValues(template, REGION, ACCOUNT);

  nameUnemulated(values);
  const tableName = await createTable(values, clients.dynamodb);
  const bucketName = await createBucket(values, clients.s3);
  const queues = await createQueues(values, clients.sqs);
  await createTopics(values, clients.sns);
  const people = await subscribe(values, clients, queues);
  const functions = values.resourcesOf('AWS::Lambda::Function').map(([logicalId, p]) => functionDefinition(values, logicalId, p));
  const mappings = values.resourcesOf('AWS::Lambda::EventSourceMapping').map(([, p]) => eventSourceMapping(values, p));
  const { secrets, secretArns } = await createSecrets(functions, clients.secrets, options);

  const byAwsUrl = new Map([...queues].map(([id, url]) => [values.physicalOf(id).ref, url]));
  return {
    values,
    endpoint,
    tableName,
    bucketName,
    queues,
    people,
    functions,
    mappings,
    secrets,
    secretArns,
    clients,
    output: (name) => {
      const output = template.Outputs?.[name];
      if (!output) throw new Error(`the template has no output ${name}`);
      return values.string(output.Value);
    },
    emulatorQueueUrl: (awsQueueUrl) => {
      const url = byAwsUrl.get(awsQueueUrl);
      if (!url) throw new Error(`no queue ${awsQueueUrl} in the emulated account`);
      return url;
    },
  };
}

/**
 * Resources moto does not run, named as CloudFormation would so that policies and environments referring to them
 * resolve (a role policy names its log group; a topic its key).
 */
function nameUnemulated(values: TemplateValues): void {
  const arns: Record<string, (id: string) => string> = {
    'AWS::Logs::LogGroup': (id) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${id}:*`,
    'AWS::KMS::Key': (id) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`,
    'AWS::IAM::Role': (id) => `arn:aws:iam::${ACCOUNT}:role/${id}`,
    'AWS::Lambda::Function': (id) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${id}`,
    // The distributed screening (screening on): its upload rule, whose dead-letter queue's policy names it, and
    // its state machine; moto runs neither (test/infra/distributed-screening.test.ts checks them).
    'AWS::Events::Rule': (id) => `arn:aws:events:${REGION}:${ACCOUNT}:rule/${id}`,
    'AWS::StepFunctions::StateMachine': (id) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`,
  };
  // A state machine's Ref is its ARN (the check is told it); the others' is their name.
  const refIsArn = new Set(['AWS::StepFunctions::StateMachine']);
  for (const [type, arn] of Object.entries(arns)) {
    for (const [id] of values.resourcesOf(type)) values.define(id, { ref: refIsArn.has(type) ? arn(id) : id, arn: arn(id) });
  }
}

async function createTable(values: TemplateValues, client: DynamoDBClient): Promise<string> {
  const tables = values.resourcesOf('AWS::DynamoDB::Table');
  if (tables.length !== 1) throw new Error(`expected one table, the template has ${tables.length}`);
  const [logicalId, p] = tables[0]!;
  const name = logicalId;
  const input = {
    TableName: name,
    KeySchema: p.KeySchema,
    AttributeDefinitions: p.AttributeDefinitions,
    BillingMode: p.BillingMode,
    ...(p.GlobalSecondaryIndexes !== undefined && { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes }),
  } as CreateTableCommandInput;
  const { TableDescription } = await client.send(new CreateTableCommand(input));
  const ttl = p.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
  if (ttl?.Enabled) await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: ttl }));
  values.define(logicalId, { ref: name, arn: TableDescription!.TableArn! });
  return name;
}

async function createBucket(values: TemplateValues, client: S3Client): Promise<string> {
  const buckets = values.resourcesOf('AWS::S3::Bucket');
  if (buckets.length !== 1) throw new Error(`expected one bucket, the template has ${buckets.length}`);
  const [logicalId, p] = buckets[0]!;
  const name = logicalId.toLowerCase();
  await client.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: REGION as BucketLocationConstraint } }));
  const versioning = p.VersioningConfiguration as { Status: 'Enabled' | 'Suspended' } | undefined;
  if (versioning) await client.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: versioning }));
  values.define(logicalId, { ref: name, arn: `arn:aws:s3:::${name}` });
  for (const [policyId, policy] of values.resourcesOf('AWS::S3::BucketPolicy')) {
    const statements = (policy.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement;
    const other = statements.filter((s) => !(s.Effect === 'Deny' && /SecureTransport|TlsVersion/.test(JSON.stringify(s.Condition))));
    if (other.length > 0) throw new Error(`${policyId} has statements beyond TLS-only, which the emulated account would drop: ${JSON.stringify(other)}`);
  }
  return name;
}

/** Dead-letter queues first: a queue's redrive policy names its dead-letter queue's ARN. */
async function createQueues(values: TemplateValues, client: SQSClient): Promise<Map<string, string>> {
  const queues = values.resourcesOf('AWS::SQS::Queue');
  const urls = new Map<string, string>();
  const ordered = [...queues].sort(([, a], [, b]) => Number(a.RedrivePolicy !== undefined) - Number(b.RedrivePolicy !== undefined));
  for (const [logicalId, p] of ordered) {
    const attributes: Record<string, string> = {};
    for (const name of ['VisibilityTimeout', 'MessageRetentionPeriod', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds'] as const) {
      if (p[name] !== undefined) attributes[name] = String(p[name]);
    }
    if (p.RedrivePolicy !== undefined) attributes.RedrivePolicy = JSON.stringify(values.resolve(p.RedrivePolicy));
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: logicalId, Attributes: attributes }));
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    // What a Ref to a queue gives in AWS; the functions get this form, as deployed (see shared/aws/sqs-client.ts).
    values.define(logicalId, { ref: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${logicalId}`, arn: Attributes!.QueueArn! });
    urls.set(logicalId, QueueUrl!);
  }
  return urls;
}

async function createTopics(values: TemplateValues, client: SNSClient): Promise<void> {
  for (const [logicalId, p] of values.resourcesOf('AWS::SNS::Topic')) {
    const { TopicArn } = await client.send(
      new CreateTopicCommand({ Name: logicalId, ...(p.DisplayName !== undefined && { Attributes: { DisplayName: String(p.DisplayName) } }) }),
    );
    values.define(logicalId, { ref: TopicArn!, arn: TopicArn! });
  }
}

async function subscribe(
  values: TemplateValues,
  clients: EmulatedAccount['clients'],
  queues: Map<string, string>,
): Promise<PersonStandIn[]> {
  const people: PersonStandIn[] = [];
  const queueByArn = new Map([...queues.keys()].map((id) => [values.physicalOf(id).arn!, id]));
  for (const [logicalId, p] of values.resourcesOf('AWS::SNS::Subscription')) {
    const topicArn = values.string(p.TopicArn);
    const protocol = String(p.Protocol);
    const attributes: Record<string, string> = {};
    if (p.FilterPolicy !== undefined) attributes.FilterPolicy = JSON.stringify(values.resolve(p.FilterPolicy));
    if (p.FilterPolicyScope !== undefined) attributes.FilterPolicyScope = String(p.FilterPolicyScope);
    if (p.RedrivePolicy !== undefined) attributes.RedrivePolicy = JSON.stringify(values.resolve(p.RedrivePolicy));
    let queueArn: string;
    if (protocol === 'sqs') {
      queueArn = values.string(p.Endpoint);
      const queueId = queueByArn.get(queueArn);
      if (!queueId) throw new Error(`${logicalId} subscribes ${queueArn}, which is not a queue of the template`);
      assertQueuePolicyAllows(values, queueId, topicArn, logicalId);
      attributes.RawMessageDelivery = String(p.RawMessageDelivery === true || p.RawMessageDelivery === 'true');
    } else if (protocol === 'email' || protocol === 'sms') {
      const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: logicalId.slice(0, 80) }));
      const { Attributes } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
      queueArn = Attributes!.QueueArn!;
      // A person gets the formatted message, never raw: the stand-in sees SNS's envelope with its Subject.
      attributes.RawMessageDelivery = 'false';
      people.push({ subscriptionLogicalId: logicalId, protocol, endpoint: String(p.Endpoint), topicArn, queueUrl: QueueUrl! });
    } else {
      throw new Error(`${logicalId}: protocol ${protocol} is not emulated`);
    }
    await clients.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: attributes, ReturnSubscriptionArn: true }));
  }
  return people;
}

/** SNS delivers to a queue only if the queue's policy lets the topic send; moto does not check, so this does. */
function assertQueuePolicyAllows(values: TemplateValues, queueId: string, topicArn: string, subscriptionId: string): void {
  const allowed = values.resourcesOf('AWS::SQS::QueuePolicy').some(([, p]) => {
    const applies = (p.Queues as unknown[]).some((q) => values.resolve(q) === values.physicalOf(queueId).ref);
    const statements = (values.resolve(p.PolicyDocument) as { Statement: Array<Record<string, unknown>> }).Statement;
    return (
      applies &&
      statements.some(
        (s) =>
          s.Effect === 'Allow' &&
          JSON.stringify(s.Principal) === JSON.stringify({ Service: 'sns.amazonaws.com' }) &&
          [s.Action].flat().some((a) => a === 'sqs:SendMessage' || a === 'sqs:*') &&
          [s.Resource].flat().includes(values.physicalOf(queueId).arn) &&
          JSON.stringify(s.Condition) === JSON.stringify({ ArnEquals: { 'aws:SourceArn': topicArn } }),
      )
    );
  });
  if (!allowed) throw new Error(`${subscriptionId}: the policy of queue ${queueId} does not let topic ${topicArn} send to it; SNS could not deliver`);
}

function functionDefinition(values: TemplateValues, logicalId: string, p: Record<string, unknown>): FunctionDefinition {
  const variables = ((p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
  const role = (p.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return {
    logicalId,
    assetKey: String((p.Code as { S3Key: string }).S3Key),
    environment: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, values.string(v)])),
    timeoutSeconds: Number(p.Timeout ?? 3),
    roleLogicalId: role,
  };
}

function eventSourceMapping(values: TemplateValues, p: Record<string, unknown>): EventSourceMapping {
  const queueArn = values.string(p.EventSourceArn);
  const [, queueId] = values
    .resourcesOf('AWS::SQS::Queue')
    .map(([id]) => [values.physicalOf(id).arn, id] as const)
    .find(([arn]) => arn === queueArn) ?? [undefined, undefined];
  if (!queueId) throw new Error(`an event source mapping reads ${queueArn}, which is not a queue of the template`);
  const fn = (p.FunctionName as { Ref: string }).Ref;
  return {
    functionLogicalId: fn,
    queueUrl: values.physicalOf(queueId).ref,
    batchSize: Number(p.BatchSize ?? 10),
    reportBatchItemFailures: ((p.FunctionResponseTypes as string[] | undefined) ?? []).includes('ReportBatchItemFailures'),
  };
}

/** The deployer creates the signing secrets the stack refers to by name (WEBHOOK_ENDPOINTS). */
async function createSecrets(functions: FunctionDefinition[], client: SecretsManagerClient, options: AccountOptions): Promise<{ secrets: Map<string, string>; secretArns: Map<string, string> }> {
  const names = new Set(
    functions.flatMap((f) => (f.environment.WEBHOOK_ENDPOINTS ? (JSON.parse(f.environment.WEBHOOK_ENDPOINTS) as Array<{ secretName: string }>).map((e) => e.secretName) : [])),
  );
  const secrets = new Map<string, string>();
  const secretArns = new Map<string, string>();
  for (const name of names) {
    const value = options.secretValue(name);
    const { ARN } = await client.send(new CreateSecretCommand({ Name: name, SecretString: value }));
    secrets.set(name, value);
    secretArns.set(name, ARN!);
  }
  return { secrets, secretArns };
}
