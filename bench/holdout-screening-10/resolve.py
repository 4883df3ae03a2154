#!/usr/bin/env python3
"""Working tool: turn draft/<kind>.txt into src/<kind>.txt.

Draft lines are `name|dob|country|type|ref|note`. In a draft, ref may be
  - explicit keys `029-000001;026-000002`, kept as they are (checked to exist);
  - `@term` (or `@t1&t2`): every live entry whose English/Japanese name, raw cell or alias contains all the
    folded terms; `@term#29,26` restricts the search to those sheets.
dob `=` takes the entry's DOB from list.json (only when all matched entries agree).
Lines that resolve to nothing, or to entries with different primary names, are reported (and kept out of src
when unresolved) so the author can fix the draft.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LIST = json.load(open(os.path.join(HERE, 'list.json'), encoding='utf-8'))
BYKEY = {r['key']: r for r in LIST}


def fold(s):
    s = unicodedata.normalize('NFKC', s or '')
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower()
    return re.sub(r'[^0-9a-z\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0400-\u04ff]', '', s)


def names_of(r):
    return [r['en'], r['enRaw'], r['jp'], r['jpRaw']] + r['aliases'] + r.get('weakAliases', [])


FOLDED = {r['key']: [fold(n) for n in names_of(r) if n] for r in LIST}


def search(term):
    sheets = None
    if '#' in term:
        term, sh = term.split('#', 1)
        sheets = {int(x) for x in sh.split(',')}
    parts = [fold(t) for t in term.split('&')]
    out = []
    for r in LIST:
        if sheets and r['sheet'] not in sheets:
            continue
        blob = '|'.join(FOLDED[r['key']])
        if all(p in blob for p in parts):
            out.append(r['key'])
    return out


def main():
    kinds = sys.argv[1:] or sorted(f[:-4] for f in os.listdir(os.path.join(HERE, 'draft'))
                                   if f.endswith('.txt') and not f.startswith('unlisted_'))
    problems = 0
    for kind in kinds:
        src = os.path.join(HERE, 'draft', kind + '.txt')
        out_lines = []
        for ln, line in enumerate(open(src, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            f = line.split('|')
            if len(f) != 6:
                print(f'{kind}:{ln}: bad field count: {line}')
                problems += 1
                continue
            name, dob, cc, typ, ref, note = f
            if ref.startswith('@'):
                keys = search(ref[1:])
            else:
                keys = [k.strip() for k in ref.split(';') if k.strip()]
                bad = [k for k in keys if k not in BYKEY]
                if bad:
                    print(f'{kind}:{ln}: unknown keys {bad}: {line}')
                    problems += 1
                    continue
            if not keys:
                print(f'{kind}:{ln}: NO MATCH: {line}')
                problems += 1
                continue
            ens = {fold(BYKEY[k]['en']) for k in keys}
            if len(keys) > 1 and len(ens) > 1 and not ref.startswith('@!'):
                print(f'{kind}:{ln}: MULTI {ref}: ' + ' / '.join(f"{k}={BYKEY[k]['en']}" for k in keys))
            kdobs = {BYKEY[k]['dob'] for k in keys if BYKEY[k]['dob']}
            if len(kdobs) > 1:
                print(f'{kind}:{ln}: DOB-DIFF {ref}: ' + ' / '.join(f"{k}={BYKEY[k]['en']} {BYKEY[k]['dob']}" for k in keys))
            if dob == '=':
                dobs = {BYKEY[k]['dob'] for k in keys}
                dob = dobs.pop() if len(dobs) == 1 and None not in dobs else ''
            if typ not in ('individual', 'entity'):
                typ = BYKEY[keys[0]]['type']
            out_lines.append('|'.join([name, dob, cc, typ, ';'.join(keys), note]))
        os.makedirs(os.path.join(HERE, 'src'), exist_ok=True)
        with open(os.path.join(HERE, 'src', kind + '.txt'), 'w', encoding='utf-8') as fo:
            fo.write('# name|dob|country|type|ref|note  (hand-written; refs checked against list.json)\n')
            fo.write('\n'.join(out_lines) + '\n')
        print(f'{kind}: {len(out_lines)} lines')
    print('problems:', problems)


if __name__ == '__main__':
    main()
