#!/usr/bin/env python3
"""Build queries.csv from src/<kind>.txt (listed queries) and src/unlisted_*.txt (unlisted names).

Line format in src: name|dob|country|type|ref|note   (ref: `;`-joined keys NNN-NNNNNN, empty for unlisted)
Output header: id,kind,name,dob,country,entityType,expected,note   (ids h10-NNNN)
Checks every expected key against list.json and refuses to write on errors.
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese']


def read_src(path):
    rows = []
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        f = line.split('|')
        if len(f) != 6:
            raise SystemExit(f'{path}:{ln}: expected 6 fields, got {len(f)}')
        rows.append((ln, [x.strip() if i else x for i, x in enumerate(f)]))
    return rows


def main():
    keys = {r['key'] for r in json.load(open(os.path.join(HERE, 'list.json'), encoding='utf-8'))}
    out = []
    errors = []
    seen = set()
    for kind in KINDS:
        for ln, (name, dob, cc, typ, ref, note) in read_src(os.path.join(HERE, 'src', kind + '.txt')):
            exp = [k.strip() for k in ref.split(';') if k.strip()]
            if not exp:
                errors.append(f'{kind}:{ln}: no expected key')
            for k in exp:
                if not re.fullmatch(r'\d{3}-\d{6}', k) or k not in keys:
                    errors.append(f'{kind}:{ln}: bad key {k}')
            out.append([kind, name, dob, cc, typ, ';'.join(exp), note])
    for fn in sorted(os.listdir(os.path.join(HERE, 'src'))):
        if not (fn.startswith('unlisted_') and fn.endswith('.txt')) or fn == 'unlisted_dropped.txt':
            continue
        group = fn[len('unlisted_'):-4]
        for ln, (name, dob, cc, typ, ref, note) in read_src(os.path.join(HERE, 'src', fn)):
            if ref.strip():
                errors.append(f'{fn}:{ln}: unlisted name with a ref')
            out.append(['unlisted', name, dob, cc, typ, '', (group + ('; ' + note if note else '')).strip()])
    for row in out:
        if row[3] and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', row[2] or '0000-00-00'):
            pass
        if row[2] and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', row[2]):
            errors.append(f'bad dob {row[2]} for {row[1]}')
        if row[4] not in ('individual', 'entity'):
            errors.append(f'bad type {row[4]} for {row[1]}')
        if row[3] and not re.fullmatch(r'[A-Z]{2}', row[3]):
            errors.append(f'bad country {row[3]} for {row[1]}')
        k = (row[0], row[1])
        if k in seen:
            errors.append(f'duplicate query {row[0]} {row[1]}')
        seen.add(k)
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        raise SystemExit(1)
    with open(os.path.join(HERE, 'queries.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
        for i, row in enumerate(out, 1):
            w.writerow([f'h10-{i:04d}'] + row)
    counts = {}
    for row in out:
        counts[row[0]] = counts.get(row[0], 0) + 1
    for k in KINDS + ['unlisted']:
        print(f'{k:10s} {counts.get(k, 0)}')
    print(f'{"total":10s} {len(out)}')


if __name__ == '__main__':
    main()
