import { parseCustomers } from '../../../shared/screening/customers';

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
    ['id,name\nc1,A\nc1,B\n', /c\.csv row 3, column id: 'c1' appears twice/],
    ['c1,A,16/05/1970\n', /c\.csv row 1, column dob: '16\/05\/1970' is not a date/],
    ['c1,A,1970-13-01\n', /column dob/],
    ['c1,A,,,company\n', /c\.csv row 1, column entityType: 'company'; expected individual or entity/],
    ['c1,A,,,,extra\n', /c\.csv row 1: 6 columns/],
    ['c1,"A\n', /c\.csv: not a readable CSV/],
  ])('names the file, row and column of a bad row: %j', (text, message) => {
    expect(() => parseCustomers(text, 'c.csv')).toThrow(message);
  });
});
