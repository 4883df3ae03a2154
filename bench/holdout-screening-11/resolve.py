#!/usr/bin/env python3
"""Authoring helper: in src/*.txt drafts (src/draft/*.txt) a ref may be '@term1&term2' meaning
'the entries whose Japanese/English name or aliases contain all terms'. Writes src/<kind>.txt with keys.
Several hits are accepted only if all hits share the same English main name (same designee on several sheets)."""
import json, re, sys, os, glob, unicodedata
L = json.load(open('list.json', encoding='utf-8'))['entries']
def n(s): return re.sub(r'[\s\-‐’\'`.,・＝=]', '', unicodedata.normalize('NFKC', s).lower())
IDX = [(e, n(e['ja'] + '|' + e['en'] + '|' + '|'.join(e['aliasRaw']))) for e in L]
def main_name(e): return n(re.split(r'[（(]', e['en'])[0]) or n(e['jaMain'])
bad = 0
for f in sorted(g for g in glob.glob('src/draft/*.txt') if not os.path.basename(g).startswith('unlisted_')):
    out = []
    for ln, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            out.append(line); continue
        p = line.split('|')
        if len(p) != 6:
            print('FORMAT', f, ln, line); bad += 1; continue
        ref = p[4]
        if ref.startswith('@'):
            terms = [n(t) for t in ref[1:].split('&')]
            hits = [e for e, s in IDX if all(t in s for t in terms)]
            if not hits:
                print('NOHIT', f, ln, line); bad += 1; continue
            if p[1]:
                dh = [e for e in hits if e['dob'] == p[1] or (p[1][:4] in e['dobRaw'])]
                if dh: hits = dh
            names = {main_name(e) for e in hits}
            if len(names) > 1 and '!' not in p[5]:
                print('MULTI', f, ln, line, [(e['key'], e['en'][:40]) for e in hits]); bad += 1; continue
            # same designee on another sheet under another spelling: same DOB and same katakana surname
            extra = []
            for h in hits:
                if not h['dob']: continue
                sur = re.split(r'[・＝\s]', h['jaMain'].strip())[-1]
                for e in L:
                    if e not in hits and e not in extra and e['dob'] == h['dob'] and sur and re.split(r'[・＝\s]', e['jaMain'].strip())[-1] == sur:
                        extra.append(e)
            if extra:
                print('SIBLING', f, ln, [(e['key'], e['en'][:40]) for e in extra])
                hits = hits + extra
            p[4] = ';'.join(sorted({e['key'] for e in hits}))
            if '!' in p[5]: p[5] = p[5].replace('!', '')
        out.append('|'.join(p))
    dst = os.path.join('src', os.path.basename(f))
    open(dst, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('problems', bad)
