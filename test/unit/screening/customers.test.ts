import { shiftJis } from '../../support/shift-jis';
import { decodeCustomerFile, parseCustomers } from '../../../shared/screening/customers';

describe('parseCustomers', () => {
  it('reads id, name and the optional columns, with or without a header row', () => {
    const withHeader = parseCustomers('id,name,dob,country,entityType\r\nc1,Vladimir Mikheichik,1970/5/16,BY,individual\r\nc2,"Kompel, JSC",,,entity\r\nc3,田中 太郎\r\n', 'customers.csv');
    expect(withHeader).toEqual([
      { id: 'c1', name: 'Vladimir Mikheichik', dateOfBirth: '1970-05-16', country: 'BY', entityType: 'individual' },
      { id: 'c2', name: 'Kompel, JSC', entityType: 'entity' },
      { id: 'c3', name: '田中 太郎' },
    ]);
    expect(parseCustomers('\uFEFFc1,Taro Tanaka,1980\n', 'c.csv')).toEqual([{ id: 'c1', name: 'Taro Tanaka', dateOfBirth: '1980' }]);
  });

  it.each([
    ['c1,\n', /c\.csv row 1, column name: empty/],
    ['id,name\nc1,A\nc1,B\n', /c\.csv row 3, column id: the same id as row 2/],
    ['c1,A,16/05/1970\n', /c\.csv row 1, column dob: not a date/],
    ['c1,A,1970-13-01\n', /column dob/],
    ['c1,A,,,company\n', /c\.csv row 1, column entityType: expected individual or entity/],
    ['c1,A,,,,extra\n', /c\.csv row 1: 6 columns/],
    ['c1,"A\n', /c\.csv: not a readable CSV \(CSV_QUOTE_NOT_CLOSED at line 1\)/],
    ['c1,A"secret"B\n', /^c\.csv: not a readable CSV \(INVALID_OPENING_QUOTE at line 1\)$/],
    [`${'x'.repeat(201)},A\n`, /c\.csv row 1, column id: 201 characters; at most 200/],
    [`c1,${'ア'.repeat(301)}\n`, /c\.csv row 1, column name: 301 characters; at most 300/],
  ])('names the file, row and column of a bad row, never its value: %j', (text, message) => {
    expect(() => parseCustomers(text, 'c.csv')).toThrow(message);
    for (const value of ['16/05/1970', '1970-13-01', 'company', 'secret', "'c1'"]) expect(() => parseCustomers(text, 'c.csv')).not.toThrow(value);
  });
});

describe('decodeCustomerFile', () => {
  const text = 'id,name\r\nC-1,ウラジーミル・ミヘイチク\r\nC-2,山田商事株式会社\r\n';

  it('reads UTF-8 with or without a BOM, and Shift_JIS as Excel in Japan saves CSV', () => {
    const utf8 = Buffer.from(text, 'utf8');
    expect(decodeCustomerFile(utf8, 'c.csv')).toBe(text);
    expect(parseCustomers(decodeCustomerFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'c.csv'), 'c.csv')[0]!.id).toBe('C-1');
    // ウラ is 83 45 83 89 in Shift_JIS (JIS X 0208): the encoding below is checked against the standard's bytes.
    const sjis = shiftJis(text);
    expect(sjis.subarray(13, 17)).toEqual(Buffer.from([0x83, 0x45, 0x83, 0x89]));
    expect(decodeCustomerFile(sjis, 'c.csv')).toBe(text);
  });

  it('refuses bytes that are neither, by file name', () => {
    expect(() => decodeCustomerFile(Buffer.from([0x43, 0x2d, 0x31, 0x2c, 0xff, 0xfe, 0x80]), 'customers.csv')).toThrow(
      'customers.csv: neither UTF-8 nor Shift_JIS text; save the customer file as CSV UTF-8',
    );
  });
});
