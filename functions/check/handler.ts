import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { DynamoDbScreeningLog } from '../../shared/aws/dynamodb-screening-log';
import { DynamoDbSnapshotStore } from '../../shared/aws/dynamodb-store';
import { S3CustomerSource } from '../../shared/aws/s3-customer-source';
import { SnsComplianceNotifier } from '../../shared/aws/sns-compliance-notifier';
import { S3Archive } from '../../shared/aws/s3-archive';
import { SfnDistributedRescreening } from '../../shared/aws/sfn-distributed-rescreening';
import { SnsNotifier } from '../../shared/aws/sns-notifier';
import { runCheck, type CheckDependencies } from '../../shared/check';
import { HttpListSource } from '../../shared/http/list-source';
import { AcceptRequest, type CheckReport } from '../../shared/records';
import { z } from 'zod';
import { readCheckConfig } from './config';

const logger = new Logger({ serviceName: 'jp-sanctions-monitor' });
const metrics = new Metrics({ namespace: 'JpSanctionsMonitor', serviceName: 'jp-sanctions-monitor' });
let dependencies: CheckDependencies | undefined;

/** Built once per container: clients keep their connections warm between scheduled runs. */
function wire(): CheckDependencies {
  const config = readCheckConfig(process.env);
  const clock = { now: () => new Date() };
  const s3 = new S3Client({});
  const sns = new SNSClient({});
  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const archive = new S3Archive(s3, config.ARCHIVE_BUCKET);
  return {
    source: new HttpListSource(new URL(config.INDEX_URL), {
      allowedHosts: config.ALLOWED_HOSTS,
      allowLoopbackHttp: config.ALLOW_LOOPBACK_HTTP,
      timeoutMs: config.FETCH_TIMEOUT_MS,
    }, clock),
    archive,
    // Payloads too big for a DynamoDB item go to the archive bucket by reference, so that no entry blocks a commit.
    store: new DynamoDbSnapshotStore({ client: dynamo, tableName: config.TABLE_NAME, overflow: archive }),
    notifier: new SnsNotifier({ client: sns, changeTopicArn: config.CHANGE_TOPIC_ARN, operatorTopicArn: config.OPERATOR_TOPIC_ARN, events: archive }),
    clock,
    policy: { maxDelistShare: config.MAX_DELIST_SHARE, minEntryShare: config.MIN_ENTRY_SHARE },
    ...(config.CUSTOMERS_KEY && config.COMPLIANCE_TOPIC_ARN && {
      screening: {
        customers: new S3CustomerSource(s3, config.ARCHIVE_BUCKET, config.CUSTOMERS_KEY),
        log: new DynamoDbScreeningLog({ client: dynamo, tableName: config.TABLE_NAME }),
        notifier: new SnsComplianceNotifier({ client: sns, topicArn: config.COMPLIANCE_TOPIC_ARN }),
        threshold: config.SCREENING_THRESHOLD,
        ...(config.SCREENING_STATE_MACHINE_ARN && { distributed: new SfnDistributedRescreening(new SFNClient({}), config.SCREENING_STATE_MACHINE_ARN) }),
      },
    }),
  };
}

/**
 * The invocation: the schedule's event (ignored), or an operator's `{ "accept": "<sha256>", "by": "…",
 * "reason": "…" }` accepting a held file deliberately, or `{ "acceptCustomers": "<sha256>", … }` a customer file
 * that shrank. Anything else carrying `accept` is refused by name.
 */
const acceptedBy = {
  by: z.string().min(1).default('lambda invocation'),
  reason: z.string().min(1).default('accepted by a Lambda event without a reason'),
};
const AcceptEvents = {
  accept: z.object({ accept: AcceptRequest.shape.sha256, ...acceptedBy }),
  acceptCustomers: z.object({ acceptCustomers: z.string().regex(/^[0-9a-f]{64}$/, 'expected the sha256 of the customer file (64 hex digits)'), ...acceptedBy }),
};

function acceptOf(event: unknown, field: keyof typeof AcceptEvents = 'accept'): AcceptRequest | undefined {
  if (typeof event !== 'object' || event === null || !(field in event)) return undefined;
  const parsed = AcceptEvents[field].safeParse(event);
  if (!parsed.success) throw new Error(`invalid ${field} event: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  const data = parsed.data as { by: string; reason: string } & Record<typeof field, string>;
  return { sha256: data[field], by: data.by, reason: data.reason };
}

/**
 * The scheduled check. A failed check throws after alerting the operator, so that Lambda's error metric, its
 * retries and its dead-letter queue all see it; a held list does not (retrying would hold it again).
 */
export async function handler(event: unknown, context: Context): Promise<CheckReport> {
  logger.addContext(context);
  dependencies ??= wire();
  const accept = acceptOf(event);
  const acceptCustomers = acceptOf(event, 'acceptCustomers');
  const screening = dependencies.screening && acceptCustomers ? { screening: { ...dependencies.screening, accept: acceptCustomers } } : {};
  const report = await runCheck({ ...dependencies, ...(accept ? { accept } : {}), ...screening, deadline: downloadDeadline(context) });
  recordMetrics(report);
  const { changes: _changes, notices, ...outline } = report;
  logger.info('check finished', { ...outline, notices: notices.length });
  if (report.outcome === 'failed') throw new Error(`check failed: ${report.reason}`);
  return report;
}

/**
 * The downloads' share of the invocation: what Lambda has left, less room to parse, commit, publish and alert
 * (a quarter of it, at least 30 s), so that a slow MOF ends in a failure the operator hears of, not a timeout.
 */
function downloadDeadline(context: Context): number | undefined {
  const left = typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : undefined;
  if (left === undefined) return undefined;
  return Date.now() + left - Math.max(30_000, left / 4);
}

function recordMetrics(report: CheckReport): void {
  const outcome = { baseline: 'ChecksSucceeded', unchanged: 'ChecksSucceeded', changed: 'ChecksSucceeded', held: 'ChecksHeld', failed: 'ChecksFailed' } as const;
  metrics.addMetric(outcome[report.outcome], MetricUnit.Count, 1);
  metrics.addMetric('CheckDuration', MetricUnit.Milliseconds, report.durationMs);
  // Counted once, by the check that committed them, even when their publishing failed and is left to a retry.
  if (report.summary && report.committedVersion !== null) {
    metrics.addMetric('Designated', MetricUnit.Count, report.summary.designated);
    metrics.addMetric('Delisted', MetricUnit.Count, report.summary.delisted);
    metrics.addMetric('Amended', MetricUnit.Count, report.summary.amended);
    metrics.addMetric('Relisted', MetricUnit.Count, report.summary.relisted);
  }
  if (report.screening) {
    metrics.addMetric('ScreeningMatches', MetricUnit.Count, report.screening.runs.reduce((n, r) => n + r.matches, 0));
    metrics.addMetric('ScreeningStopped', MetricUnit.Count, report.screening.problem ? 1 : 0);
  }
  metrics.publishStoredMetrics();
}
