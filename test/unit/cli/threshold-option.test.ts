import { thresholdOption } from '../../../cli/threshold-option';
import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';

describe('--threshold', () => {
  it.each([['0', 0], ['1', 1], ['0.85', 0.85], ['.9', 0.9], ['1.0', 1]])('takes the decimal %j', (text, value) => {
    expect(thresholdOption(text)).toBe(value);
  });

  it('defaults when absent', () => {
    expect(thresholdOption(undefined)).toBe(DEFAULT_THRESHOLD);
  });

  // Number() reads every one of the first five as a number from 0 to 1.
  it.each(['0x1', '1e-1', '0b1', ' 1 ', '0o1', '', '1.5', '-0.1', 'NaN', 'Infinity', '0.8.1'])('refuses %j by name', (text) => {
    expect(() => thresholdOption(text)).toThrow(`--threshold must be a decimal number from 0 to 1 (such as 0.85), not '${text}'`);
  });
});
