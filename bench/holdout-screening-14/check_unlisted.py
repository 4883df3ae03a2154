#!/usr/bin/env python3
"""Mechanical check of src/unlisted_*.txt against every listed name and alias in list.json.
Writes src/unlisted_dropped.txt (lines removed, with the listed key they collided with) and
rewrites nothing else: build.py skips names listed in unlisted_dropped.txt."""
import json, re, sys, unicodedata, glob, os
D = json.load(open(os.path.join(os.path.dirname(__file__) or '.', 'list.json')))

CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєїґ',
  ['a','b','v','g','d','e','e','zh','z','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya','i','u','ye','yi','g']))
# Hangul: initial, medial, final (Revised-Romanization-like, deliberately simple)
INI = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
MED = ['a','ae','ya','yae','eo','e','yeo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','eu','ui','i']
FIN = ['','k','k','k','n','n','n','t','l','l','l','l','l','l','l','l','m','p','p','t','t','ng','t','t','k','t','p','t']

def hangul(s):
    out = []
    for ch in s:
        c = ord(ch)
        if 0xAC00 <= c <= 0xD7A3:
            c -= 0xAC00
            out.append(INI[c // 588] + MED[(c % 588) // 28] + FIN[c % 28])
        else:
            out.append(ch)
    return ''.join(out)

def translit(s):
    s = unicodedata.normalize('NFKC', s)
    s = ''.join(CYR.get(ch, CYR.get(ch.lower(), ch)) if ch.lower() in CYR else ch for ch in s)
    s = hangul(s)
    s = unicodedata.normalize('NFKD', s)
    return ''.join(ch for ch in s if not unicodedata.combining(ch))

SUR = {'ri':'li','lee':'li','yi':'li','rhee':'li','i':'li','park':'pak','bak':'pak','pak':'pak','choi':'choe','chwe':'choe',
       'jung':'jong','chung':'jong','jeong':'jong','chong':'jong','gim':'kim','rim':'lim','im':'lim','ro':'no','roh':'no',
       'yoo':'yu','ryu':'yu','yun':'yun','yoon':'yun','kang':'kang','gang':'kang','jo':'cho','oh':'o'}

def fold_token(t):
    t = t.lower()
    t = re.sub(r'[^a-z]', '', t)
    if not t:
        return ''
    t = SUR.get(t, t)
    for a, b in [('shch','sh'),('sch','sh'),('tsch','ch'),('tch','ch'),('kh','h'),('gh','g'),('ph','f'),('w','v'),('ks','x'),
                 ('ou','u'),('oo','u'),('ee','i'),('eo','o'),('eu','u'),('ae','e'),('yi','i'),('iy','i'),('ij','i'),('y','i'),('j','i'),
                 ('dzh','g'),('zh','g'),('dj','g'),('q','k'),('c','k'),('ck','k'),('th','t'),('dh','d'),('b','p'),('d','t'),('g','k'),('z','s')]:
        t = t.replace(a, b)
    t = re.sub(r'(.)\1+', r'\1', t)
    t = re.sub(r'(ov|ev|ova|eva)$', lambda m: 'of' if m.group(1) in ('ov','ev') else 'ofa', t)
    return t

STOP = {'al','el','bin','ben','ibn','abu','abd','the','of','and','mr','dr','a','b','c','d','e','f','g','h','aka'}
LEGAL = {'llc','ooo','ao','oao','pao','zao','jsc','pjsc','ojsc','cjsc','ltd','limited','co','company','corp','corporation','inc','plc','sa','ag','nv','pte','group','holding','holdings','bank'}

def tokens(s):
    s = translit(s)
    toks = [fold_token(t) for t in re.split(r'[\s\-‐―_.,;:()（）「」『』"“”«»/・＝=\'’‘`]+', s)]
    return [t for t in toks if t and t not in STOP]

def lev1(a, b):
    if a == b: return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5: return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]: i += 1
    return a[i+1:] == b[i+1:] or a[i:] == b[i+1:] or a[i+1:] == b[i:]

def distinct(a, b):
    used = set()
    for x in a:
        for j, y in enumerate(b):
            if j not in used and lev1(x, y):
                used.add(j); break
        else:
            return False
    return True

def listed_names():
    out = []
    for e in D:
        texts = [e['en'], e['ja']] + list(e['aliases'].values())
        for t in texts:
            if not t: continue
            t = re.sub(r'original script[:：]?', ';', t)
            t = re.sub(r'\(?[a-z]\)|a\.k\.a\.?|（別称、|別称、', ';', t)
            for part in re.split(r'[;\n；、]|\(|\)|（|）|, a\.k\.a|及び', t):
                part = part.strip(' ,:：')
                if len(part) >= 2:
                    out.append((e['key'], part))
    return out

NAMES = listed_names()
NT = [(k, p, tokens(p), re.sub(r'[\s・･＝=\-]', '', unicodedata.normalize('NFKC', p))) for k, p in NAMES]

def collide(q):
    qt = [t for t in tokens(q) if t not in LEGAL]
    qraw = re.sub(r'[\s・･＝=\-]', '', unicodedata.normalize('NFKC', q))
    for k, p, lt, lraw in NT:
        if qraw and qraw == lraw:
            return k, p, 'exact'
        lt2 = [t for t in lt if t not in LEGAL]
        if len(qt) >= 2 and len(lt2) >= 2:
            # query tokens all match distinct listed tokens (query is the listed name, possibly cut short),
            # or same number of tokens matching one to one (another spelling / order)
            if distinct(qt, lt2):
                return k, p, 'tokens'
        elif len(qt) == 1 and len(lt2) == 1 and len(qt[0]) >= 4 and lev1(qt[0], lt2[0]):
            return k, p, 'single'
    return None

def main():
    dropped = []
    for f in sorted(glob.glob('src/unlisted_*.txt')):
        if f.endswith('unlisted_dropped.txt'): continue
        for line in open(f, encoding='utf-8'):
            line = line.rstrip('\n')
            if not line.strip(): continue
            name = line.split('|')[0]
            c = collide(name)
            if c:
                dropped.append('%s|%s|%s|%s|%s' % (os.path.basename(f), name, c[0], c[2], c[1][:60]))
    open('src/unlisted_dropped.txt', 'w', encoding='utf-8').write('\n'.join(dropped) + '\n')
    print('dropped', len(dropped), file=sys.stderr)

if __name__ == '__main__':
    if len(sys.argv) > 1:
        for q in sys.argv[1:]: print(q, tokens(q), collide(q))
    else:
        main()
