import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';
import { screenQueryFromParams } from '../../../shared/screening/query-params';

describe('screenQueryFromParams', () => {
  it('reads the query string of GET /v1/screen into a screening query', () => {
    expect(screenQueryFromParams({ name: ' Vladimir Mikheichik ', dob: '1970/5/16', country: 'BY', entityType: 'individual', threshold: '0.8' })).toEqual({
      name: 'Vladimir Mikheichik',
      dateOfBirth: '1970-05-16',
      country: 'BY',
      entityType: 'individual',
      threshold: 0.8,
    });
    expect(screenQueryFromParams({ name: 'ミヘイチク' })).toEqual({ name: 'ミヘイチク', threshold: DEFAULT_THRESHOLD });
  });

  it.each([
    [{}, /^name: a name to screen is required/],
    [{ name: ' ' }, /^name: /],
    [{ name: 'x', dob: 'May 1970' }, /^dob: 'May 1970' is not a date/],
    [{ name: 'x', threshold: '' }, /^threshold: '' is not a number from 0 to 1/],
    [{ name: 'x', threshold: '1.2' }, /^threshold: /],
    [{ name: 'x', entityType: 'company' }, /^entityType: 'company'; expected individual or entity/],
    [{ name: 'x', limit: '5' }, /^limit: unknown parameter/],
    [{ name: 'x'.repeat(301) }, /^name: a name of at most 300 characters/],
  ])('names the parameter at fault: %j', (params, message) => {
    expect(() => screenQueryFromParams(params)).toThrow(message);
  });
});
