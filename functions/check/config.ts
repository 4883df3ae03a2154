import { z } from 'zod';
import { GuardPolicy } from '../../shared/domain/guards';
import { MOF_HOST } from '../../shared/http/fetch-file';
import { MOF_INDEX_URL } from '../../shared/http/list-source';
import { DEFAULT_THRESHOLD } from '../../shared/screening/schemas';

const share = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);
const list = z.string().transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean));

/** The check Lambda's environment, set by the CDK stack. A bad value stops the function at start with its name. */
export const CheckConfig = z.object({
  TABLE_NAME: z.string().min(3),
  CHANGE_TOPIC_ARN: z.string().startsWith('arn:'),
  OPERATOR_TOPIC_ARN: z.string().startsWith('arn:'),
  ARCHIVE_BUCKET: z.string().min(3),
  INDEX_URL: z.url().default(MOF_INDEX_URL),
  ALLOWED_HOSTS: list.default([MOF_HOST]),
  MAX_DELIST_SHARE: share(GuardPolicy.shape.maxDelistShare.def.defaultValue),
  MIN_ENTRY_SHARE: share(GuardPolicy.shape.minEntryShare.def.defaultValue),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Only for tests against a server on 127.0.0.1; plain HTTP anywhere else is refused regardless. */
  ALLOW_LOOPBACK_HTTP: z.stringbool().default(false),
  /** Re-screening of customers: on when the stack sets both (monitor.config.json `screening`). */
  CUSTOMERS_KEY: z.string().min(1).optional(),
  COMPLIANCE_TOPIC_ARN: z.string().startsWith('arn:').optional(),
  SCREENING_THRESHOLD: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
  /** The distributed screening, to which the check hands a version's re-screening of a file too large for it. */
  SCREENING_STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
}).refine((c) => (c.CUSTOMERS_KEY === undefined) === (c.COMPLIANCE_TOPIC_ARN === undefined), {
  message: 'CUSTOMERS_KEY and COMPLIANCE_TOPIC_ARN go together: both for re-screening, neither without it',
  path: ['CUSTOMERS_KEY'],
});
export type CheckConfig = z.infer<typeof CheckConfig>;

export function readCheckConfig(env: NodeJS.ProcessEnv): CheckConfig {
  const parsed = CheckConfig.safeParse(env);
  if (!parsed.success) throw new Error(`invalid check configuration: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  return parsed.data;
}
