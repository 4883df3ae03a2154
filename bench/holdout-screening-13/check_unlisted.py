#!/usr/bin/env python3
"""Mechanical check of src/unlisted_*.txt against every listed name and alias.
Cyrillic and Hangul are transliterated with small tables, Latin is folded (diacritics,
common transliteration pairs, doubled letters), CJK/kana are compared on the raw string.
Prints EQUAL (same name as a listed one, after folding) and NEAR (very similar) hits for review.
Writes work/unlisted_check.txt."""
import re, sys, glob, os, unicodedata, difflib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tools_index as T

CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєўґ',
  ['a','b','v','g','d','e','e','zh','z','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya','i','yi','ye','u','g']))
# Hangul
L_ = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
V_ = ['a','ae','ya','yae','eo','e','yeo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','eu','ui','i']
T_ = ['','k','k','k','n','n','n','t','l','k','m','l','l','l','p','l','m','p','p','t','t','ng','t','t','k','t','p','t']
def hangul(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3:
            o -= 0xAC00
            out.append(L_[o // 588] + V_[(o % 588) // 28] + T_[o % 28])
        else:
            out.append(ch)
    return ''.join(out)

def to_latin(s):
    s = hangul(s)
    return ''.join(CYR.get(ch, CYR.get(ch.lower(), ch)) if ch.lower() in CYR else ch for ch in s)

STOP = {'al','el','bin','ibn','abu','abou','abd','abdul','the','of','and','co','ltd','llc','ooo','oao','pao','ao','jsc','pjsc','ojsc','cjsc','zao','inc','corp','corporation','company','limited','group','sa','ag','plc','gmbh','mr','dr','ltd.'}
REPL = [('tsch','ch'),('sch','sh'),('tch','ch'),('dzh','j'),('zh','j'),('kh','h'),('gh','g'),('ph','f'),('th','t'),('dh','d'),
        ('ou','u'),('oo','u'),('ee','i'),('eo','o'),('eu','u'),('ae','e'),('w','v'),('y','i'),('q','k'),('ck','k'),('c','k'),('x','ks'),('z','s')]
def fold_tok(t):
    for a, b in REPL:
        t = t.replace(a, b)
    t = re.sub(r'(.)\1+', r'\1', t)
    return t
def latin_tokens(s):
    s = unicodedata.normalize('NFKD', to_latin(s.lower()))
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[’'`ʼ‘]", '', s)
    toks = re.findall(r'[a-z0-9]+', s)
    return [fold_tok(t) for t in toks if t not in STOP]

def cjk(s):
    return re.sub(r'[\s・･＝=\-‐（）()「」“”"\u3000,，、.．]', '', unicodedata.normalize('NFKC', s))
def arabic_norm(s):
    s = re.sub(r'[\u064B-\u0652\u0640\u200c\u200f\u200e]', '', s)
    return s.translate(str.maketrans('یكکىةأإآ', 'يككيهااا')).replace(' ', '')

# listed name strings
LISTED = []
for r in T.L:
    for n in T.all_names(r):
        LISTED.append((r['key'], n))
    m = re.search(r'original script\s*[:：]\s*([^)）]+)', r['nameEn'])
    if m:
        LISTED.append((r['key'], m.group(1).strip()))
LT = [(k, n, latin_tokens(n)) for k, n in LISTED]
LC = [(k, cjk(n)) for k, n in LISTED if re.search(r'[\u3040-\u30ff\u4e00-\u9fff]', n)]
LA = [(k, arabic_norm(n)) for k, n in LISTED if re.search(r'[\u0600-\u06ff]', n)]

def check(name):
    hits = []
    if re.search(r'[\u3040-\u30ff\u4e00-\u9fff]', name):
        q = cjk(name)
        for k, n in LC:
            if q == n:
                hits.append(('EQUAL', k, n))
            elif len(q) >= 3 and len(n) >= 3 and (q in n or n in q):
                hits.append(('NEAR', k, n))
        return hits
    if re.search(r'[\u0600-\u06ff]', name):
        q = arabic_norm(name)
        for k, n in LA:
            if q == n:
                hits.append(('EQUAL', k, n))
            elif len(q) >= 5 and (q in n or n in q):
                hits.append(('NEAR', k, n))
        return hits
    qt = latin_tokens(name)
    if not qt:
        return hits
    qs = ' '.join(sorted(qt))
    for k, n, nt in LT:
        if not nt:
            continue
        ns = ' '.join(sorted(nt))
        if qs == ns:
            hits.append(('EQUAL', k, n))
        elif len(qt) >= 2 and set(qt) <= set(nt) and len(set(nt)) <= len(set(qt)) + 1:
            hits.append(('NEAR', k, n))
        elif len(qs) >= 8 and difflib.SequenceMatcher(None, qs, ns).ratio() >= 0.9:
            hits.append(('NEAR', k, n))
    return hits

if __name__ == '__main__':
    files = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'src', 'unlisted_*.txt')))
    out = []
    n = 0
    for f in files:
        for line in open(f, encoding='utf-8'):
            if not line.strip() or line.startswith('#'):
                continue
            n += 1
            name = line.split('|')[0]
            hits = check(name)
            if hits:
                best = 'EQUAL' if any(h[0] == 'EQUAL' for h in hits) else 'NEAR'
                seen = set(); desc = []
                for h in hits:
                    if h[1] not in seen:
                        seen.add(h[1]); desc.append('%s %s "%s"' % (h[0], h[1], h[2][:50].replace('\n', ' ')))
                out.append('%s\t%s\t%s\t%s' % (best, os.path.basename(f), name, ' | '.join(desc[:4])))
    os.makedirs('work', exist_ok=True)
    open('work/unlisted_check.txt', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
    print('checked', n, 'flagged', len(out))
    print('\n'.join(out))
