#!/usr/bin/env python3
"""Build queries.csv from src/*.txt.
Line format in src: name|dob|country|type|ref|note  (# lines are comments).
Listed kinds come from src/<kind>.txt, unlisted names from src/unlisted_*.txt (kind "unlisted")."""
import csv, glob, os, re, sys, json

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese']
KEY = re.compile(r'^\d{3}-\d{6}$')

def read(path):
    for i, line in enumerate(open(path, encoding='utf-8').read().splitlines(), 1):
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('|')
        if len(parts) != 6:
            raise SystemExit('%s:%d: expected 6 fields' % (path, i))
        yield [p.strip() for p in parts]

def main():
    listed_keys = {r['key'] for r in json.load(open(os.path.join(HERE, 'list.json'), encoding='utf-8'))}
    rows, n = [], 0
    seen = set()
    sources = [(k, os.path.join(HERE, 'src', k + '.txt')) for k in KINDS]
    sources += [('unlisted', p) for p in sorted(glob.glob(os.path.join(HERE, 'src', 'unlisted_*.txt')))]
    for kind, path in sources:
        for name, dob, cc, typ, ref, note in read(path):
            if dob and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', dob):
                raise SystemExit('bad dob %r in %s' % (dob, path))
            if typ not in ('individual', 'entity'):
                raise SystemExit('bad type %r in %s' % (typ, path))
            keys = [k for k in ref.split(';') if k]
            if kind == 'unlisted' and keys:
                raise SystemExit('unlisted with ref in %s: %s' % (path, name))
            if kind != 'unlisted' and not keys:
                raise SystemExit('listed without ref in %s: %s' % (path, name))
            for k in keys:
                if not KEY.match(k) or k not in listed_keys:
                    raise SystemExit('unknown key %s in %s' % (k, path))
            if (kind, name) in seen:
                raise SystemExit('duplicate %s %s' % (kind, name))
            seen.add((kind, name))
            n += 1
            rows.append(['h13-%04d' % n, kind, name, dob, cc, typ, ';'.join(keys), note])
    with open(os.path.join(HERE, 'queries.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f)
        w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
        w.writerows(rows)
    from collections import Counter
    c = Counter(r[1] for r in rows)
    print('wrote queries.csv:', len(rows), 'rows;', ', '.join('%s=%d' % (k, c[k]) for k in KINDS + ['unlisted']))

if __name__ == '__main__':
    main()
