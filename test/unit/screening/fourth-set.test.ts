import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legalFormSymbol } from '../../../shared/screening/legal-forms';
import { tokenizeName } from '../../../shared/screening/normalize';
import { DEFAULT_THRESHOLD } from '../../../shared/screening/schemas';
import { screenName } from '../../../shared/screening/screen';
import { ScreeningIndex } from '../../../shared/screening/screening-index';
import { FOURTH_HELD_OUT, FOURTH_SET, type FourthSetQuery } from '../../support/fourth-set';
import { listedIndex } from '../../support/listed-index';

/**
 * The fourth hand-written set (test/support/fourth-set.ts) on the whole 2026-03-05 list at the default threshold: a
 * listed name must be in the top 3, an unlisted one must match nothing. The floors are what this pass reached (README,
 * Screening, has the figures before it), so that a change that loses any of it fails here; then each rule on named
 * real entries.
 */
let index: ScreeningIndex;
beforeAll(async () => {
  index = await listedIndex();
}, 180_000);

const keys = (name: string) => screenName(index, { name, threshold: DEFAULT_THRESHOLD }).matches.map((m) => m.key);

function right(q: FourthSetQuery): boolean {
  const found = keys(q.query);
  return q.expected.length === 0 ? found.length === 0 : found.slice(0, 3).some((key) => q.expected.includes(key));
}

it('shares no code with the matcher', () => {
  expect(readFileSync(join(__dirname, '..', '..', 'support', 'fourth-set.ts'), 'utf8')).not.toMatch(/from '[^']*shared\/screening/);
});

it.each([
  ['katakana-title', 27],
  ['katakana-press', 17],
  ['short-company', 28],
  ['legal-form', 27],
  ['namesake-slavic', 20],
  ['namesake-company', 20],
])('%s: at least %i right', (kind, floor) => {
  const queries = FOURTH_SET.filter((q) => q.kind === kind);
  expect(queries.filter(right).length).toBeGreaterThanOrEqual(floor);
});

// The part written after the rules and run once before the last fixes (11, 9, 12, 10, 9, 9 then): what they reached since.
it.each([
  ['katakana-title', 13],
  ['katakana-press', 10],
  ['short-company', 12],
  ['legal-form', 10],
  ['namesake-slavic', 10],
  ['namesake-company', 9],
])('held-out part, %s: at least %i right', (kind, floor) => {
  const queries = FOURTH_HELD_OUT.filter((q) => q.kind === kind);
  expect(queries.filter(right).length).toBeGreaterThanOrEqual(floor);
});

describe('each rule on real list names', () => {
  it('reads a katakana name with a long post after it, an abbreviation inside, or an office before it', () => {
    // A family name and a post name a family's members alike (Nikolai and Andrey Patrushev): in the top 3.
    expect(keys('パトルシェフ安全保障会議書記').slice(0, 3)).toContain('029-000005');
    expect(keys('ボルトニコフ連邦保安局(FSB)長官').slice(0, 3)).toContain('029-000012');
    expect(keys('ボルトニコフＦＳＢ長官').slice(0, 3)).toContain('029-000012');
    expect(keys('ニコライ・パトルシェフ安全保障会議書記')[0]).toBe('029-000005');
    expect(keys('キリエンコ大統領府第一副長官')[0]).toBe('029-000026');
    expect(keys('ロシア外務省のザハロワ報道官')[0]).toBe('029-000062');
    // An office that is an organisation, not a post, is a name's word: a listed plant is still found by its whole name.
    expect(keys('ロシア国防省付属連邦国家統一企業クロンシュタット海洋工場')[0]).toBe('028-000082');
  });

  it('meets the press katakana where it differs from MOF in several morae (チ for ティ, ジ for ディ, ス for ズ)', () => {
    expect(keys('ゲンナジー・チムチェンコ')[0]).toBe('029-000033');
    // The family name with a title names Gennady or Elena TIMCHENKO: either.
    expect(keys('チムチェンコ氏').filter((key) => ['029-000033', '029-000504'].includes(key)).length).toBeGreaterThan(0);
    expect(keys('スベルバンク')[0]).toBe('030-000008');
  });

  it('finds a company by one rare word of its listed name, with its legal form or kind, and not by a common word', () => {
    expect(keys('Omsktransmash')[0]).toBe('028-000253');
    expect(keys('Kronshtadt Group')[0]).toBe('028-000129');
    expect(keys('Techmash Concern')[0]).toBe('028-000013');
    // A word of a battalion's name is not a company's, and Trading says the customer is another business.
    expect(keys('Vostok Trading LLC')).toEqual([]);
    expect(keys('Trading')).toEqual([]);
    expect(keys('Marine Plant')).toEqual([]);
  });

  it('reads a legal form spelled out or in a national short form as its family symbol', () => {
    const symbols = (name: string) => tokenizeName(name).filter((t) => t.kind === 'legal').map((t) => legalFormSymbol(t.text));
    expect(['Sociedad Anónima', 'Société Anonyme', 'Naamloze Vennootschap', 'Aktiengesellschaft', 'ПАТ', 'ПрАТ', 'Open JSC'].map(symbols)).toEqual(Array(7).fill(['JSC']));
    expect(['spol. s r.o.', 'S.R.O.', 'Sp. z o.o.', 'Besloten Vennootschap', 'Obschestvo s Ogranichennoy Otvetstvennostyu', 'ТОВ'].map(symbols)).toEqual(Array(6).fill(['LLC']));
    expect(['ФГУП', 'Federal State Unitary Enterprise', 'FSUE', 'МУП'].map(symbols)).toEqual(Array(4).fill(['SUE']));
    expect(['FZE', 'FZCO', 'Free Zone Establishment'].map(symbols)).toEqual(Array(3).fill(['FZE']));
    expect(symbols('АНО')).toEqual(['ANO']);
    expect(symbols('Limited Partnership')).toEqual(['LP']);
    // PAT in Latin letters is a given name, not the Ukrainian form.
    expect(symbols('Pat Smith')).toEqual([]);
    expect(keys('Lumber Marine Sociedad Anónima')[0]).toBe('034-000001');
    expect(keys('ФГУП Атомфлот')[0]).toBe('028-000252');
    expect(keys('Versor spol. s r.o.')[0]).toBe('016-000073');
  });

  it('keeps a Slavic family name of another stem apart: -ko against -ov, a vowel more at the start (ю is not и)', () => {
    expect(keys('Alexei Gromyko')).toEqual([]);
    expect(keys('Dmitry Medvedko')).toEqual([]);
    expect(keys('Ющенко Віктор')).toEqual([]);
    // The listed names themselves, and a typo's transposition further in, are still found.
    expect(keys('Alexey Gromov')[0]).toBe('029-000025');
    expect(keys('Viktor Ishchenko')[0]).toBe('026-000194');
    expect(keys('Boris Obnsoov')[0]).toBe('029-000736');
  });

  it('matches no company on common words alone, nor a country alone', () => {
    expect(keys('Korea Bank')).toEqual([]);
    expect(keys('Russia')).toEqual([]);
    // A listed name made of common words is found whole.
    expect(keys('Korea Trading Bank')).toContain('014-000047');
  });

  it('reads a particle glued to the name after it apart too, and a katakana given name spelled with loan-word kana', () => {
    expect(keys('アブバクル・バグダディ')[0]).toBe('002-000600');
    expect(keys('Hamza Binladen')[0]).toBe('002-000773');
    // ヴォロディミル (Volodymyr) is of Vladimir's family, as ウラジーミル is; a family meets across scripts too.
    expect(keys('ウラジーミル・サルド')[0]).toBe('026-000255');
    expect(keys('アブドルマレク・フーシ')[0]).toBe('039-000004');
  });

  it('takes stems two letters apart for two names, a typo’s swap for one', () => {
    expect(keys('Denis Pushkin')).not.toContain('026-000022');
    expect(keys('Mikhail Belosuov')).toContain('026-000262');
  });
});
