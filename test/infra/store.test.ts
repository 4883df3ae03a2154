import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { Match } from 'aws-cdk-lib/assertions';
import { OVERFLOW_PREFIX, S3Archive } from '../../shared/aws/s3-archive';
import { FULL_CONFIG, resourcesOf, synthMonitor } from './synth';

const { template } = synthMonitor(FULL_CONFIG);

describe('store: the snapshot table', () => {
  it('has string keys pk/sk, on-demand billing, point-in-time recovery and encryption at rest', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      GlobalSecondaryIndexes: Match.absent(),
    });
  });

  it('outlives the stack', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('store: the raw-file archive', () => {
  it('is versioned, encrypted, private and owner-enforced', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('refuses plain HTTP and TLS below 1.2', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('expires MOF\'s raw files (and nothing else: not the store\'s overflow payloads, not a customer file) after retention.archiveDays, old versions after 90 days, and cleans up', async () => {
    const [[, bucket]] = resourcesOf(template, 'AWS::S3::Bucket') as [[string, { Properties: { LifecycleConfiguration: { Rules: Array<Record<string, unknown>> } } }]];
    const rules = bucket.Properties.LifecycleConfiguration.Rules;
    expect(rules[0]).toEqual({ Id: 'housekeeping', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } });
    expect(rules.at(-1)).toEqual({ Id: 'expired-delete-markers', Status: 'Enabled', ExpiredObjectDeleteMarker: true });
    const expiring = rules.filter((r) => 'ExpirationInDays' in r);
    expect(expiring.every((r) => r.ExpirationInDays === 3650 && r.Status === 'Enabled')).toBe(true);
    const expires = (key: string) => expiring.some((r) => key.startsWith(r.Prefix as string));
    // The keys the archive itself writes, through its own code: every list file expires, no payload does.
    const written: string[] = [];
    const archive = new S3Archive({ send: async (command: { input: { Key: string } }) => void written.push(command.input.Key) } as unknown as S3Client, 'b');
    for (let i = 0; i < 64; i++) {
      await archive.put({ sha256: createHash('sha256').update(String(i)).digest('hex'), bytes: new Uint8Array([i]), fileName: 'shisantouketsu20260828.csv' });
      await archive.putPayload(`{"entry":${i}}`);
    }
    const [files, payloads] = [written.filter((k) => !k.startsWith(OVERFLOW_PREFIX)), written.filter((k) => k.startsWith(OVERFLOW_PREFIX))];
    expect([files.length, payloads.length]).toEqual([64, 64]);
    expect(files.every(expires)).toBe(true);
    expect(payloads.some(expires)).toBe(false);
    expect(['screening/customers.csv', 'customers.csv'].some(expires)).toBe(false);
  });

  it('outlives the stack', () => {
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});
