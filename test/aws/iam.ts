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
          conditionsHold(s.Condition, request.leadingKeys),
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

function requestOf(action: string, body: string, path: string, account: EmulatedAccount): { resources: string[]; leadingKeys: string[] } {
  const [service, operation] = action.split(':') as [string, string];
  if (service === 'sns') {
    const topic = new URLSearchParams(body).get('TopicArn');
    return { resources: [topic ?? '?'], leadingKeys: [] };
  }
  if (service === 's3') {
    const [bucket, ...key] = path.split('?')[0]!.split('/').slice(1);
    return { resources: [`arn:aws:s3:::${bucket}${key.length > 0 ? `/${decodeURIComponent(key.join('/'))}` : ''}`], leadingKeys: [] };
  }
  const input = JSON.parse(body || '{}') as Record<string, unknown>;
  if (service === 'sqs') return { resources: [`arn:aws:sqs:${REGION}:${ACCOUNT}:${String(input.QueueUrl).split('/').pop()}`], leadingKeys: [] };
  if (service === 'secretsmanager') {
    const id = String(input.SecretId);
    return { resources: [id.startsWith('arn:') ? id : (account.secretArns.get(id) ?? `unknown secret ${id}`)], leadingKeys: [] };
  }
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

function conditionsHold(condition: Statement['Condition'], keys: string[]): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([operator, tests]) => {
    if (operator !== 'ForAllValues:StringLike' || Object.keys(tests).some((k) => k !== 'dynamodb:LeadingKeys')) {
      throw new Error(`condition ${operator} ${Object.keys(tests).join(',')} is not evaluated by iam.ts`);
    }
    const patterns = [tests['dynamodb:LeadingKeys']!].flat();
    return keys.every((k) => patterns.some((p) => matches(p, k)));
  });
}

/** IAM's wildcards: `*` any run of characters, `?` one. */
function matches(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(value);
}
