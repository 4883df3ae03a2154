# Second, looser pass of the unlisted check (whole name cells with their bracketed variants kept together,
# Jaro-Winkler >= 0.88 per token), with a 3-letter-prefix prefilter so it runs in seconds.
import json, csv, re, collections
from check_unlisted_lib import toks, jw, L
fields = []
for e in L:
    for k, v in e['fields'].items():
        if k in ('日本語表記', '英語表記') or '別' in k or '旧' in k:
            for seg in re.split(r'[;；\n]|a\.k\.a\.|f\.k\.a\.|、|及び', v):
                t = toks(seg.replace('(', ' ').replace(')', ' ').replace('（', ' ').replace('）', ' '))
                if len(t) >= 2: fields.append((e['key'], seg.strip()[:60], t))
idx = collections.defaultdict(set)
for i, (_, _, t) in enumerate(fields):
    for x in t:
        if len(x) >= 3: idx[x[:3]].add(i)
for r in csv.DictReader(open('queries.csv', encoding='utf-8')):
    if r['expected']: continue
    qt = toks(r['name'])
    if len(qt) >= 3: qt = [x for x in qt if not re.search(r'(vich|vna|ych|ivna|ovych|ivich|ovich)$', x)] or qt  # patronymics are often absent from the list
    if len(qt) < 2 or not all(re.fullmatch(r'[a-z0-9]+', x) for x in qt): continue
    cand = set()
    for x in qt:
        if len(x) >= 4: cand |= idx.get(x[:3], set())
    hits = []
    for i in cand:
        key, seg, st = fields[i]
        if all(max(jw(x, y) for y in st) >= 0.88 for x in qt): hits.append((key, seg))
    if hits: print(r['id'], r['name'], '=>', hits[:3])
