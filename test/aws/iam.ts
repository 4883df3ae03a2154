import type { AwsGateway } from './aws-gateway';
import { ACCOUNT, REGION, type EmulatedAccount } from './emulated-account';

/**
 * moto enforces IAM for S3 only, so the gateway checks every call of a function against the policies the template
 * attaches to its role: the action, the resource ARN the request names, and the one condition this stack uses
 * (`dynamodb:LeadingKeys`). A permission-relevant rename or a narrowed grant in the template then fails the suite as
 * it would fail in AWS, with AccessDenied. Only Allow statements exist in the stack's role policies; a Deny throws.
 */
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string[]>>;
}

export function authorizeFromTemplate(gateway: AwsGateway, account: EmulatedAccount): void {
  for (const fn of account.functions) {
    const statements = account.values
      .resourcesOf('AWS::IAM::Policy')
      .filter(([, p]) => (p.Roles as Array<{ Ref: string }>).some((r) => r.Ref === fn.roleLogicalId))
      .flatMap(([, p]) => (account.values.resolve(p.PolicyDocument) as { Statement: Statement[] }).Statement);
    if (statements.some((s) => s.Effect !== 'Allow')) throw new Error(`${fn.roleLogicalId} has a Deny statement, which iam.ts does not evaluate`);
    gateway.authorize(fn.roleLogicalId, (action, body, path) => {
      const request = requestOf(action, body, path, account);
      const permission = BATCH_PERMISSIONS[action] ?? action;
      const allowed = statements.some(
        (s) =>
          [s.Action].flat().some((a) => matches(a, permission)) &&
          request.resources.every((r) => [s.Resource].flat().some((pattern) => matches(pattern, r))) &&
          conditionsHold(s.Condition, request),
      );
      return allowed ? undefined : `no statement of ${fn.roleLogicalId}'s policy allows ${action} on ${request.resources.join(', ')}`;
    });
  }
}

/** Batch operations have no IAM action of their own: they need the single one's. */
const BATCH_PERMISSIONS: Record<string, string> = {
  'sns:PublishBatch': 'sns:Publish',
  'sqs:SendMessageBatch': 'sqs:SendMessage',
  'sqs:DeleteMessageBatch': 'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibilityBatch': 'sqs:ChangeMessageVisibility',
};

type Request = { resources: string[]; leadingKeys: string[]; s3Prefix?: string };

function requestOf(action: string, body: string, path: string, account: EmulatedAccount): Request {
  const [service, operation] = action.split(':') as [string, string];
  if (service === 'sns') {
    const topic = new URLSearchParams(body).get('TopicArn');
    return { resources: [topic ?? '?'], leadingKeys: [] };
  }
  if (service === 's3') {
    const [bucket, ...key] = path.split('?')[0]!.split('/').slice(1);
    const prefix = new URLSearchParams(path.split('?')[1] ?? '').get('prefix');
    // `/bucket/?list-type=2…` (the SDK's ListObjectsV2) names the bucket, not an empty key.
    const object = decodeURIComponent(key.join('/'));
    return { resources: [`arn:aws:s3:::${bucket}${object.length > 0 ? `/${object}` : ''}`], leadingKeys: [], ...(prefix !== null && { s3Prefix: prefix }) };
  }
  const input = JSON.parse(body || '{}') as Record<string, unknown>;
  if (service === 'sqs') return { resources: [`arn:aws:sqs:${REGION}:${ACCOUNT}:${String(input.QueueUrl).split('/').pop()}`], leadingKeys: [] };
  if (service === 'secretsmanager') {
    const id = String(input.SecretId);
    return { resources: [id.startsWith('arn:') ? id : (account.secretArns.get(id) ?? `unknown secret ${id}`)], leadingKeys: [] };
  }
  if (service === 'states') return { resources: [String(input.stateMachineArn ?? input.executionArn)], leadingKeys: [] };
  if (service === 'dynamodb') {
    const tables = operation === 'BatchWriteItem' || operation === 'BatchGetItem' ? Object.keys(input.RequestItems as object) : [String(input.TableName)];
    return { resources: tables.map((t) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${t}`), leadingKeys: leadingKeys(operation, input) };
  }
  return { resources: [`unknown service ${service}`], leadingKeys: [] };
}

type Attribute = { S?: string };

function leadingKeys(operation: string, input: Record<string, unknown>): string[] {
  const key = (input.Key ?? input.Item) as Record<string, Attribute> | undefined;
  if (key?.pk?.S !== undefined) return [key.pk.S];
  if (operation === 'Query') {
    const name = /\bpk\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression))?.[1];
    const value = name ? (input.ExpressionAttributeValues as Record<string, Attribute>)[name]?.S : undefined;
    return value !== undefined ? [value] : [];
  }
  if (operation === 'BatchWriteItem') {
    return Object.values(input.RequestItems as Record<string, Array<{ PutRequest?: { Item: Record<string, Attribute> }; DeleteRequest?: { Key: Record<string, Attribute> } }>>)
      .flat()
      .map((r) => (r.PutRequest?.Item ?? r.DeleteRequest?.Key)?.pk?.S ?? '');
  }
  return [];
}

/**
 * The two conditions the stack's roles use: `ForAllValues:StringLike` on `dynamodb:LeadingKeys`, and `StringLike`
 * on `s3:prefix` (a ListBucket of one prefix; a request without a prefix, such as S3's own check behind a GetObject
 * of a missing key, does not carry the key and fails it, as in AWS).
 */
function conditionsHold(condition: Statement['Condition'], request: Request): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([operator, tests]) => {
    const keys = Object.keys(tests);
    if (operator === 'ForAllValues:StringLike' && keys.every((k) => k === 'dynamodb:LeadingKeys')) {
      const patterns = [tests['dynamodb:LeadingKeys']!].flat();
      return request.leadingKeys.every((k) => patterns.some((p) => matches(p, k)));
    }
    if (operator === 'StringLike' && keys.every((k) => k === 's3:prefix')) {
      const prefix = request.s3Prefix;
      return prefix !== undefined && [tests['s3:prefix']!].flat().some((p) => matches(p, prefix));
    }
    throw new Error(`condition ${operator} ${keys.join(',')} is not evaluated by iam.ts`);
  });
}

/** IAM's wildcards: `*` any run of characters, `?` one. */
function matches(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(value);
}
