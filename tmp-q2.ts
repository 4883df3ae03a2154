import { readFileSync } from 'node:fs';
import { ScreeningIndex } from './shared/screening/screening-index';
import { screenName } from './shared/screening/screen';
import { listedVariants, UNLISTED } from './test/support/screening-sets';
const entries = JSON.parse(readFileSync('/tmp/i13-entries.json','utf8')).entries;
const index = new ScreeningIndex(entries);
const qs = listedVariants(entries);
let ok = 0; for (const q of qs) if (screenName(index, { name: q.query }).matches.slice(0, 3).some((m) => q.expected.includes(m.key))) ok++;
console.log(ok, qs.length, UNLISTED.filter(n => screenName(index, { name: n }).matches.length).length);
