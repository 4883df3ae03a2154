#!/usr/bin/env python3
"""Build queries.csv from src/<kind>.txt (listed queries) and src/unlisted_*.txt (unlisted names).
Line format: name|dob|country|type|ref|note ; ref = ';'-joined keys NNN-NNNNNN (empty for unlisted)."""
import csv, json, os, re, sys
KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese']
here = os.path.dirname(os.path.abspath(__file__))
keys = {e['key'] for e in json.load(open(os.path.join(here, 'list.json'), encoding='utf-8'))['entries']}
rows, errors, seen = [], [], set()
def read(path):
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        p = line.split('|')
        if len(p) != 6:
            errors.append(f'{path}:{ln}: need 6 fields'); continue
        yield ln, [x.strip() for x in p]
for kind in KINDS:
    for ln, (name, dob, country, typ, ref, note) in read(os.path.join(here, 'src', kind + '.txt')):
        refs = [r for r in ref.split(';') if r]
        bad = [r for r in refs if not re.fullmatch(r'\d{3}-\d{6}', r) or r not in keys]
        if not refs or bad: errors.append(f'{kind}:{ln}: bad ref {ref}')
        if dob and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', dob): errors.append(f'{kind}:{ln}: bad dob')
        if typ not in ('individual', 'entity'): errors.append(f'{kind}:{ln}: bad type')
        rows.append((kind, name, dob, country, typ, ';'.join(refs), note))
for fn in sorted(os.listdir(os.path.join(here, 'src'))):
    if fn.startswith('unlisted_') and fn.endswith('.txt'):
        for ln, (name, dob, country, typ, ref, note) in read(os.path.join(here, 'src', fn)):
            if ref: errors.append(f'{fn}:{ln}: unlisted with ref')
            rows.append(('unlisted', name, dob, country, typ, '', note))
dups = {}
for r in rows:
    dups.setdefault(r[1], []).append(r[0])
for n, ks in dups.items():
    if len(ks) > 1: errors.append(f'duplicate query name {n!r} in {ks}')
if errors:
    print('\n'.join(errors)); sys.exit(1)
with open(os.path.join(here, 'queries.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
    for i, (kind, name, dob, country, typ, exp, note) in enumerate(rows, 1):
        w.writerow([f'h11-{i:04d}', kind, name, dob, country, typ, exp, note])
from collections import Counter
c = Counter(r[0] for r in rows)
print('queries', len(rows), dict(c))
print('distinct listed entries targeted', len({k for r in rows for k in r[5].split(';') if k}))
