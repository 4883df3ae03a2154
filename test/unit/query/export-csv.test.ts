import { neutralized } from '../../../shared/query/export-csv';

/** OWASP's rule for CSV injection, value by value; the whole export is tested in test/integration/export-safety. */
describe('neutralized', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', "'quoted"])('prefixes an apostrophe to %j', (value) => {
    expect(neutralized(value)).toBe(`'${value}`);
  });

  it.each(['Vladimir Mikheychik', 'ウラジーミル・ミヘイチク', '1970-05-16', '', ' =1', 'a=b'])('leaves %j as it is', (value) => {
    expect(neutralized(value)).toBe(value);
  });
});
