# Checks every unlisted query against every listed name and alias (all columns with names), to drop any that is listed.
# Latin-ish comparison after folding Cyrillic (simple BGN-like table) and Hangul (Revised Romanization) to Latin;
# direct substring comparison for other scripts. Prints suspects for manual review.
import json, csv, re, unicodedata, sys
L = json.load(open('list.json'))
CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўі', ['a','b','v','g','d','e','e','zh','z','i','y','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya','i','yi','ye','g','u','i']))
CHO = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
JUNG = ['a','ae','ya','yae','eo','e','yeo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','eu','ui','i']
JONG = ['','k','k','k','n','n','n','t','l','k','m','l','l','l','p','l','m','p','p','t','t','ng','t','t','k','t','p','t']
def hangul(s):
    out = []
    for ch in s:
        c = ord(ch)
        if 0xAC00 <= c <= 0xD7A3:
            c -= 0xAC00; out.append(CHO[c // 588] + JUNG[(c % 588) // 28] + JONG[c % 28])
        else: out.append(ch)
    return ''.join(out)
def fold(s):
    s = unicodedata.normalize('NFKC', s).lower()
    s = ''.join(CYR.get(ch, ch) for ch in s)
    s = hangul(s)
    s = unicodedata.normalize('NFKD', s); s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    return s
def toks(s): return [t for t in re.split(r'[^a-z0-9]+', fold(s)) if t and t not in ('al', 'el', 'bin', 'ben', 'ibn', 'abu', 'the', 'of', 'and')]
def jw(a, b):
    if a == b: return 1.0
    la, lb = len(a), len(b); md = max(la, lb) // 2 - 1
    ma = [False]*la; mb = [False]*lb; m = 0
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
    j = (m/la + m/lb + (m - t/2)/m) / 3
    p = 0
    while p < min(4, la, lb) and a[p] == b[p]: p += 1
    return j + p*0.1*(1-j)
segs = []
for e in L:
    for k, v in e['fields'].items():
        if k in ('日本語表記', '英語表記') or '別' in k or '旧' in k:
            for seg in re.split(r'[;；、,，\n]|a\.k\.a\.|f\.k\.a\.|及び|（|）|\(|\)', v):
                seg = seg.strip()
                if len(seg) >= 2: segs.append((e['key'], seg, toks(seg), re.sub(r'[\s・\u3000=＝]', '', unicodedata.normalize('NFKC', seg)).lower()))
def sim_tok(t, ts): return max((jw(t, u) for u in ts), default=0)
sus = 0
for r in csv.DictReader(open('queries.csv', encoding='utf-8')):
    if r['expected']: continue
    q = r['name']; qt = toks(q); qn = re.sub(r'[\s・\u3000=＝]', '', unicodedata.normalize('NFKC', q)).lower()
    hits = []
    for key, seg, st, sn in segs:
        if not re.search(r'[a-z]', fold(q)):   # non-Latin after folding: direct comparison
            if len(qn) >= 2 and (qn == sn or (len(qn) >= 3 and (qn in sn or sn in qn) and min(len(qn), len(sn)) >= 3)): hits.append((key, seg))
            continue
        if not qt or not st: continue
        a = sum(sim_tok(t, st) >= 0.93 for t in qt); b = sum(sim_tok(t, qt) >= 0.93 for t in st)
        if (a == len(qt) and len(qt) >= 2) or (b == len(st) and len(st) >= 2 and a >= 2) or (len(qt) == 1 and len(st) == 1 and a == 1):
            hits.append((key, seg))
    if hits:
        sus += 1; print(r['id'], q, '=>', hits[:4])
print('suspects', sus)
