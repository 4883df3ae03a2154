#!/usr/bin/env python3
"""Check draft unlisted names (src/draft/unlisted_*.txt) mechanically against every listed name and alias in
list.json; write the survivors to src/unlisted_*.txt and the dropped ones (with the listed name hit) to
dropped_unlisted.tsv. Own small tables: Cyrillic (ru/uk/be) and Hangul to Latin; Latin spelling folding;
Korean surname equivalences; Arabic-script letter unification; katakana token comparison."""
import json, re, glob, os, unicodedata
L = json.load(open('list.json', encoding='utf-8'))['entries']

CYR = dict(zip('абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя',
  ['a','b','v','g','g','d','e','e','ye','zh','z','i','i','i','i','k','l','m','n','o','p','r','s','t','u','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya']))
def cyr2lat(s):
    return ''.join(CYR.get(c, CYR.get(c.lower(), c)) if c.lower() in CYR else c for c in s)

INI = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
VOW = ['a','ae','ya','yae','eo','e','yeo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','eu','ui','i']
FIN = ['','k','k','k','n','n','n','t','l','l','l','l','l','l','l','l','m','p','p','t','t','ng','t','t','k','t','p','t']
KSUR = {'리':'ri','이':'ri','박':'pak','최':'choe','정':'jong','김':'kim','림':'rim','임':'rim','로':'ro','노':'ro','류':'ryu',
        '유':'ryu','오':'o','윤':'yun','강':'kang','조':'jo','전':'jon','현':'hyon','태':'tae','반':'ban','손':'son','문':'mun',
        '한':'han','황':'hwang','렴':'ryom','염':'ryom','백':'paek','장':'jang','주':'ju','홍':'hong','신':'sin','송':'song'}
def syl(c):
    o = ord(c) - 0xAC00
    if not 0 <= o < 11172: return c
    return INI[o // 588] + VOW[(o % 588) // 28] + FIN[o % 28]
def hangul2lat(s, person):
    words = s.split()
    out = []
    for i, w in enumerate(words):
        if person and i == 0 and len(words) == 1 and len(w) in (2, 3, 4) and w[0] in KSUR:
            out.append(KSUR[w[0]] + ' ' + ''.join(syl(c) for c in w[1:]))
        else:
            out.append(''.join(syl(c) for c in w))
    return ' '.join(out)

KOR_SUR = {'lee':'ri','li':'ri','yi':'ri','rhee':'ri','i':'ri','park':'pak','bak':'pak','choi':'choe','chwe':'choe',
  'jung':'jong','chung':'jong','jeong':'jong','cheong':'jong','gim':'kim','lim':'rim','im':'rim','roh':'ro','no':'ro',
  'yoo':'ryu','yu':'ryu','oh':'o','shin':'sin','yoon':'yun','gang':'kang','cho':'jo','jeon':'jon','chon':'jon','baek':'paek'}
STOP = set('''the of and for de la du des al el ul ad as ash an ar bin ben ibn abu abou bint
co corp corporation company companies limited ltd llc inc incorporated plc sa ag gmbh nv bv se sas pte pvt private public
joint stock jsc pjsc ojsc cjsc oao zao ao pao ooo tov psc lp group holding holdings international intl
kabushiki kaisha jr mr ms dr'''.split())

def fold_tok(t):
    t = KOR_SUR.get(t, t)
    for a, b in (('tsch','ch'),('sch','sh'),('tch','ch'),('kh','h'),('ph','f'),('ck','k'),('ou','u'),('w','v'),('q','k'),
                 ('x','ks'),('y','i'),('j','i'),('ee','i'),('oo','u'),('eo','o'),('eu','u'),('ae','e'),('dh','d'),('gh','g')):
        t = t.replace(a, b)
    t = re.sub(r'(.)\1+', r'\1', t)
    return t
def kskel(t):
    for a, b in (('ch','c'),('j','c'),('g','k'),('b','p'),('d','t'),('r','l'),('h','')):
        t = t.replace(a, b)
    return re.sub(r'(.)\1+', r'\1', t)

def latin_tokens(s):
    s = unicodedata.normalize('NFKD', unicodedata.normalize('NFKC', s))
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("'", '').replace('’', '').replace('‘', '').replace('`', '')
    toks = [t for t in re.split(r'[^a-z0-9]+', s) if t]
    return [fold_tok(t) for t in toks if t not in STOP]

def lev1(a, b):
    if a == b: return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5: return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]: i += 1
    return a[i+1:] == b[i+1:] or a[i:] == b[i+1:] or a[i+1:] == b[i:]
def tok_in(t, S, kor):
    return any(lev1(t, x) or (kor and kskel(t) == kskel(x)) for x in S)

def pieces(e):
    """Latin name strings and Japanese strings of a listed entry (main names and aliases)."""
    raw = [e['en']] + e['aliasRaw']
    lat, ja, other = [], [], []
    for r in raw:
        r = re.sub(r'(a\.?k\.?a\.?|f\.?k\.?a\.?)[:：]?', ';', r, flags=re.I)
        r = re.sub(r'\(original script[:：]?', ';', r, flags=re.I)
        for p in re.split(r'[;；\n()（）]|\([a-z]\)|,\s|、|及び', r):
            p = p.strip(' ,.:：')
            if not p: continue
            if re.search(r'[\u0600-\u06ff]', p): other.append(p)
            if re.search(r'[\u4e00-\u9fff]', p) and not re.search(r'[\u30a0-\u30ff]', p): other.append(p)
            if re.search(r'[\u3040-\u30ff]', p): ja.append(p)
            elif re.search(r'[A-Za-z]', p): lat.append(p)
    for r in [e['ja']] + e['aliasRaw']:
        for p in re.split(r'[;；\n()（）、]|及び', r):
            p = p.strip()
            if re.search(r'[\u30a0-\u30ff\u4e00-\u9fff]', p): ja.append(p)
    return lat, ja, other

INDEX = []
for e in L:
    lat, ja, other = pieces(e)
    INDEX.append((e, [set(latin_tokens(p)) for p in lat if latin_tokens(p)], [''.join(latin_tokens(p)) for p in lat],
                  [set(t for t in re.split(r'[・＝=\s]', p) if t) for p in ja], ja, other))

def arab_norm(s):
    s = re.sub(r'[\u064b-\u065f\u0670\u200c\u0640]', '', s)
    for a, b in (('أ','ا'),('إ','ا'),('آ','ا'),('ى','ي'),('ی','ي'),('ک','ك'),('ة','ه'),('ؤ','و'),('ئ','ي')):
        s = s.replace(a, b)
    return set(t for t in s.split() if t not in ('ال',))

def check(name, gloss, person):
    hits = []
    kor = bool(re.search(r'[\uac00-\ud7a3]', name))
    lat_forms = []
    if re.search(r'[\u0400-\u04ff]', name): lat_forms.append(cyr2lat(name.lower()))
    elif kor: lat_forms.append(hangul2lat(name, person))
    elif re.search(r'[A-Za-z\uff21-\uff5a]', name): lat_forms.append(name)
    if gloss: lat_forms.append(gloss)
    for lf in lat_forms:
        q = latin_tokens(lf); Q = set(q); qj = ''.join(q)
        if not Q: continue
        for e, sets, joined, _, _, _ in INDEX:
            for N, j in zip(sets, joined):
                if not N: continue
                distinctN = len(N) >= 2 and not all(lev1(a, b) for a in N for b in N)
                if len(Q) == 1 and len(N) == 1:
                    eq = (qj == j) or (len(qj) >= 7 and lev1(qj, j))
                    if eq: hits.append((e['key'], j, 'latin-equal')); break
                    continue
                eq = qj == j or (len(Q) == len(N) and all(tok_in(t, N, kor) for t in Q) and all(tok_in(t, Q, kor) for t in N))
                sub = (len(Q) >= 2 and all(tok_in(t, N, kor) for t in Q)) or (distinctN and all(tok_in(t, Q, kor) for t in N))
                if eq or sub:
                    hits.append((e['key'], ' '.join(sorted(N)), 'latin-' + ('equal' if eq else 'subset'))); break
    if re.search(r'[\u30a0-\u30ff]', name):
        Q = set(t for t in re.split(r'[・＝=\s]', name) if t)
        for e, _, _, jsets, _, _ in INDEX:
            for N in jsets:
                if N and (Q == N or (len(Q) >= 2 and Q <= N) or (len(N) >= 2 and N <= Q)):
                    hits.append((e['key'], '・'.join(N), 'katakana')); break
    if re.search(r'[\u4e00-\u9fff]', name) and not kor:
        core = re.sub(r'(株式会社|有限会社|有限公司|股份|集团|集團|控股)', '', name)
        for e, _, _, _, jas, other in INDEX:
            for p in jas + other:
                pc = re.sub(r'(株式会社|有限会社|有限公司|股份|集团|集團|控股)', '', p)
                if len(core) >= 2 and len(pc) >= 2 and (core in pc or pc in core):
                    hits.append((e['key'], p[:40], 'cjk')); break
    if re.search(r'[\u0600-\u06ff]', name):
        Q = arab_norm(name)
        for e, _, _, _, _, other in INDEX:
            for p in other:
                N = arab_norm(p)
                if N and (Q == N or (len(Q) >= 2 and Q <= N)):
                    hits.append((e['key'], p[:40], 'arabic')); break
    return hits

if __name__ == '__main__':
    dropped = []
    total = kept = 0
    for f in sorted(glob.glob('src/draft/unlisted_*.txt')):
        out = []
        for line in open(f, encoding='utf-8'):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                out.append(line); continue
            p = line.split('|'); total += 1
            gloss = ''
            m = re.search(r'gloss=([^;]+)', p[5])
            if m: gloss = m.group(1)
            h = check(p[0], gloss, p[3] == 'individual')
            if h:
                dropped.append((os.path.basename(f), p[0], h[0][0], h[0][1], h[0][2], len(h)))
            else:
                out.append(line); kept += 1
        open(os.path.join('src', os.path.basename(f)), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
    with open('dropped_unlisted.tsv', 'w', encoding='utf-8') as w:
        w.write('file\tname\tfirst_hit_key\tlisted_tokens\trule\thits\n')
        for d in dropped: w.write('\t'.join(map(str, d)) + '\n')
    print('unlisted drafts', total, 'kept', kept, 'dropped', len(dropped))
