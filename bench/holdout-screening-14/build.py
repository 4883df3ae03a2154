#!/usr/bin/env python3
"""Build queries.csv from src/*.txt (and list.json for checking refs)."""
import csv, json, re, os, sys, glob, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese']
D = json.load(open(os.path.join(HERE, 'list.json'), encoding='utf-8'))
BYKEY = {e['key']: e for e in D}

def norm_name(s):
    s = unicodedata.normalize('NFKC', s or '')
    s = re.sub(r'original script.*', '', s, flags=re.I | re.S)
    s = re.sub(r'\(.*?\)|（.*?）', ' ', s)
    toks = sorted(t for t in re.split(r'[^a-z]+', s.lower()) if t)
    return ' '.join(toks)

GROUP = {}
for e in D:
    n = norm_name(e['en']) or norm_name(e['ja'])
    if n:
        GROUP.setdefault((n, str(e['dob']).strip()), []).append(e['key'])

def expand(keys):
    out = list(keys)
    for k in keys:
        e = BYKEY[k]
        n = norm_name(e['en']) or norm_name(e['ja'])
        for k2 in GROUP.get((n, str(e['dob']).strip()), []):
            if k2 not in out:
                out.append(k2)
    return out

def read(path):
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('|')
        if len(parts) != 6:
            sys.exit('%s:%d: expected 6 fields: %r' % (path, ln, line))
        yield ln, parts

def main():
    rows, problems, added = [], [], 0
    for kind in KINDS:
        for ln, (name, dob, country, typ, ref, note) in read(os.path.join(HERE, 'src', kind + '.txt')):
            keys = [k.strip() for k in ref.split(';') if k.strip()]
            bad = [k for k in keys if k not in BYKEY]
            if not keys or bad:
                problems.append('%s:%d unknown ref %s' % (kind, ln, bad or ref)); continue
            if typ not in ('individual', 'entity'):
                problems.append('%s:%d bad type' % (kind, ln)); continue
            if dob and not re.fullmatch(r'\d{4}(-\d{2}-\d{2})?', dob):
                problems.append('%s:%d bad dob' % (kind, ln)); continue
            full = expand(keys)
            if len(full) > len(keys):
                added += 1
            rows.append([kind, name, dob, country, typ, ';'.join(full), note])
    dropped = set()
    dpath = os.path.join(HERE, 'src', 'unlisted_dropped.txt')
    if os.path.exists(dpath):
        for line in open(dpath, encoding='utf-8'):
            if line.strip():
                f, name = line.split('|')[:2]
                dropped.add((f, name))
    seen = set()
    for path in sorted(glob.glob(os.path.join(HERE, 'src', 'unlisted_*.txt'))):
        base = os.path.basename(path)
        if base == 'unlisted_dropped.txt':
            continue
        for ln, (name, dob, country, typ, ref, note) in read(path):
            if (base, name) in dropped or name in seen:
                continue
            seen.add(name)
            rows.append(['unlisted', name, dob, country, typ, '', note])
    if problems:
        print('\n'.join(problems), file=sys.stderr)
        sys.exit(1)
    with open(os.path.join(HERE, 'queries.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
        for i, r in enumerate(rows, 1):
            kind, name, dob, country, typ, exp, note = r
            w.writerow(['h14-%04d' % i, kind, name, dob, country, typ, exp, note])
    counts = {}
    for r in rows:
        counts[r[0]] = counts.get(r[0], 0) + 1
    print('queries', len(rows), counts, 'refs expanded to other sheets:', added, 'dropped unlisted:', len(dropped), file=sys.stderr)

if __name__ == '__main__':
    main()
