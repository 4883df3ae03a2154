#!/usr/bin/env python3
"""Helpers: name normalisation, same-entity groups across sheets, lookup."""
import json, re, sys, unicodedata
L = json.load(open('/work/holdout13/list.json', encoding='utf-8'))
BYKEY = {r['key']: r for r in L}

def fold(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    return s.lower()

def primary_en(r):
    en = r['nameEn'].split('(original script')[0]
    en = re.sub(r'[（(][^（()）]*[)）]', ' ', en)
    en = re.sub(r'[（(][^（()）]*[)）]', ' ', en)
    return en.split('\n')[0]

def nkey(s):
    toks = re.findall(r'[a-z0-9]+', fold(s))
    toks = [t for t in toks if t not in ('al', 'el', 'the', 'and', 'of')]
    return ' '.join(sorted(toks))

def all_names(r):
    """primary + alias strings split on common separators (rough)."""
    out = [r['nameJa'], r['nameEn']]
    for a in r['aliases']:
        out.append(a)
    text = '\n'.join(out)
    parts = re.split(r'[\n;；、,，]|a\.k\.a\.?|f\.k\.a\.?|別称|別名|旧称|及び|又は|\(|\)|（|）|「|」', text)
    return [p.strip(' .:：') for p in parts if p and len(p.strip(' .:：')) > 1]

# groups: same normalised primary English name on different sheets, or cross-ref markers
groups = {}
by_n = {}
for r in L:
    k = nkey(primary_en(r))
    if k:
        by_n.setdefault(k, []).append(r['key'])
parent = {r['key']: r['key'] for r in L}
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]; x = parent[x]
    return x
def union(a, b):
    a, b = find(a), find(b)
    if a != b: parent[b] = a
for k, keys in by_n.items():
    for i, x in enumerate(keys):
        for y in keys[i+1:]:
            dx, dy = set(BYKEY[x]['dob']), set(BYKEY[y]['dob'])
            if x[:3] != y[:3] and (not dx or not dy or dx & dy):
                union(x, y)
for r in L:
    m = re.fullmatch(r'(\d+)\(\*(\d+)\)', r['noticeNoRaw'])
    if m and r['sheet'] in (3, 4):
        union(r['key'], '002-%06d' % int(m.group(2)))
    if m and r['sheet'] == 13:
        k2 = '014-%06d' % int(m.group(2))
        if k2 in parent: union(r['key'], k2)
import itertools
_tok = {}
for r in L:
    if not r['dob']: continue
    toks = set(t for t in re.findall(r'[a-z]+', fold(r['nameEn'].split('(original')[0])) if len(t) >= 4)
    for d in r['dob']:
        _tok.setdefault(d, []).append((r['key'], toks))
from collections import Counter as _C
_freq = _C(t for r in L for t in set(re.findall(r'[a-z]+', fold(r['nameEn'].split('(original')[0]))))
for d, items in _tok.items():
    for (a, ta), (b, tb) in itertools.combinations(items, 2):
        if a[:3] != b[:3] and any(_freq[x] <= 6 for x in ta & tb) and not ({a[:3], b[:3]} <= {'026', '029'} and len(ta & tb) < 2 and False):
            union(a, b)
GROUP = {}
for r in L:
    GROUP.setdefault(find(r['key']), []).append(r['key'])
def same(key):
    return sorted(GROUP[find(key)])

if __name__ == '__main__':
    pat = re.compile(sys.argv[1], re.I)
    for r in L:
        blob = r['nameJa'] + ' | ' + r['nameEn'] + ' | ' + ' / '.join(r['aliases'])
        if pat.search(blob) or pat.search(fold(blob)):
            print(r['key'], ';'.join(same(r['key'])), r['dob'], '|', blob.replace('\n', ' ')[:300])
