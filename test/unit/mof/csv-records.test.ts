import { parseCsv } from '../../../shared/mof/csv';
import { ListFormatError } from '../../../shared/mof/errors';
import { toIsoDate } from '../../../shared/mof/notice-dates';
import { CsvRecords } from '../../support/fixtures';

// The record splitter that replaced csv-parse, tried on the real excerpt written every way RFC 4180 allows.
const excerpt = CsvRecords.excerpt();
const parse = (bytes: Uint8Array) => parseCsv(bytes, { fileName: 'shisantouketsu20260828.csv' });
const reference = parse(excerpt.toBytes({ bom: true }));

function failure(text: string): ListFormatError {
  try {
    parse(Buffer.from(text, 'utf8'));
  } catch (error) {
    expect(error).toBeInstanceOf(ListFormatError);
    return error as ListFormatError;
  }
  throw new Error('the parser accepted a bad file');
}

describe('CSV records', () => {
  it('reads the same entries with or without a BOM, with CRLF or LF line ends, and with blank lines between rows', () => {
    const lines = excerpt.toBytes({ lineEnd: '\n' }).toString('utf8').split('\n');
    const withBlankLines = [lines[0], '', ...lines.slice(1, 40), '\r', ...lines.slice(40)].join('\n');
    for (const bytes of [excerpt.toBytes(), excerpt.toBytes({ lineEnd: '\n' }), Buffer.from(withBlankLines, 'utf8')]) {
      expect(parse(bytes).entries.map(({ source: _s, ...e }) => e)).toEqual(reference.entries.map(({ source: _s, ...e }) => e));
    }
  });

  it('reads quoted fields with doubled quotes, commas and line breaks, and quotes every field needlessly too', () => {
    const edited = excerpt.map((row, at) =>
      row[at('番号')] === '029-000729' ? ((row[at('その他の情報')] = 'a "quoted", multi\r\nline remark'), row) : null,
    );
    const entry = parse(edited.toBytes()).entries.find((e) => e.key === '029-000729')!;
    expect(entry.otherInformation).toBe('a "quoted", multi\nline remark');
    const allQuoted = [excerpt.header, ...edited.rows].map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
    expect(parse(Buffer.from(allQuoted, 'utf8')).entries).toEqual(parse(edited.toBytes()).entries);
  });

  it('keeps an empty last field (a row of 31 fields would be refused)', () => {
    const lastFieldEmpty = excerpt.map((row, at) => ((row[at('外務省告示情報')] = ''), row));
    expect(parse(lastFieldEmpty.toBytes()).entries.every((e) => e.noticeText === null)).toBe(true);
    expect(lastFieldEmpty.toBytes().toString('utf8').endsWith(',\r\n')).toBe(true);
  });

  const text = excerpt.toBytes().toString('utf8');
  const name = 'ミロシェヴィッチ・スロボダン,Milosevic Slobodan,';
  const replaced = (by: string) => text.replace(name, by);
  it.each([
    ['a quote inside an unquoted field', replaced('ミロシェヴィッチ・スロボダン,Milo"sevic Slobodan,'), /a quote inside unquoted field 7/, 2],
    ['text after a closing quote', replaced('ミロシェヴィッチ・スロボダン,"Milosevic" Slobodan,'), /text after the closing quote of field 7/, 2],
    ['a quoted field never closed', `${text}1,"001-000999,2002.3.1\r\n`, /a quoted field in field 2 is never closed/, 172],
  ])('rejects %s, naming the record', (_name, broken, message, row) => {
    expect(broken).not.toBe(text);
    const error = failure(broken);
    expect(error.message).toMatch(/not a well-formed CSV \(truncated\?\)/);
    expect(error.message).toMatch(message);
    expect(error.location.row).toBe(row);
  });
});

describe('toIsoDate', () => {
  it('accepts calendar dates only, leap days by the Gregorian rule', () => {
    expect(toIsoDate(2024, 5, 24)).toBe('2024-05-24');
    expect(toIsoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(toIsoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(toIsoDate(1900, 2, 29)).toBeNull();
    expect(toIsoDate(2023, 2, 29)).toBeNull();
    expect(toIsoDate(2024, 4, 31)).toBeNull();
    expect(toIsoDate(2024, 13, 1)).toBeNull();
    expect(toIsoDate(2024, 0, 10)).toBeNull();
    expect(toIsoDate(2024, 12, 0)).toBeNull();
    expect(toIsoDate(2024, 12, 31)).toBe('2024-12-31');
  });
});
