import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ARCHIVE_PREFIX } from '../check-contract';

export interface StoreProps {
  /** Days a raw file is kept; undefined keeps it for good. */
  readonly archiveDays?: number;
}

/** Overwritten or deleted raw files stay recoverable this long. */
const NONCURRENT_VERSION_DAYS = 90;

/**
 * The monitor's record: the snapshot table and the archive of raw MOF files. Both are retained when the stack is
 * deleted, because they are the evidence of what was seen and announced.
 */
export class Store extends Construct {
  readonly table: dynamodb.Table;
  readonly archive: s3.Bucket;

  constructor(scope: Construct, id: string, props: StoreProps) {
    super(scope, id);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.archive = new s3.Bucket(this, 'Archive', {
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: archiveLifecycle(props.archiveDays),
    });
    Validations.of(this.archive).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The archive holds copies of a public MOF file, written only by the check function under its sha256. ' +
        'Versioning keeps every write; an access-log bucket would be a second bucket for every deployer to manage. ' +
        'Deployers who must audit reads can enable CloudTrail S3 data events.',
    });
  }
}

function archiveLifecycle(archiveDays: number | undefined): s3.LifecycleRule[] {
  const housekeeping: s3.LifecycleRule = {
    id: 'housekeeping',
    noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
    abortIncompleteMultipartUploadAfter: Duration.days(7),
  };
  if (archiveDays === undefined) return [housekeeping];
  return [
    housekeeping,
    // MOF's files only, which are kept under raw/<sha256>/: one rule per first hex digit, because a rule cannot leave
    // out raw/overflow/, whose payloads the store still refers to, nor does it reach the deployer's customer file.
    ...[...'0123456789abcdef'].map((digit): s3.LifecycleRule => ({ id: `raw-files-${digit}`, prefix: `${ARCHIVE_PREFIX}${digit}`, expiration: Duration.days(archiveDays) })),
    // Expiring a current version leaves a delete marker; once its noncurrent versions are gone it is clutter.
    { id: 'expired-delete-markers', expiredObjectDeleteMarker: true },
  ];
}
