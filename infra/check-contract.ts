/**
 * What the check function emits, as far as the stack must know it. infra/ does not import runtime code, so these
 * names are repeated here; test/infra/contract.test.ts fails if they drift from functions/ and shared/.
 */

/** Powertools metrics of functions/check/handler.ts. */
export const CHECK_METRICS = {
  namespace: 'JpSanctionsMonitor',
  dimensions: { service: 'jp-sanctions-monitor' },
  succeeded: 'ChecksSucceeded',
  held: 'ChecksHeld',
} as const;

/** SNS message attributes on the change topic. */
export const MESSAGE_KIND = { attribute: 'kind', digest: 'digest', event: 'event' } as const;
export const DIGEST_ATTRIBUTES = { changeTypes: 'changeTypes', regimes: 'regimes', entityTypes: 'entityTypes' } as const;

/** The key prefix of raw files in the archive bucket (shared/aws/s3-archive.ts). */
export const ARCHIVE_PREFIX = 'raw/';
/** Change events too big for SNS, which the webhook deliverer fetches (EVENTS_PREFIX in shared/aws/s3-archive.ts). */
export const EVENTS_PREFIX = `${ARCHIVE_PREFIX}events/`;
