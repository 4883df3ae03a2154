#!/usr/bin/env python3
"""Check hand-written unlisted names (draft/unlisted_*.txt) mechanically against every listed name and alias
in list.json, and write the survivors to src/unlisted_*.txt. Dropped lines and reasons go to
src/unlisted_dropped.txt.

A name is dropped when, after transliteration (own small Cyrillic and Hangul tables) and spelling folding
(vfold: merges voicing k/g, p/b, t/d, s/z, l/r, digraphs kh/zh/sh/ch/ts, y/i, o/u, ou/oo/eo/eu, ai/ay/ey/ei,
double letters; tokens also count as equal when their consonant skeletons of >= 4 letters agree and they start
with the same letter), it is
  - EQUAL: the same concatenated folded name (in order, or with the first/last token moved) as a listed name or
    alias, or the same number of tokens all pairwise equal;
  - SUBSET: a person's name with >= 2 tokens whose tokens all occur in one listed name/alias that has at most two
    more tokens (aliases longer than 60 characters, i.e. prose, are not used for this rule);
  - NEAR: difflib ratio >= 0.92 between the concatenated folded names (length >= 8);
  - KANA-EQUAL / KANA-PARTS: for names in Japanese or Chinese script, the folded kana/kanji string equals a listed
    Japanese name/alias (in either order), or the ・-separated parts of one (>= 2 parts) are all among the other's.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

CYR = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ґ': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'є': 'ye', 'ж': 'zh',
       'з': 'z', 'и': 'i', 'і': 'i', 'ї': 'yi', 'й': 'y', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o',
       'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ў': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch',
       'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya', "'": ''}
H_INI = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h']
H_MED = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi',
         'yu', 'eu', 'ui', 'i']
H_FIN = ['', 'k', 'k', 'ks', 'n', 'nj', 'nh', 't', 'l', 'lk', 'lm', 'lb', 'ls', 'lt', 'lp', 'lh', 'm', 'p',
         'ps', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't']


def hangul_syllable(ch):
    o = ord(ch) - 0xAC00
    ini, rest = divmod(o, 588)
    med, fin = divmod(rest, 28)
    return H_INI[ini] + H_MED[med] + H_FIN[fin]


def is_hangul(ch):
    return 0xAC00 <= ord(ch) <= 0xD7A3


def latinize_tokens(name):
    """Return a list of Latin tokens for a name in Latin, Cyrillic or Hangul script, or None for other scripts."""
    s = unicodedata.normalize('NFKC', name)
    if any(is_hangul(c) for c in s):
        out = []
        for word in s.split():
            syl = [c for c in word if is_hangul(c)]
            if not syl:
                continue
            if not out and len(syl) in (2, 3, 4) and len(s.split()) == 1:
                # one-word personal name: first syllable surname, rest the given name
                out.append(hangul_syllable(syl[0]))
                out.append(''.join(hangul_syllable(c) for c in syl[1:]))
            else:
                out.append(''.join(hangul_syllable(c) for c in syl))
        return out
    s = ''.join(CYR.get(c, CYR.get(c.lower(), c)) if ('\u0400' <= c <= '\u04ff' or c == "'") else c for c in s)
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    if re.search(r'[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]', s):
        return None
    s = s.lower().replace('ß', 'ss').replace('ø', 'o').replace('æ', 'ae')
    s = re.sub(r"[’'`‘]", '', s)
    s = re.sub(r'(?<=\w)-(?=\w)', '', s)  # hyphenated given names joined
    toks = re.findall(r'[a-z0-9]+', s)
    return toks


STOP = {'al', 'el', 'ul', 'bin', 'ibn', 'ben', 'abu', 'the', 'of', 'and', 'de', 'da', 'van', 'von', 'der',
        'mr', 'dr', 'jr', 'ltd', 'limited', 'llc', 'inc', 'co', 'corp', 'corporation', 'company', 'jsc', 'pjsc',
        'oao', 'ojsc', 'ao', 'zao', 'cjsc', 'ooo', 'pao', 'plc', 'sa', 'ag', 'gmbh', 'pte', 'nv', 'se', 'llp',
        'group', 'holding', 'holdings', 'joint', 'stock', 'public'}


def vfold(tok):
    """Spelling-folded token that keeps vowels (merges voicing, digraph and vowel-spelling variants)."""
    t = tok
    for a, b in (('shch', 'sh'), ('tsch', 'ch'), ('sch', 'sh'), ('tch', 'ch'), ('dzh', 'j'), ('dj', 'j'),
                 ('zh', 'j'), ('kh', 'h'), ('ph', 'f'), ('gh', 'g'), ('th', 't'), ('dh', 'd'), ('ck', 'k'),
                 ('ch', 'c'), ('ts', 'c'), ('tz', 'c'), ('x', 'ks'), ('w', 'v'), ('q', 'k'),
                 ('eo', 'o'), ('eu', 'u'), ('ae', 'e'), ('ou', 'u'), ('oo', 'u'), ('ee', 'i'),
                 ('ay', 'ai'), ('ey', 'ai'), ('ei', 'ai'), ('y', 'i'), ('j', 'c'),
                 ('g', 'k'), ('b', 'p'), ('d', 't'), ('r', 'l'), ('z', 's'), ('o', 'u'), ('ie', 'i')):
        t = t.replace(a, b)
    out = []
    for c in t:
        if not out or out[-1] != c:
            out.append(c)
    return ''.join(out)


def skel(tok):
    """Consonant skeleton of a folded token (vowels dropped)."""
    return re.sub(r'[aeiou]', '', vfold(tok))


def tok_eq(a, b):
    if a == b:
        return True
    sa, sb = skel(a), skel(b)
    return len(sa) >= 4 and sa == sb and a[0] == b[0]


def skel_tokens(toks):
    res = []
    for t in toks:
        if t in STOP:
            continue
        k = vfold(t)
        if t in ('ri', 'rhee', 'lee', 'yi', 'i', 'li', 'rhie'):
            k = 'li'
        if k:
            res.append(k)
    return res


KANA_FOLD = [('ヴァ', 'バ'), ('ヴィ', 'ビ'), ('ヴェ', 'ベ'), ('ヴォ', 'ボ'), ('ヴ', 'ブ'), ('ヂ', 'ジ'), ('ヅ', 'ズ'),
             ('ァ', 'ア'), ('ィ', 'イ'), ('ゥ', 'ウ'), ('ェ', 'エ'), ('ォ', 'オ'), ('ッ', ''), ('ー', '')]


def kana_key(s):
    s = unicodedata.normalize('NFKC', s)
    s = re.sub(r'[\s・=＝\-‐()（）「」«»"\'.,、]', '|', s)
    for a, b in KANA_FOLD:
        s = s.replace(a, b)
    parts = [p for p in s.split('|') if p]
    for form in ('株式会社', '有限会社', '公開株式会社', '公共株式会社', '非公開株式会社', '(株)', '㈱'):
        parts = [p.replace(form, '') for p in parts]
    parts = [p for p in parts if p]
    return parts


def match_all(q, pool):
    pool = list(pool)
    for t in q:
        for i, p in enumerate(pool):
            if tok_eq(t, p):
                del pool[i]
                break
        else:
            return False
    return True


def main():
    lst = json.load(open(os.path.join(HERE, 'list.json'), encoding='utf-8'))
    listed = []  # (key, name, toks_skel, concat, kana_parts)
    for r in lst:
        names = [r['en'], r['enRaw'], r['jp'], r['jpRaw']] + r['aliases'] + r.get('weakAliases', [])
        for n in names:
            if not n:
                continue
            # split parenthesised variants "Sergey(Sergei) AKSYONOV(AKSENOV)" into the base form as well
            variants = {n, re.sub(r'[（(][^）)]*[）)]', ' ', n)}
            for v in variants:
                toks = latinize_tokens(v)
                if toks:
                    st = skel_tokens(toks)
                    if st:
                        listed.append((r['key'], v, st, ''.join(st), None))
                kp = kana_key(v)
                if kp and re.search(r'[\u3040-\u30ff\u3400-\u9fff]', v):
                    listed.append((r['key'], v, None, None, kp))
    lat = [x for x in listed if x[2]]
    kan = [x for x in listed if x[4]]
    by_concat = {}
    for x in lat:
        by_concat.setdefault(x[3], x)
    kana_strings = {}
    for x in kan:
        kana_strings.setdefault(''.join(x[4]), x)
        kana_strings.setdefault(''.join(reversed(x[4])), x)

    files = sorted(f for f in os.listdir(os.path.join(HERE, 'draft')) if f.startswith('unlisted_') and f.endswith('.txt'))
    dropped = []
    total = kept_total = 0
    for fn in files:
        kept = []
        for line in open(os.path.join(HERE, 'draft', fn), encoding='utf-8'):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            f = line.split('|')
            if len(f) != 6:
                print('bad line', fn, line)
                continue
            total += 1
            name, typ = f[0], f[3]
            reason = None
            toks = latinize_tokens(name)
            if toks:
                st = skel_tokens(toks)
                cands = {''.join(st)}
                if len(st) > 1:
                    cands.add(''.join(st[1:] + st[:1]))
                    cands.add(''.join(st[-1:] + st[:-1]))
                for c in cands:
                    if c in by_concat:
                        reason = ('EQUAL', by_concat[c])
                        break
                if not reason:
                    for x in lat:
                        if len(x[2]) == len(st) and match_all(st, x[2]):
                            reason = ('EQUAL', x)
                            break
                if not reason and typ == 'individual' and len(st) >= 2:
                    for x in lat:
                        if len(x[1]) <= 60 and len(st) < len(x[2]) <= len(st) + 2 and match_all(st, x[2]):
                            reason = ('SUBSET', x)
                            break
                if not reason:
                    c0 = ''.join(st)
                    if len(c0) >= 8:
                        for x in lat:
                            if abs(len(x[3]) - len(c0)) <= 2 and difflib.SequenceMatcher(None, c0, x[3]).ratio() >= 0.92:
                                reason = ('NEAR', x)
                                break
            else:
                kp = kana_key(name)
                k0 = ''.join(kp)
                if k0 in kana_strings or ''.join(reversed(kp)) in kana_strings:
                    reason = ('KANA-EQUAL', kana_strings.get(k0) or kana_strings.get(''.join(reversed(kp))))
                else:
                    qs = set(kp)
                    for x in kan:
                        ls = set(x[4])
                        if (len(ls) >= 2 and ls <= qs) or (len(qs) >= 2 and qs <= ls):
                            reason = ('KANA-PARTS', x)
                            break
            if reason:
                dropped.append(f'{fn}\t{reason[0]}\t{name}\t~ {reason[1][0]} {reason[1][1]}')
            else:
                kept.append(line)
        kept_total += len(kept)
        with open(os.path.join(HERE, 'src', fn), 'w', encoding='utf-8') as fo:
            fo.write('# name|dob|country|type|ref|note  (hand-written unlisted names, mechanically checked)\n')
            fo.write('\n'.join(kept) + '\n')
        print(fn, len(kept))
    with open(os.path.join(HERE, 'src', 'unlisted_dropped.txt'), 'w', encoding='utf-8') as fo:
        fo.write('# file\treason\tdropped name\t~ listed key and name it collided with\n')
        fo.write('\n'.join(dropped) + '\n')
    print(f'unlisted: {total} written, {len(dropped)} dropped, {kept_total} kept')


if __name__ == '__main__':
    main()
