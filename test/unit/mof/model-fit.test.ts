import { readFileSync } from 'node:fs';
import { Designation } from '../../../shared/domain/designation';
import { modelMisfits, VALUE_CHECKED_FIELDS } from '../../../shared/mof/model-fit';
import { parseList } from '../../../shared/mof/parse-list';
import { CSV_WHOLE, WORKBOOK } from '../../support/fixtures';

/** The readers' entries and model check (model-fit.ts) against the schema's own parse, which they stand in for. */
describe('an entry fits the model', () => {
  it.each([
    ['the whole workbook', WORKBOOK, 'shisantouketsu20260305.xlsx'],
    ['the whole CSV', CSV_WHOLE, 'shisantouketsu20260828.csv'],
  ])('%s: every entry is what Designation.parse makes of it, field order included', async (_name, path, fileName) => {
    const { entries } = await parseList(readFileSync(path), { fileName });
    expect(entries.length).toBeGreaterThan(2800);
    const differing = entries.filter((entry) => JSON.stringify(Designation.parse(entry)) !== JSON.stringify(entry));
    expect(differing.map((e) => e.key)).toEqual([]);
  });

  it('checks by the schema every field whose schema checks values, and no other', () => {
    expect(VALUE_CHECKED_FIELDS).toEqual(['key', 'regime', 'noticeNumber', 'crossReference', 'designatedOn', 'amendedOn', 'deletedOn', 'source']);
  });

  it('names each misfit as the schema words it', async () => {
    const [entry] = (await parseList(readFileSync(CSV_WHOLE), { fileName: 'l.csv' })).entries;
    const misfit = { ...entry!, amendedOn: ['2026-8-28'], regime: { ...entry!.regime, number: 0 } };
    expect(modelMisfits(entry!)).toEqual([]);
    expect(modelMisfits(misfit)).toEqual(['regime.number: Too small: expected number to be >0', 'amendedOn.0: expected an ISO date YYYY-MM-DD']);
    expect(Designation.safeParse(misfit).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(modelMisfits(misfit));
  });
});
