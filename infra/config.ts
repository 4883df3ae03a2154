import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';
import { ARCHIVE_PREFIX } from './check-contract';

/**
 * The deploy configuration (`monitor.config.json`). Everything a deployer may choose lives here; everything else is
 * a decision of the stack. Objects are strict so that a misspelt key fails synth instead of being ignored.
 */

/** The values the check publishes in its SNS message attributes (shared/domain enums; a test keeps them equal). */
export const CHANGE_TYPES = ['designated', 'delisted', 'amended', 'relisted'] as const;
export const ENTITY_TYPES = ['individual', 'entity'] as const;

/** SNS counts the values of every filtered attribute multiplied together and refuses a policy above 150. */
const MAX_FILTER_COMBINATIONS = 150;

const LOG_RETENTION_DAYS = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number');

export const Filter = z.strictObject({
  changeTypes: z.array(z.enum(CHANGE_TYPES)).min(1).optional(),
  /** Regime (区分) numbers, e.g. 29; written as the check writes them in the `regimes` attribute ("29"). */
  regimes: z
    .array(z.union([z.int().positive(), z.string().regex(/^\d+$/, { message: 'must be a regime number' })]).transform((n) => String(Number(n))))
    .min(1)
    .optional(),
  entityTypes: z.array(z.enum(ENTITY_TYPES)).min(1).optional(),
});
export type Filter = z.infer<typeof Filter>;

const SubscriberFilter = Filter.refine(
  (f) => (f.changeTypes?.length ?? 1) * (f.regimes?.length ?? 1) * (f.entityTypes?.length ?? 1) <= MAX_FILTER_COMBINATIONS,
  { message: `SNS allows at most ${MAX_FILTER_COMBINATIONS} combinations of filter values (changeTypes × regimes × entityTypes)` },
);

const ScheduleExpression = z
  .string()
  .regex(/^(cron\(\S+( \S+){5}\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\))$/, {
    message: 'must be an EventBridge Scheduler expression: cron(<6 fields>) or rate(<n> minutes|hours|days)',
  });

const TimeZoneName = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Tokyo' });

const Share = z.number().min(0).max(1);

const Webhook = z.strictObject({
  url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
  /** A Secrets Manager secret the deployer creates; the stack only refers to it by name. */
  secretName: z.string().regex(/^[\w/+=.@-]{1,512}$/, { message: 'must be a Secrets Manager secret name' }),
  filter: Filter.optional(),
});

/** The read API (GET /v1/...): IAM-signed requests by default; a JWT authorizer instead when `jwt` is set. */
const ReadApi = z.strictObject({
  jwt: z
    .strictObject({
      /** The OpenID Connect issuer, e.g. https://cognito-idp.ap-northeast-1.amazonaws.com/<pool id>. */
      issuer: z.url({ protocol: /^https$/, error: 'must be an https:// issuer URL' }),
      audience: z.array(z.string().min(1)).min(1),
    })
    .optional(),
  /**
   * IAM roles of other accounts that may read the API: the stack creates one role they may assume, allowed only
   * GET /v1/* (HTTP APIs have no resource policy, so a caller from another account signs as a role of this one).
   */
  readerPrincipals: z
    .array(z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:(role|root)(\/[\w+=,.@/-]+)?$/, { message: 'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)' }))
    .default([]),
  /**
   * Web origins (e.g. a bank's intranet page, `https://compliance.intranet.example`) whose pages may call the API
   * from a browser: API Gateway answers their CORS preflight and lets them read the answers. None by default, so no
   * page of another origin can read the API, whatever credentials it holds.
   */
  corsOrigins: z
    .array(
      z
        .string()
        .regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, { message: 'must be an origin: https://host[:port], no path, no wildcard' }),
    )
    .default([]),
  /** Requests per second across all callers (steady rate, and the burst above it). */
  throttle: z
    .strictObject({ rateLimit: z.number().positive().max(10_000).default(10), burstLimit: z.int().positive().max(5_000).default(20) })
    .prefault({}),
});

/** S3's limit on a key, in UTF-8 bytes. */
const MAX_S3_KEY_BYTES = 1024;

/**
 * Where the deployer uploads the customer file in the archive bucket. The check may read exactly this key and no
 * other, so the key is also an IAM resource: IAM's wildcards (`*`, `?`) and policy variables (`${...}`) would widen
 * that grant, and the check writes (and the read API reads) under the raw-file prefix, where a customer file would
 * be overwritten or readable by the API. S3's "safe characters" only, in folders that are neither empty nor `.`/`..`.
 */
const CUSTOMERS_KEY_RULES: Array<[(key: string) => boolean, string]> = [
  [(key) => key.length > 0, 'must not be empty'],
  [(key) => !key.startsWith('/'), 'must not start with "/": S3 keys are relative to the bucket'],
  [(key) => Buffer.byteLength(key, 'utf8') <= MAX_S3_KEY_BYTES, `must be at most ${MAX_S3_KEY_BYTES} bytes (S3's limit)`],
  [(key) => /^[A-Za-z0-9!_.'()/-]*$/.test(key), "may hold only letters, digits, / and !_.'()- (IAM reads * and ? as wildcards, ${...} as a variable)"],
  [(key) => !key.endsWith('/'), 'must name a file, not a folder'],
  [(key) => key.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), 'must not have empty, "." or ".." folders'],
  [(key) => !key.startsWith(ARCHIVE_PREFIX), `must not be under ${ARCHIVE_PREFIX}: the check writes raw files there and the read API reads from it`],
];

const CustomersKey = z.string().superRefine((key, ctx) => {
  const broken = CUSTOMERS_KEY_RULES.find(([holds]) => !holds(key));
  if (broken) ctx.addIssue({ code: 'custom', message: broken[1] });
});

/** Re-screening the customer file after each list change; absent, screening is off and the stack has none of it. */
const Screening = z.strictObject({
  customersKey: CustomersKey,
  /** Unset: the screening's measured default (shared/screening/schemas.ts). */
  threshold: Share.optional(),
  /** Who receives the compliance digests of potential matches (email in full; SMS counts only) and its stops. */
  recipients: z
    .strictObject({
      email: z.array(z.email()).default([]),
      sms: z.array(z.e164()).default([]),
    })
    .prefault({}),
});

export const MonitorConfig = z
  .strictObject({
    schedule: z
      .strictObject({
        expression: ScheduleExpression.default('cron(0,30 * * * ? *)'),
        timeZone: TimeZoneName.default('Asia/Tokyo'),
      })
      .prefault({}),
    subscribers: z
      .strictObject({
        email: z.array(z.strictObject({ address: z.email(), filter: SubscriberFilter.optional() })).default([]),
        sms: z.array(z.strictObject({ phoneNumber: z.e164(), filter: SubscriberFilter.optional() })).default([]),
      })
      .prefault({}),
    /** Who receives alarms, held runs and failed checks. */
    operators: z
      .strictObject({
        email: z.array(z.email()).default([]),
        sms: z.array(z.e164()).default([]),
      })
      .prefault({}),
    webhooks: z.array(Webhook).default([]),
    api: ReadApi.prefault({}),
    /** Unset thresholds keep the check's own defaults (shared/domain/guards.ts). */
    guards: z.strictObject({ maxDelistShare: Share.optional(), minEntryShare: Share.optional() }).prefault({}),
    alarms: z
      .strictObject({
        // CloudWatch evaluates at most one day of hourly periods.
        staleAfterHours: z.int().min(1).max(24).default(6),
      })
      .prefault({}),
    retention: z
      .strictObject({
        logDays: z
          .number()
          .refine((d) => LOG_RETENTION_DAYS.includes(d), { message: `must be one of ${LOG_RETENTION_DAYS.join(', ')}` })
          .default(365),
        /** Unset: raw files are kept for good (they answer "which list did you screen against"). */
        archiveDays: z.int().positive().optional(),
      })
      .prefault({}),
    screening: Screening.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.api.jwt && config.api.readerPrincipals.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['api', 'readerPrincipals'], message: 'applies to IAM authorization only; with api.jwt set, readers present tokens from the issuer' });
    }
    const hours = rateHours(config.schedule.expression);
    if (hours !== undefined && hours > config.alarms.staleAfterHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', 'expression'],
        message: `runs every ${hours} h, less often than alarms.staleAfterHours (${config.alarms.staleAfterHours}): the staleness alarm would always fire`,
      });
    }
  });
export type MonitorConfig = z.output<typeof MonitorConfig>;
export type MonitorConfigInput = z.input<typeof MonitorConfig>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates a parsed config file; the error lists every problem as `path: problem`. */
export function parseMonitorConfig(raw: unknown, source: string): MonitorConfig {
  const parsed = MonitorConfig.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`);
  throw new ConfigError(`${source} is not a valid deploy configuration:\n${problems.join('\n')}`);
}

/** Deployable, but probably not what was meant. */
export function configWarnings(config: MonitorConfig): string[] {
  const warnings: string[] = [];
  if (config.operators.email.length + config.operators.sms.length === 0) {
    warnings.push('operators has no email or SMS subscriber: alarms and held runs will reach no one until you subscribe to the operator topic.');
  }
  if (config.subscribers.email.length + config.subscribers.sms.length + config.webhooks.length === 0) {
    warnings.push('subscribers and webhooks are empty: changes will be recorded but not announced until you subscribe to the change topic.');
  }
  if (config.screening && config.screening.recipients.email.length + config.screening.recipients.sms.length === 0) {
    warnings.push(
      'screening.recipients has no email or SMS recipient: potential matches will be recorded in the table but reach no one until you subscribe to the compliance topic.',
    );
  }
  return warnings;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function rateHours(expression: string): number | undefined {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (!match) return undefined;
  const perUnit = { minute: 1 / 60, hour: 1, day: 24 } as const;
  return Number(match[1]) * perUnit[match[2] as keyof typeof perUnit];
}
