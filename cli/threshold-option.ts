import { DEFAULT_THRESHOLD } from '../shared/screening/schemas';

const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

/** `--threshold <0..1>` of `screen` and `check --customers`: the default when absent, a named error when not a score. */
export function thresholdOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_THRESHOLD;
  // Decimal only: Number() would also take `0x1`, `1e-1`, `0b1` and ` 1 `, which no one means as a score.
  const threshold = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(threshold >= 0 && threshold <= 1)) throw new Error(`--threshold must be a decimal number from 0 to 1 (such as 0.85), not '${text}'`);
  return threshold;
}
