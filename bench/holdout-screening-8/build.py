"""Builds queries.csv from the hand-written src/*.txt files.

Matching queries (src/<kind>.txt): name|dob|country|type|ref|note, where ref is one or more of
  SSSNNN (sheet + notice number, expanded to SSS-000NNN) or @text (every listed row whose English name,
  aliases or Japanese name contains text, case-insensitively). Rows of the same person in other sheets
  (identical normalized English name) are added to the expected keys.
Unlisted names (src/unlisted_*.txt): name|dob|country|type|category|note; each is checked against every
listed name and alias (Latin, Cyrillic transliterated, Hangul romanized, kana/kanji compared to the Japanese
names); a hit stops the build unless the line is removed.
"""
import csv, glob, json, os, re, sys, unicodedata, datetime
HERE = os.path.dirname(os.path.abspath(__file__))
L = [o for o in json.load(open(os.path.join(HERE, 'list.json'))) if (o['en'] or o['jp'])]
BYKEY = {o['key']: o for o in L}
KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese']
TYPE = {'I': 'individual', 'E': 'entity', '': ''}

CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў',
  ['a','b','v','g','d','e','e','zh','z','i','y','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya','i','yi','ye','g','u']))
CHO = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
JUNG = ['a','ae','ya','yae','o','e','yo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','u','ui','i']
JONG = ['','k','k','k','n','n','n','t','l','l','l','l','l','l','l','l','m','p','p','t','t','ng','t','t','k','t','p','t']

def romanize(s):
    out = []
    for ch in s.lower():
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3:
            i = o - 0xAC00
            out.append(CHO[i // 588] + JUNG[(i % 588) // 28] + JONG[i % 28])
        else:
            out.append(CYR.get(ch, ch))
    return ''.join(out)

def fold(s):
    s = unicodedata.normalize('NFKD', unicodedata.normalize('NFKC', s))
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = romanize(s.lower())
    return re.sub(r'[^a-z0-9\u3040-\u30ff\u4e00-\u9fff ]+', ' ', s)

def tokens(s):
    return [t for t in fold(s).split() if t]

def kana(s):
    return re.sub(r'[\s・･＝=\-‐、，,.。（）()「」]', '', unicodedata.normalize('NFKC', s))

# every listed name: primary + aliases, split on the list's separators
NAMES = []  # (key, name)
NAME_TOKENS = None
for o in L:
    for field in (o['en'], o['alias'], o['jp']):
        for part in re.split(r'\n|;|；|\(\w\)|（\w）|\|', field):
            part = re.sub(r'\(?a\.k\.a\.?:?', ' ', part).strip(' )(')
            if part.strip():
                NAMES.append((o['key'], part.strip()))

def serial_to_date(v):
    try:
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(v)))).isoformat()
    except ValueError:
        return None

def same_person_keys(key):
    en = ' '.join(tokens(BYKEY[key]['en']))
    return [o['key'] for o in L if en and ' '.join(tokens(o['en'])) == en]

def resolve(ref):
    keys = []
    for r in re.findall(r'\d{6}|@[^@]+?(?=\s+\d{6}|\s+@|$)', ref.strip()):
        r = r.strip()
        if re.fullmatch(r'\d{6}', r):
            k = '%s-000%s' % (r[:3], r[3:])
            if k not in BYKEY: sys.exit('unknown key ' + k)
            keys += same_person_keys(k)
        elif r.startswith('@'):
            needle = r[1:].replace('_', ' ').lower()
            pat = re.compile(r'(?<![a-z])' + re.escape(needle) + r'(?![a-z])')
            hits = [o['key'] for o in L if pat.search((o['en'] + ' ' + o['alias'] + ' ' + o['jp']).lower().replace('\n', ' '))]
            if not hits: return None
            keys += hits
        else:
            sys.exit('bad ref ' + r)
    return sorted(set(keys))

from difflib import SequenceMatcher

def canon(t):
    """A spelling-variant fold for the checker only: x/ks, w/v, y/j/i, ph/f, kh/h, ou/u, doubled letters."""
    for a, b in (('x', 'ks'), ('w', 'v'), ('ph', 'f'), ('kh', 'h'), ('ou', 'u'), ('y', 'i'), ('j', 'i'), ('ck', 'k'), ('q', 'k'), ('c', 'k'), ('ee', 'i'), ('oo', 'u')):
        t = t.replace(a, b)
    return re.sub(r'(.)\1+', r'\1', t)

from functools import lru_cache

@lru_cache(maxsize=None)
def tok_eq(a, b):
    a, b = canon(a), canon(b)
    if a == b: return True
    if min(len(a), len(b)) < 4 or 2 * min(len(a), len(b)) / (len(a) + len(b)) < 0.85: return False
    m = SequenceMatcher(None, a, b)
    return m.quick_ratio() >= 0.85 and m.ratio() >= 0.85

def covers(xs, ys):
    return all(any(tok_eq(x, y) for y in ys) for x in xs)

NAME_FORMS = [(key, n, [x for x in tokens(n) if x not in ('al', 'el', 'bin', 'ibn')], kana(n), ''.join(tokens(n)))
              for key, n in NAMES]

def listed_hit(name):
    """The listed names an unlisted query coincides with: same kana, same joined letters, or every token of
    one (two or more tokens) has a near-equal spelling in the other."""
    q = [t for t in tokens(name) if t not in ('al', 'el', 'bin', 'ibn', 'jr', 'mr', 'dr')]
    qk = kana(name); qj = ''.join(tokens(name)); hits = []
    for key, n, t, nk, nj in NAME_FORMS:
        if (qk and qk == nk) or (qj and qj == nj):
            hits.append((key, n))
        elif len(q) >= 2 and len(t) >= 2 and (covers(t, q) or covers(q, t)):
            hits.append((key, n))
    return hits

def read_src(path):
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        f = line.split('|')
        if len(f) != 6: sys.exit('%s:%d: %d fields' % (path, ln, len(f)))
        yield ln, f

def main():
    rows, problems, drops = [], [], []
    for kind in KINDS:
        for ln, (name, dob, country, typ, ref, note) in read_src(os.path.join(HERE, 'src', kind + '.txt')):
            keys = resolve(ref)
            if keys is None: drops.append('%s:%d %s -> %s not on this list: dropped' % (kind, ln, name, ref)); continue
            if len(keys) > 4: problems.append('%s:%d %s -> %d keys %s' % (kind, ln, name, len(keys), keys[:6]))
            if dob:
                listed = {serial_to_date(BYKEY[k]['dob']) for k in keys}
                if dob not in listed: problems.append('%s:%d dob %s not in %s' % (kind, ln, dob, listed))
            rows.append(dict(kind=kind, name=name, dob=dob, country=country, entityType=TYPE[typ], expected=' '.join(keys), note=note))
    for path in sorted(glob.glob(os.path.join(HERE, 'src', 'unlisted_*.txt'))):
        for ln, (name, dob, country, typ, cat, note) in read_src(path):
            hits = listed_hit(name)
            if hits:
                drops.append('%s:%d unlisted %s coincides with %s: dropped' % (os.path.basename(path), ln, name, hits[:3])); continue
            rows.append(dict(kind='unlisted', name=name, dob=dob, country=country, entityType=TYPE[typ], expected='', note=(cat + ' ' + note).strip()))
    seen = set()
    for r in rows:
        if r['name'] in seen: problems.append('duplicate name ' + r['name'])
        seen.add(r['name'])
    with open(os.path.join(HERE, 'queries.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
        for i, r in enumerate(rows, 1):
            w.writerow(['h8-%04d' % i, r['kind'], r['name'], r['dob'], r['country'], r['entityType'], r['expected'], r['note']])
    from collections import Counter
    print('\n'.join(drops)); print('\n'.join('PROBLEM ' + p for p in problems))
    print(Counter(r['kind'] for r in rows), len(rows))

if __name__ == '__main__':
    main()
