import { DEFAULT_THRESHOLD } from '../shared/screening/schemas';

/** `--threshold <0..1>` of `screen` and `check --customers`: the default when absent, a named error when not a score. */
export function thresholdOption(text: string | undefined): number {
  const threshold = text === undefined ? DEFAULT_THRESHOLD : Number(text);
  if (!(threshold >= 0 && threshold <= 1) || text?.trim() === '') throw new Error(`--threshold must be a number from 0 to 1, not '${text}'`);
  return threshold;
}
