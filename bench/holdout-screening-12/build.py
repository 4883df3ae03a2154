#!/usr/bin/env python3
"""Build queries.csv for holdout 12 from src/*.txt and list.json (standard library only).

- Listed queries: src/<kind>.txt, lines  name|dob|country|type|ref|note
  refs are expanded to every key of the same person/entity on other sheets (groups.py).
- Unlisted names: src/unlisted_*.txt; each is checked mechanically against every listed name
  and alias (Cyrillic and Hangul transliterated, Latin spellings folded to a consonant skeleton,
  kana folded, Arabic-script normalised) and dropped when it looks like a listed name.
Writes queries.csv and build-report.json.
"""
import csv, glob, json, os, re, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import groups

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ['cyrillic', 'korean', 'arabic', 'legal', 'partial', 'katakana', 'latin', 'chinese']

# ---------- transliteration tables (own, small) ----------
CYR = {'а':'a','б':'b','в':'v','г':'g','д':'d','е':'e','ё':'e','ж':'zh','з':'z','и':'i','й':'y','к':'k','л':'l','м':'m',
       'н':'n','о':'o','п':'p','р':'r','с':'s','т':'t','у':'u','ф':'f','х':'kh','ц':'ts','ч':'ch','ш':'sh','щ':'shch',
       'ъ':'','ы':'y','ь':'','э':'e','ю':'yu','я':'ya','і':'i','ї':'yi','є':'ye','ґ':'g','ў':'u'}
def translit_cyr(s):
    return ''.join(CYR.get(ch, CYR.get(ch.lower(), ch)) for ch in s)

H_INI = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
H_MED = ['a','ae','ya','yae','eo','e','yeo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','eu','ui','i']
H_FIN = ['','k','k','k','n','n','n','t','l','l','l','l','l','l','l','l','m','p','p','t','t','ng','t','t','k','t','p','t']
def translit_hangul(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3:
            i = o - 0xAC00
            ini, med, fin = i // 588, (i % 588) // 28, i % 28
            out.append(H_INI[ini] + H_MED[med] + H_FIN[fin])
        else:
            out.append(ch)
    return ''.join(out)

def has(s, lo, hi):
    return any(lo <= ord(c) <= hi for c in s)

# ---------- Latin folding ----------
def strip_accents(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))

def skeleton(tok):
    """Fold one Latin token: common digraphs and letter equivalences, doubled letters, o/u and e/a vowels,
    y as i, a trailing vowel dropped. Vowel identity is otherwise kept (Li != Ra)."""
    t = tok.lower()
    for a, b in [('shch', 'sh'), ('tsch', 'ch'), ('sch', 'sh'), ('dzh', 'j'), ('zh', 'j'), ('dj', 'j'), ('kh', 'h'), ('gh', 'g'),
                 ('ph', 'f'), ('th', 't'), ('dh', 'd'), ('ck', 'k'), ('q', 'k'), ('x', 'ks'), ('w', 'v'),
                 ('ou', 'u'), ('oo', 'u'), ('ee', 'i'), ('y', 'i')]:
        t = t.replace(a, b)
    t = re.sub(r'c(?!h)', 'k', t)
    t = t.replace('o', 'u').replace('e', 'a')
    t = re.sub(r'(.)\1+', r'\1', t)
    if len(t) > 3 and t[-1] in 'aiu':
        t = t[:-1]
    return t

STOP = {'al', 'el', 'ul', 'ur', 'bin', 'ben', 'ibn', 'abu', 'abd', 'the', 'of', 'and', 'ltd', 'llc', 'limited', 'company', 'co',
        'corp', 'corporation', 'inc', 'jsc', 'pjsc', 'oao', 'ooo', 'ao', 'pao', 'zao', 'ojsc', 'cjsc', 'sa', 'ag', 'plc', 'group',
        'jr', 'mr', 'dr', 'de', 'da', 'bank'}

def latin_tokens(s):
    s = strip_accents(unicodedata.normalize('NFKC', s))
    if has(s, 0x0400, 0x04FF):
        s = translit_cyr(s.lower())
    if has(s, 0xAC00, 0xD7A3):
        s = translit_hangul(s)
    toks = re.findall(r'[a-z0-9]+', s.lower())
    return [t for t in toks if t not in STOP]

def latin_key(s):
    """Sorted tuple (a multiset) of folded tokens; one-letter tokens (initials) are left out."""
    return tuple(sorted(k for k in (skeleton(t) for t in latin_tokens(s)) if len(k) >= 2))


# Hangul romanisation variants for the unlisted check (MR-like and RR-like, surname spellings)
H_INI_MR = ['k','kk','n','t','tt','r','m','p','pp','s','ss','','ch','tch','ch','k','t','p','h']
H_MED_MR = ['a','ae','ya','yae','o','e','yo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','u','ui','i']
SURNAME_VARIANTS = {'이': ['ri', 'li', 'lee', 'yi', 'i'], '리': ['ri', 'li', 'lee', 'yi'], '임': ['rim', 'lim', 'im'], '림': ['rim', 'lim', 'im'],
                    '유': ['yu', 'ryu'], '류': ['ryu', 'yu', 'yoo'], '노': ['no', 'ro', 'roh'], '로': ['ro', 'no', 'roh'], '박': ['pak', 'park', 'bak'],
                    '최': ['choe', 'choi'], '정': ['jong', 'chong', 'jung', 'jeong'], '김': ['kim', 'gim'], '조': ['jo', 'cho'], '전': ['jon', 'chon', 'jeon'],
                    '염': ['yom', 'ryom', 'yeom'], '렴': ['ryom', 'yom', 'yeom'], '양': ['yang', 'ryang'], '량': ['ryang', 'yang']}
def hangul_syllables(s, ini, med):
    out = []
    for ch in s:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3:
            i = o - 0xAC00
            out.append(ini[i // 588] + med[(i % 588) // 28] + H_FIN[i % 28])
    return out
def hangul_variants(name):
    words = [w for w in re.split(r'\s+', name.strip()) if w]
    if not words or not has(name, 0xAC00, 0xD7A3):
        return []
    word = ''.join(words)
    out = []
    for ini, med in ((H_INI_MR, H_MED_MR), (H_INI, H_MED)):
        syl = hangul_syllables(word, ini, med)
        if len(syl) < 2:
            continue
        for sur in SURNAME_VARIANTS.get(word[0], [syl[0]]):
            rest = syl[1:]
            out.append(' '.join([sur] + rest))
            out.append(sur + ' ' + ''.join(rest))
    return out

# ---------- kana / kanji / Arabic folding ----------
KANA_FOLD = [('ヴァ', 'バ'), ('ヴィ', 'ビ'), ('ヴェ', 'ベ'), ('ヴォ', 'ボ'), ('ヴ', 'ブ'), ('ワ', 'バ'), ('ー', ''), ('ッ', ''),
             ('ィ', 'イ'), ('ェ', 'エ'), ('ォ', 'オ'), ('ャ', 'ヤ'), ('ュ', 'ユ'), ('ョ', 'ヨ'), ('ァ', 'ア'), ('ゥ', 'ウ'), ('ヂ', 'ジ'), ('ヅ', 'ズ')]
def kana_tokens(s):
    s = unicodedata.normalize('NFKC', s)
    for a, b in KANA_FOLD:
        s = s.replace(a, b)
    return [t for t in re.split(r'[・=＝\s、，,()（）\-]+', s) if t]

def arabic_tokens(s):
    s = unicodedata.normalize('NFKC', s)
    s = re.sub(r'[\u064B-\u0652\u0640\u200c]', '', s)
    for a, b in [('أ', 'ا'), ('إ', 'ا'), ('آ', 'ا'), ('ی', 'ي'), ('ى', 'ي'), ('ک', 'ك'), ('ة', 'ه')]:
        s = s.replace(a, b)
    toks = re.findall(r'[\u0600-\u06FF]+', s)
    return [re.sub(r'^ال', '', t) for t in toks if t not in ('بن', 'ابن', 'ابو')]


def lev1(a, b):
    """True when a and b are equal or one edit apart (tokens of 5+ letters only)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        d = [i for i in range(len(a)) if a[i] != b[i]]
        return len(d) == 1 or (len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]])
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False

def fuzzy_subset(small, big):
    """Every token of small matches a different token of big (equal, or one edit apart for long tokens)."""
    def go(i, used):
        if i == len(small):
            return True
        for j, y in enumerate(big):
            if j not in used and lev1(small[i], y) and go(i + 1, used | {j}):
                return True
        return False
    return len(small) <= len(big) and go(0, frozenset())

def keys_resemble(q, v):
    """Query key q and listed key v resemble: equal; q (2+ tokens) inside v; or v (2+ tokens, one of
    5+ letters, none shorter than 3) inside q with at most one query token left over (a patronymic)."""
    if not q or not v:
        return False
    if q == v:
        return True
    if len(q) >= 2 and fuzzy_subset(q, v):
        return True
    if (len(v) >= 2 and len(q) - len(v) <= 1 and min(len(t) for t in v) >= 3 and max(len(t) for t in v) >= 5
            and fuzzy_subset(v, q)):
        return True
    return len(q) == 1 and len(v) == 1 and lev1(q[0], v[0])

# ---------- list index ----------
def name_variants(e):
    out = [e['en'], e['jp'], e['enRaw'], e['jpRaw']] + list(e.get('aliasesEn') or []) + list(e.get('aliasesJp') or [])
    for seg in re.split(r'[;；,、\n]|a\.k\.a\.?|f\.k\.a\.?|\([a-z]\)|（[a-z]）|及び', e.get('aliasText') or ''):
        seg = seg.strip(' :：()（）')
        if seg:
            out.append(seg)
    # alternatives in parentheses inside the English name: keep both the whole and the bracket-free form
    out.append(re.sub(r'\(.*?\)|（.*?）', ' ', e['en']))
    return [v for v in out if v and v.strip()]

def build_index(entries):
    idx = []
    for e in entries:
        for v in name_variants(e):
            idx.append((e['key'], v, latin_key(v), tuple(kana_tokens(v)), tuple(arabic_tokens(v)),
                        re.sub(r'[\s・=＝、()（）]', '', unicodedata.normalize('NFKC', v))))
    return idx

def looks_listed(name, idx):
    """Return (key, variant) of a listed name the unlisted query resembles, else None."""
    for hv in hangul_variants(name):
        hk = latin_key(hv)
        for key, v, vk, *_ in idx:
            if keys_resemble(hk, vk):
                return key, v
    lk = latin_key(name)
    kt = set(kana_tokens(name))
    at = set(arabic_tokens(name))
    compact = re.sub(r'[\s・=＝、()（）]', '', unicodedata.normalize('NFKC', name))
    is_cjk = has(name, 0x3040, 0x30FF) or has(name, 0x4E00, 0x9FFF)
    for key, v, vk, vkana, varab, vcompact in idx:
        if keys_resemble(lk, vk):
            return key, v
        if is_cjk and vkana:
            vs = set(vkana)
            if (len(kt) >= 2 and kt <= vs) or (kt and kt == vs):
                return key, v
            if len(compact) >= 3 and vcompact and (compact == vcompact or compact in vcompact):
                return key, v
        if at and varab:
            vs = set(varab)
            if (len(at) >= 2 and at <= vs) or at == vs:
                return key, v
    return None

# ---------- reading source files ----------
def read_src(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = line.split('|')
            if len(parts) != 6:
                raise SystemExit('%s:%d: expected 6 fields, got %d' % (path, ln, len(parts)))
            rows.append(dict(zip(['name', 'dob', 'country', 'type', 'ref', 'note'], [p.strip() for p in parts]), src='%s:%d' % (os.path.basename(path), ln)))
    return rows

def main():
    by, grp = groups.load(os.path.join(HERE, 'list.json'))
    entries = list(by.values())
    idx = build_index(entries)
    out, seen = [], set()
    report = {'duplicates': [], 'expanded': 0, 'unlisted_dropped': [], 'errors': []}
    counts = {}
    for kind in KINDS:
        for r in read_src(os.path.join(HERE, 'src', kind + '.txt')):
            if r['name'] in seen:
                report['duplicates'].append({'kind': kind, 'name': r['name'], 'src': r['src']})
                continue
            keys = []
            for k in r['ref'].split(';'):
                k = k.strip()
                if k not in by:
                    report['errors'].append('%s: unknown key %s' % (r['src'], k)); continue
                for g in grp[k]:
                    if g not in keys:
                        keys.append(g)
            if not keys:
                continue
            if len(keys) > len([k for k in r['ref'].split(';') if k.strip()]):
                report['expanded'] += 1
            if r['dob'] and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', r['dob']):
                report['errors'].append('%s: bad dob %s' % (r['src'], r['dob']))
            if r['dob'] and not any(by[k]['dob'] == r['dob'] for k in keys):
                report['errors'].append('%s: dob %s not on the list for %s' % (r['src'], r['dob'], keys))
            if r['type'] not in ('individual', 'entity'):
                report['errors'].append('%s: bad type' % r['src'])
            seen.add(r['name'])
            out.append([kind, r['name'], r['dob'], r['country'], r['type'], ';'.join(keys), r['note']])
            counts[kind] = counts.get(kind, 0) + 1
    for path in sorted(glob.glob(os.path.join(HERE, 'src', 'unlisted_*.txt'))):
        for r in read_src(path):
            if r['name'] in seen:
                report['duplicates'].append({'kind': 'unlisted', 'name': r['name'], 'src': r['src']}); continue
            hit = looks_listed(r['name'], idx)
            if hit:
                report['unlisted_dropped'].append({'name': r['name'], 'src': r['src'], 'resembles': hit[0], 'listedName': hit[1][:80]})
                continue
            seen.add(r['name'])
            out.append(['unlisted', r['name'], r['dob'], r['country'], r['type'], '', r['note']])
            counts['unlisted'] = counts.get('unlisted', 0) + 1
    with open(os.path.join(HERE, 'queries.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
        for i, row in enumerate(out, 1):
            w.writerow(['h12-%04d' % i] + row)
    report['counts'] = counts
    report['distinctExpectedKeys'] = len({k for row in out for k in row[5].split(';') if k})
    report['sheetsCovered'] = sorted({k[:3] for row in out for k in row[5].split(';') if k})
    with open(os.path.join(HERE, 'build-report.json'), 'w', encoding='utf-8') as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
    print(json.dumps({'counts': counts, 'errors': report['errors'], 'duplicates': len(report['duplicates']),
                      'unlisted_dropped': len(report['unlisted_dropped']), 'expanded': report['expanded'],
                      'distinctExpectedKeys': report['distinctExpectedKeys'], 'sheets': len(report['sheetsCovered'])}, ensure_ascii=False, indent=1))

if __name__ == '__main__':
    main()
