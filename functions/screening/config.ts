import { z } from 'zod';
import { DEFAULT_THRESHOLD } from '../../shared/screening/schemas';

/** The screening functions' environment, set by the CDK stack (infra/constructs/distributed-screening.ts). */
export const ScreeningConfig = z.object({
  TABLE_NAME: z.string().min(3),
  ARCHIVE_BUCKET: z.string().min(3),
  CUSTOMERS_KEY: z.string().min(1),
  SCREENING_THRESHOLD: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
  /** The final step only: where the digest, and news of a stop, go. */
  COMPLIANCE_TOPIC_ARN: z.string().startsWith('arn:').optional(),
  OPERATOR_TOPIC_ARN: z.string().startsWith('arn:').optional(),
});
export type ScreeningConfig = z.infer<typeof ScreeningConfig>;

export function readScreeningConfig(env: NodeJS.ProcessEnv): ScreeningConfig {
  const parsed = ScreeningConfig.safeParse(env);
  if (!parsed.success) throw new Error(`invalid screening configuration: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  return parsed.data;
}
