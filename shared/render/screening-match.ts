import type { ScreeningMatch } from '../screening/schemas';

/**
 * One potential match as text, for `screen --format text` and the compliance digest alike: the score, the entry
 * and what moved the score (name comparisons as their score, adjustments as signed changes).
 */
export function matchLines(m: ScreeningMatch): string[] {
  const name = [m.name.ja, m.name.en].filter(Boolean).join(' / ');
  return [`${m.score.toFixed(3)}  ${m.key}  ${name}  [${m.entityType}]  regime ${m.regime.number}`, `       ${whyText(m)}`];
}

export function whyText(m: ScreeningMatch): string {
  return m.why
    .map((r) => {
      if (r.signal === 'name' || r.signal === 'token') return `${r.detail} ${r.effect.toFixed(2)}`;
      return r.effect ? `${r.detail} ${r.effect > 0 ? '+' : ''}${r.effect.toFixed(2)}` : r.detail;
    })
    .join('; ');
}
