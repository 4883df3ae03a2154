import { z } from 'zod';

/** The API function's environment, set by the CDK stack. A bad value stops the function at start with its name. */
export const ApiConfig = z.object({
  TABLE_NAME: z.string().min(3),
  /** The archive, where the store keeps a payload too big for a table item. */
  ARCHIVE_BUCKET: z.string().min(3),
  /** monitor.config.json alarms.staleAfterHours: when /v1/status calls the monitor stale. */
  STALE_AFTER_HOURS: z.coerce.number().positive().default(6),
});
export type ApiConfig = z.infer<typeof ApiConfig>;

export function readApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const parsed = ApiConfig.safeParse(env);
  if (!parsed.success) throw new Error(`invalid API configuration: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  return parsed.data;
}
