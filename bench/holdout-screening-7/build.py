#!/usr/bin/env python3
"""Assemble queries.csv from the hand-written src/q_*.txt files and check them against the list.
Usage: python3 build.py [--check-only]   (needs the list at /work/shared/fixtures/mof/shisantouketsu20260305.xlsx)"""
import zipfile, re, sys, csv, json, datetime, unicodedata, difflib, glob, os
import xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
XLSX = '/work/shared/fixtures/mof/shisantouketsu20260305.xlsx'
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'

def read_list():
    z = zipfile.ZipFile(XLSX)
    ss = []
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(M + 'si'):
        parts = []
        for ch in si:
            if ch.tag == M + 't': parts.append(ch.text or '')
            elif ch.tag == M + 'r': parts += [t.text or '' for t in ch.findall(M + 't')]
        ss.append(''.join(parts))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
    ents = {}
    for s in wb.find(M + 'sheets'):
        m = re.match(r'(\d+)\.', s.get('name'))
        if not m: continue
        sh = int(m.group(1))
        root = ET.fromstring(z.read('xl/' + rels[s.get(R + 'id')].replace('/xl/', '').lstrip('/')))
        hdr = None
        for row in root.iter(M + 'row'):
            r = {}
            for c in row.findall(M + 'c'):
                v = c.find(M + 'v'); t = c.get('t')
                val = ss[int(v.text)] if (t == 's' and v is not None) else (v.text if v is not None else '')
                col = 0
                for ch in re.match(r'[A-Z]+', c.get('r')).group(): col = col * 26 + ord(ch) - 64
                r[col - 1] = val
            if not r: continue
            cells = [r.get(i, '') for i in range(max(r) + 1)]
            if cells and re.sub(r'\s', '', cells[0]) == '告示日付':
                hdr = [re.sub(r'[\s\u3000]', '', h) for h in cells]; continue
            if not hdr or len(cells) < 3 or '削除' in cells[0]: continue
            num = re.match(r'\s*(\d+)', cells[1] or '')
            if not num: continue
            d = dict(zip(hdr, cells))
            if not (d.get('日本語表記', '').strip() or d.get('英語表記', '').strip()): continue
            key = '%03d-%06d' % (sh, int(num.group(1)))
            dob = d.get('生年月日', d.get('生年月日・出生地', '')).strip()
            if re.fullmatch(r'\d{4,5}', dob): dob = (datetime.date(1899, 12, 30) + datetime.timedelta(int(dob))).isoformat()
            names = ' ; '.join(v for k, v in d.items() if k in ('日本語表記', '英語表記') or k.startswith('別') or k == '旧称')
            ents[key] = {'names': names, 'dob': dob}
    return ents

def norm(s):
    s = unicodedata.normalize('NFKD', unicodedata.normalize('NFKC', s)).lower()
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return re.sub(r'[^a-z0-9\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0400-\u04ff\u0600-\u06ff ]+', ' ', s).split()

def main():
    ents = read_list()
    rows, errs = [], []
    for f in sorted(glob.glob(os.path.join(HERE, 'src', 'q_*.txt'))):
        for ln in open(f, encoding='utf-8'):
            ln = ln.rstrip('\n')
            if not ln.strip(): continue
            p = ln.split('|')
            if len(p) != 7: errs.append('bad line ' + ln); continue
            rows.append(dict(zip(['kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'], p)))
    # checks
    alln = []
    for k, e in ents.items():
        for part in re.split(r'[;；、\n]|a\.k\.a\.?|\(|\)|（|）', e['names']):
            t = norm(part)
            if t: alln.append((k, ' '.join(sorted(t)), part.strip()))
    listed_sets = {}
    for k, s, _ in alln: listed_sets.setdefault(s, set()).add(k)
    drop = []
    for r in rows:
        if r['kind'] != 'unlisted':
            for k in r['expected'].split():
                if k not in ents: errs.append('unknown key %s for %s' % (k, r['name']))
                elif r['dob'] and re.fullmatch(r'\d{4}-\d\d-\d\d', ents[k]['dob']) and ents[k]['dob'] != r['dob']:
                    errs.append('dob mismatch %s %s list %s' % (r['name'], r['dob'], ents[k]['dob']))
            if not r['expected']: errs.append('no key for ' + r['name'])
        else:
            s = ' '.join(sorted(norm(r['name'])))
            if s in listed_sets: drop.append((r['name'], listed_sets[s]))
    for d in drop: print('DROP (listed):', d)
    if '--fuzzy' in sys.argv:
        for r in rows:
            if r['kind'] != 'unlisted': continue
            s = ' '.join(sorted(norm(r['name'])))
            best = max(alln, key=lambda a: difflib.SequenceMatcher(None, s, a[1]).ratio())
            sc = difflib.SequenceMatcher(None, s, best[1]).ratio()
            if sc >= 0.8: print('NEAR %.2f %s ~ %s %s' % (sc, r['name'], best[0], best[2]))
    for e in errs: print('ERR', e)
    dropped = {d[0] for d in drop}
    rows = [r for r in rows if r['name'] not in dropped or r['kind'] != 'unlisted']
    seen = set(); out = []
    for r in rows:
        if (r['kind'], r['name']) in seen: print('DUP', r['name']); continue
        seen.add((r['kind'], r['name'])); out.append(r)
    if '--check-only' in sys.argv: return
    with open(os.path.join(HERE, 'queries.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
        for i, r in enumerate(out, 1):
            w.writerow(['h7-%04d' % i, r['kind'], r['name'], r['dob'], r['country'], r['entityType'], r['expected'], r['note']])
    from collections import Counter
    print(len(out), dict(Counter(r['kind'] for r in out)))

main()
