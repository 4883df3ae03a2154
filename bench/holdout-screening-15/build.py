#!/usr/bin/env python3
"""Build queries.csv for holdout15 from src/*.txt and list.json (standard library only).

- listed kinds: src/<kind>.txt, line `name|dob|country|type|ref|note`; refs are expanded to every key of the
  same person/company (cross-reference marks in the 告示番号 column, and the same normalised English name
  on another sheet with a compatible date of birth).
- unlisted: src/unlisted_*.txt; each name is checked mechanically against every listed name and alias
  (own transliteration tables, spelling folds); collisions are dropped and written to dropped_unlisted.txt.
"""
import csv, json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese']

entries = json.load(open(os.path.join(HERE, 'list.json'), encoding='utf-8'))
by_key = {e['key']: e for e in entries}

# ---------------------------------------------------------------- same-entity groups
parent = {k: k for k in by_key}
def find(k):
    while parent[k] != k:
        parent[k] = parent[parent[k]]; k = parent[k]
    return k
def union(a, b):
    if a in parent and b in parent: parent[find(a)] = find(b)

XREF = {'003': '002', '004': '002', '013': '014', '016': '014', '017': '015'}
for e in entries:
    s = e['key'][:3]
    m = re.search(r'[*#＊]\s*(\d+)', e['num_raw'] or '')
    if m and s in XREF and re.match(r'\s*\d', e['num_raw']):
        union(e['key'], '%s-%06d' % (XREF[s], int(m.group(1))))
    if s == '014' and re.match(r'\s*\*', e['num_raw'] or ''):
        pass  # marked as also designated under 1695 (sheet 013); 013 rows carry the explicit cross reference

def en_norm(t):
    t = re.split(r'[（(]\s*original', t or '')[0]
    t = re.sub(r'[（(][^)）]*[)）]', ' ', t)
    t = unicodedata.normalize('NFKD', t)
    t = ''.join(c for c in t if not unicodedata.combining(c)).lower()
    return ' '.join(re.findall(r'[a-z0-9]+', t))

def dob_set(d):
    out = set(re.findall(r'(\d{4})-\d{2}-\d{2}', d or '')) | set(re.findall(r'(\d{4})年', d or ''))
    return out
byname = defaultdict(list)
for e in entries:
    n = en_norm(e['en'])
    if len(n) >= 6: byname[n].append(e)
for n, es in byname.items():
    for i in range(len(es)):
        for j in range(i + 1, len(es)):
            a, b = es[i], es[j]
            if a['key'][:3] == b['key'][:3]: continue
            da, db = dob_set(a['dob']), dob_set(b['dob'])
            if da and db and not (da & db): continue
            union(a['key'], b['key'])
groups = defaultdict(set)
for k in by_key: groups[find(k)].add(k)
def expand(key):
    return sorted(groups[find(key)])

# ---------------------------------------------------------------- folding for the unlisted check
CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў',
               ['a','b','v','g','d','e','e','zh','z','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch',
                'sh','shch','','y','','e','yu','ya','i','yi','ye','g','u']))
def cyr2lat(t):
    return ''.join(CYR.get(c, CYR.get(c.lower(), c)) if c.lower() in CYR else c for c in t)

L = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
V = ['a','ae','ya','yae','eo','e','yeo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','eu','ui','i']
T = ['','k','k','k','n','n','n','t','l','l','l','l','l','l','l','l','m','p','p','t','t','ng','t','t','k','t','p','t']
def hangul2lat(t):
    out = []
    for c in t:
        o = ord(c)
        if 0xAC00 <= o <= 0xD7A3:
            o -= 0xAC00
            out.append(L[o // 588] + V[(o % 588) // 28] + T[o % 28])
        else:
            out.append(c)
    return ''.join(out)

def latin_fold_token(w):
    w = w.lower()
    for a, b in [('shch', 's'), ('sch', 's'), ('dzh', 'j'), ('zh', 'j'), ('kh', 'h'), ('ch', 'c'), ('sh', 's'),
                 ('tsch', 'c'), ('ts', 'c'), ('tz', 'c'), ('ph', 'f'), ('w', 'v'), ('x', 'ks'), ('q', 'k'),
                 ('ck', 'k'), ('ou', 'u'), ('oo', 'u'), ('ee', 'i'), ('y', 'i'), ('j', 'i'), ('ie', 'e'),
                 ('gh', 'g'), ('dh', 'd'), ('th', 't')]:
        w = w.replace(a, b)
    w = re.sub(r'(.)\1+', r'\1', w)
    w = re.sub(r'ii', 'i', w)
    return w

STOP = {'al', 'el', 'ul', 'bin', 'ibn', 'ben', 'abu', 'abd', 'the', 'of', 'and', 'de', 'co', 'ltd', 'llc', 'inc',
        'company', 'corporation', 'corp', 'limited', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'ooo', 'oao', 'zao', 'pao', 'ao',
        'sa', 'ag', 'plc', 'pte', 'group', 'holding', 'holdings', 'international', 'bank', 'mr', 'dr', 'general', 'a',
        'joint', 'stock', 'public', 'trading', 'shipping', 'national', 'jr', 'gmbh', 'nv', 'asa', 'kabushiki',
        'kaisha'}

def latin_tokens(t):
    t = cyr2lat(hangul2lat(t))
    t = unicodedata.normalize('NFKD', t)
    t = ''.join(c for c in t if not unicodedata.combining(c)).lower()
    toks = [latin_fold_token(w) for w in re.findall(r'[a-z0-9]+', t)]
    return [w for w in toks if w and w not in STOP]

def lev1(a, b):
    if a == b: return True
    if abs(len(a) - len(b)) > 1: return False
    if len(a) == len(b):
        d = [i for i in range(len(a)) if a[i] != b[i]]
        return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]])
    if len(a) > len(b): a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a: return True
    return False

def tok_eq(a, b):
    return a == b or (min(len(a), len(b)) >= 5 and lev1(a, b))

def kor_fold(t):
    t = hangul2lat(t).lower()
    t = re.sub(r"[’'`‘]", '', t)
    t = re.sub(r'[^a-z]', '', t)
    for a, b in [('eo', 'o'), ('eu', 'u'), ('ae', 'e'), ('oe', 'e'), ('wo', 'o'), ('kk', 'k'), ('tt', 't'),
                 ('pp', 'p'), ('ss', 's'), ('jj', 'j'), ('ch', 'j'), ('g', 'k'), ('d', 't'), ('b', 'p'),
                 ('r', 'l'), ('sh', 's'), ('yi', 'i'), ('lee', 'i'), ('ee', 'i'), ('oo', 'u'), ('ou', 'u')]:
        t = t.replace(a, b)
    t = re.sub(r'^(li|ri|i|yi|ly|rhee)(?=[a-z])', 'i', t)
    t = re.sub(r'^(park|pak|bak)', 'pak', t)
    t = re.sub(r'^(choi|choe|coe|joe|joi)', 'joe', t)
    t = re.sub(r'^(lim|im|rim)', 'im', t)
    t = re.sub(r'^(no|ro|lo)', 'no', t)
    t = re.sub(r'(.)\1+', r'\1', t)
    return t

def kana_norm(t):
    t = unicodedata.normalize('NFKC', t)
    t = re.sub(r'[・･\s　=＝ー\-‐（）()「」“”]', '', t)
    for a, b in [('ヴァ', 'バ'), ('ヴィ', 'ビ'), ('ヴェ', 'ベ'), ('ヴォ', 'ボ'), ('ヴ', 'ブ'), ('ヂ', 'ジ'), ('ヅ', 'ズ')]:
        t = t.replace(a, b)
    for w in ['株式会社', '有限会社', '公開', '公共', '(株)', '㈱']:
        t = t.replace(w, '')
    return t

def arabic_norm(t):
    t = re.sub(r'[\u064B-\u0652\u0640]', '', t)
    for a, b in [('أ', 'ا'), ('إ', 'ا'), ('آ', 'ا'), ('ی', 'ي'), ('ى', 'ي'), ('ک', 'ك'), ('ة', 'ه'), ('\u200c', ' ')]:
        t = t.replace(a, b)
    toks = re.findall(r'[\u0600-\u06FF]+', t)
    return [w[2:] if w.startswith('ال') and len(w) > 4 else w for w in toks]

# listed name variants
def split_variants(text):
    text = text or ''
    parts = re.split(r'[;；\n、,，/]|\([a-z]\)|（[a-z]）|\(a\.k\.a\.?:?|a\.k\.a\.?|f\.k\.a\.?|\bor\b', text)
    out = []
    for p in parts:
        p = p.strip(' ()（）:：')
        if p: out.append(p)
    # also the whole text with bracketed alternates expanded: Sergey(Sergei) AKSYONOV(AKSENOV)
    out.append(re.sub(r'[（(][^)）]*[)）]', ' ', text))
    for alt in re.findall(r'[（(]([^)）]+)[)）]', text):
        out.append(alt)
    return out

listed_latin, listed_kor, listed_kana, listed_ar, listed_cjk = [], [], [], [], []
for e in entries:
    texts = [e['en'], e['ja']] + e['aliases']
    for t in texts:
        for v in split_variants(t):
            lt = latin_tokens(v)
            if lt: listed_latin.append((set(lt), e['key'], v))
            if e['key'][:3] in ('013', '014', '015', '016', '017', '035'):
                listed_kor.append((kor_fold(v), e['key'], v))
            if re.search(r'[\u30A0-\u30FF]', v):
                listed_kana.append((kana_norm(v), set(x for x in re.split(r'[・･\s　=＝]', v) if x), e['key'], v))
            if re.search(r'[\u4E00-\u9FFF]', v):
                listed_cjk.append((kana_norm(v), e['key'], v))
        ar = arabic_norm(t)
        if len(ar) >= 2: listed_ar.append((set(ar), e['key'], t[:60]))

def collides(name):
    reasons = []
    qt = set(latin_tokens(name))
    if qt and re.search(r'[A-Za-z\u0400-\u04FF\uAC00-\uD7A3\uFF21-\uFF5A]', name):
        for lt, key, v in listed_latin:
            if not lt: continue
            inter = [q for q in qt if any(tok_eq(q, l) for l in lt)]
            if len(inter) >= 2 and (len(inter) == len(qt) or all(any(tok_eq(l, q) for q in qt) for l in lt)):
                reasons.append('latin:%s=%s' % (key, v[:50])); break
            if len(qt) == 1 and len(lt) == 1 and inter and len(next(iter(qt))) >= 4:
                reasons.append('latin1:%s=%s' % (key, v[:50])); break
    if re.search(r'[\uAC00-\uD7A3]', name) or re.search(r'^[A-Za-z\'\- ]+$', name):
        kf = kor_fold(name)
        if len(kf) >= 4:
            for lf, key, v in listed_kor:
                if lf and lf == kf:
                    reasons.append('korean:%s=%s' % (key, v[:50])); break
    if re.search(r'[\u30A0-\u30FF]', name):
        kn = kana_norm(name); toks = set(x for x in re.split(r'[・･\s　=＝]', name) if x)
        for n, ts, key, v in listed_kana:
            if n == kn or (len(toks & ts) >= 2):
                reasons.append('kana:%s=%s' % (key, v[:50])); break
    if re.search(r'[\u4E00-\u9FFF]', name):
        kn = kana_norm(name)
        for n, key, v in listed_cjk:
            if len(kn) >= 2 and (kn == n or (len(kn) >= 3 and (kn in n or (len(n) >= 3 and n in kn)))):
                reasons.append('cjk:%s=%s' % (key, v[:50])); break
    if re.search(r'[\u0600-\u06FF]', name):
        at = set(arabic_norm(name))
        for ls, key, v in listed_ar:
            if len(at & ls) >= 2 and (at <= ls or ls <= at):
                reasons.append('arabic:%s=%s' % (key, v[:40])); break
    return reasons

# ---------------------------------------------------------------- read sources
def read_src(path):
    rows = []
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        f = line.split('|')
        if len(f) != 6: sys.exit('%s:%d: expected 6 fields: %r' % (path, ln, line))
        rows.append(f)
    return rows

def main():
    out, problems, dropped = [], [], []
    n = 0
    counts = {}
    for kind in KINDS:
        for name, dob, country, typ, ref, note in read_src(os.path.join(HERE, 'src', kind + '.txt')):
            keys = set()
            for r in ref.split(';'):
                r = r.strip()
                if r not in by_key: problems.append('%s: unknown ref %s (%s)' % (kind, r, name)); continue
                keys.update(expand(r))
            if not keys: continue
            if dob and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', dob): problems.append('bad dob ' + dob)
            n += 1; counts[kind] = counts.get(kind, 0) + 1
            out.append(['h15-%04d' % n, kind, name, dob, country, typ, ';'.join(sorted(keys)), note])
    seen = set()
    src = sorted(f for f in os.listdir(os.path.join(HERE, 'src')) if f.startswith('unlisted_'))
    for fn in src:
        for name, dob, country, typ, ref, note in read_src(os.path.join(HERE, 'src', fn)):
            if name in seen: dropped.append((fn, name, 'duplicate')); continue
            seen.add(name)
            r = collides(name)
            if r: dropped.append((fn, name, '; '.join(r))); continue
            n += 1; counts['unlisted'] = counts.get('unlisted', 0) + 1
            out.append(['h15-%04d' % n, 'unlisted', name, dob, country, typ, '', note + ' [' + fn[9:-4] + ']'])
    with open(os.path.join(HERE, 'queries.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
        w.writerows(out)
    with open(os.path.join(HERE, 'dropped_unlisted.txt'), 'w', encoding='utf-8') as f:
        for fn, name, why in dropped: f.write('%s\t%s\t%s\n' % (fn, name, why))
    multi = sum(1 for r in out if ';' in r[6])
    print('counts:', counts, 'total', len(out))
    print('listed queries with several expected keys:', multi)
    print('unlisted dropped:', len(dropped))
    for p in problems: print('PROBLEM', p)
    print('distinct listed targets:', len({r[6] for r in out if r[1] != 'unlisted'}))

if __name__ == '__main__':
    main()
