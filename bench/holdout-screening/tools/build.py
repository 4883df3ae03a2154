#!/usr/bin/env python3
"""Build queries.csv from src/*.txt. Line format: query | key | dob | country | type | note
   '## kind' and '@note text' (default note) set context. Empty key = unlisted."""
import csv, json, re, sys, unicodedata, glob, os
import os
H = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(os.path.dirname(H))
rows = list(csv.DictReader(open(os.path.join(REPO, 'test/fixtures/mof/shisantouketsu20260828.csv'), encoding='utf-8-sig')))
xl = json.load(open(f'{H}/tools/xlsx-dump.json'))
xkeys = {o['key']: o for o in xl}
bykey = {r['番号']: r for r in rows}
def norm(s):
    s = unicodedata.normalize('NFKC', s).lower()
    s = ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))
    s = re.sub(r"[’'`‘]", '', s)
    return ' '.join(re.findall(r'[\w]+', s))
NAMECOLS = ['氏名（日本語）','氏名（英語）','別名・別称（日本語）','別名・別称（英語）','旧称（日本語）','旧称（英語）','確定に十分でない別名（日本語）','確定に十分でない別名（英語）']
allnames = []  # (key, normalized name)
for r in rows:
    for c in NAMECOLS:
        for n in re.split(r'[;；]', r[c]):
            if n.strip(): allnames.append((r['番号'], norm(n)))
for o in xl:
    for k, v in o['cells'].items():
        if k in ('日本語表記', '英語表記') or '別' in k or '旧' in k:
            for n in re.split(r'[;；\n（）()、,]|a\.k\.a\.|f\.k\.a\.|別称|及び', str(v)):
                if norm(n): allnames.append((o['key'], norm(n)))
nameset = {}
for k, n in allnames: nameset.setdefault(n, set()).add(k)
tokset = [(k, set(n.split())) for k, n in allnames]
# same-person alternates: identical normalized primary English name (+ same type)
prim = {}
for r in rows:
    prim.setdefault((norm(r['氏名（英語）']), r['個人・団体']), []).append(r['番号'])
def alternates(k):
    r = bykey.get(k)
    if not r: return [k]
    ks = prim[(norm(r['氏名（英語）']), r['個人・団体'])]
    return [k] + [x for x in ks if x != k and x in xkeys]
out, problems, seen = [], [], set()
counters = {}
for f in sorted(glob.glob(f'{H}/src/*.txt')):
    kind, dnote = None, ''
    for ln, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#!') or line.startswith('//'): continue
        if line.startswith('## '): kind = line[3:].strip(); dnote = ''; continue
        if line.startswith('@note'): dnote = line[5:].strip(); continue
        p = [x.strip() for x in line.split('|')] + [''] * 6
        q, key, dob, ctry, typ, note = p[:6]
        note = note or dnote
        if (kind, q, dob, ctry) in seen: problems.append(f'{f}:{ln} duplicate {q}'); continue
        seen.add((kind, q, dob, ctry))
        if key:
            if key not in xkeys: problems.append(f'{f}:{ln} key {key} not live in xlsx ({q})'); continue
            exp = ' '.join(alternates(key))
            if norm(q) in nameset and key in nameset[norm(q)] and 'width' not in note:
                problems.append(f'{f}:{ln} TRIVIAL: query literally a listed name of {key}: {q}')
        else:
            exp = ''
            nq = norm(q); tq = set(nq.split())
            if nq in nameset: problems.append(f'{f}:{ln} UNLISTED IS LISTED {q} -> {nameset[nq]}'); continue
            sub = [k for k, t in tokset if len(tq) >= 2 and (tq <= t or (t <= tq and len(t) >= 2))]
            if sub: problems.append(f'{f}:{ln} unlisted token-subset of listed {q} -> {sorted(set(sub))[:4]}'); continue
        counters[kind] = counters.get(kind, 0) + 1
        pre = {'cyrillic':'CY','korean':'KO','arabic':'AR','legal':'LG','partial':'PA','katakana':'KA','latin':'LA','unlisted':'UN'}.get(kind, kind[:2].upper())
        out.append(dict(id=f'{pre}-{counters[kind]:04d}', kind=kind, name=q, dob=dob, country=ctry, entityType=typ, expected=exp, note=note))
with open(f'{H}/queries.csv', 'w', newline='', encoding='utf-8') as fh:
    w = csv.DictWriter(fh, fieldnames=['id','kind','name','dob','country','entityType','expected','note'])
    w.writeheader(); w.writerows(out)
for p in problems: print(p)
print(counters, sum(counters.values()))
if '--review' in sys.argv:
    for o in out:
        if o['expected']:
            r = bykey.get(o['expected'].split()[0]); print(o['id'], o['name'], '=>', o['expected'], r['氏名（英語）'] if r else xkeys[o['expected'].split()[0]]['cells'].get('英語表記'), '/', r['氏名（日本語）'] if r else '')
