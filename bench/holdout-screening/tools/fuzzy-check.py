#!/usr/bin/env python3
"""Independent sanity check of unlisted queries: flag any that look like a spelling variant of a listed name
(own fold + Jaro-Winkler; not the engine's code)."""
import csv, json, re, sys, unicodedata
import os
H = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exec(open(f'{H}/tools/build.py').read().split('out, problems')[0])  # reuse loaders (rows, allnames, norm)
CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґў', ['a','b','v','g','d','e','e','zh','z','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya','i','ye','i','g','u']))
def fold(s):
    s = norm(s)
    s = ''.join(CYR.get(c, c) for c in s)
    for a, b in [('kh','h'),('ks','x'),('ou','u'),('y','i'),('j','i'),('w','v'),('ph','f'),('q','k'),('ck','k'),('c','k'),('dzh','j'),('zh','j'),('ie','e'),('ei','i'),('ii','i'),('ff','v'),('ee','i')]:
        s = s.replace(a, b)
    s = re.sub(r'(.)\1', r'\1', s)
    s = re.sub(r'(ov|ev|off|eff)\b', 'ov', s)
    return s
def jw(a, b):
    if a == b: return 1.0
    la, lb = len(a), len(b)
    if not la or not lb: return 0.0
    md = max(la, lb)//2 - 1
    ma, mb = [False]*la, [False]*lb; m = 0
    for i in range(la):
        for j in range(max(0, i-md), min(lb, i+md+1)):
            if not mb[j] and a[i] == b[j]: ma[i] = mb[j] = True; m += 1; break
    if not m: return 0.0
    t = 0; k = 0
    for i in range(la):
        if ma[i]:
            while not mb[k]: k += 1
            if a[i] != b[k]: t += 1
            k += 1
    j = (m/la + m/lb + (m - t/2)/m)/3
    p = 0
    for x, y in zip(a[:4], b[:4]):
        if x == y: p += 1
        else: break
    return j + p*0.1*(1-j)
LEGAL = set('pjsc pao jsc ao ooo llc ltd limited co company inc corp corporation oao zao plc sa ag se group holding holdings bank'.split())
listed = {}
for k, n in allnames:
    f = fold(n)
    if f: listed.setdefault(f, set()).add(k)
ltoks = [(f, ks, [t for t in f.split() if t not in LEGAL]) for f, ks in listed.items()]
qs = list(csv.DictReader(open(f'{H}/queries.csv')))
for q in qs:
    if q['expected']: continue
    qt = [t for t in fold(q['name']).split() if t not in LEGAL]
    if not qt: continue
    best = (0, None)
    for f, ks, lt in ltoks:
        if not lt or len(lt) > len(qt) + 2: continue
        sc = [max((jw(a, b) for b in lt), default=0) for a in qt]
        s = min(sc)
        if s > best[0]: best = (s, (f, sorted(ks)[:2]))
    if best[0] >= float(sys.argv[1] if len(sys.argv) > 1 else 0.9):
        print(f"{best[0]:.3f}  {q['id']}  {q['name']}  ~  {best[1]}")
