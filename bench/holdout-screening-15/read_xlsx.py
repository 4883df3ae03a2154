#!/usr/bin/env python3
"""Dump the MOF asset-freeze workbook to list.json (standard library only)."""
import zipfile, re, json, sys
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
RNS = 'http://schemas.openxmlformats.org/package/2006/relationships'

def col_idx(ref):
    c = re.match(r'[A-Z]+', ref).group(0); n = 0
    for ch in c: n = n * 26 + ord(ch) - 64
    return n - 1

def load(path):
    z = zipfile.ZipFile(path)
    ss = []
    root = ET.fromstring(z.read('xl/sharedStrings.xml'))
    for si in root.findall('m:si', NS):
        ss.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m']) if not any(False for _ in [])))
    # drop phonetic runs (rPh) text
    ss = []
    for si in root.findall('m:si', NS):
        parts = []
        for el in si:
            tag = el.tag.split('}')[1]
            if tag == 't': parts.append(el.text or '')
            elif tag == 'r':
                for t in el.findall('m:t', NS): parts.append(t.text or '')
        ss.append(''.join(parts))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    rmap = {r.get('Id'): r.get('Target') for r in rels.findall('{%s}Relationship' % RNS)}
    sheets = []
    for s in wb.find('m:sheets', NS):
        tgt = rmap[s.get('{%s}id' % NS['r'])]
        tgt = tgt.lstrip('/'); tgt = tgt if tgt.startswith('xl/') else 'xl/' + tgt
        x = ET.fromstring(z.read(tgt))
        rows = []
        for row in x.iter('{%s}row' % NS['m']):
            vals = {}
            for c in row.findall('m:c', NS):
                t = c.get('t'); v = c.find('m:v', NS)
                if t == 'inlineStr':
                    val = ''.join(tt.text or '' for tt in c.iter('{%s}t' % NS['m']))
                elif v is None: continue
                elif t == 's': val = ss[int(v.text)]
                else: val = v.text
                vals[col_idx(c.get('r'))] = val
            if vals:
                mx = max(vals); rows.append((int(row.get('r')), [vals.get(i, '') for i in range(mx + 1)]))
        sheets.append((s.get('name'), rows))
    return sheets

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    src = args[0] if args else '/work/shared/fixtures/mof/shisantouketsu20260305.xlsx'
    sheets = load(src)
    if '--raw' in sys.argv:
        json.dump([{'name': n, 'rows': r} for n, r in sheets], open('raw_sheets.json', 'w'), ensure_ascii=False)

import datetime
def serial_to_date(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return v.strip() if isinstance(v, str) else ''
    if 1000 < f < 80000:
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(f))).isoformat()
    return str(v)

def entries(sheets):
    out = []
    for name, rows in sheets:
        m = re.match(r'\s*(\d+)\.', name)
        if not m: continue
        sno = int(m.group(1))
        hdr = None
        for rnum, vals in rows:
            if hdr is None:
                if '告示番号' in vals: hdr = vals
                continue
            def col(pred):
                return [i for i, h in enumerate(hdr) if pred(h)]
            num = vals[hdr.index('告示番号')] if hdr.index('告示番号') < len(vals) else ''
            dt = vals[0] if vals else ''
            nm = re.match(r'[\s*#＊]*(\d+)', num or '')
            if not nm or '削除' in dt: continue
            g = lambda i: vals[i] if i < len(vals) else ''
            ja = g(hdr.index('日本語表記')); en = g(hdr.index('英語表記'))
            if not (ja.strip() or en.strip()): continue
            aliases = []
            for i in col(lambda h: h.startswith('別名') or h.startswith('別称') or h.startswith('旧称') or h.startswith('確定に十分でない') or h.startswith('以前の') or h.startswith('過去の')):
                a = g(i).strip()
                if a and a != '不明': aliases.append(a)
            dob = [serial_to_date(g(i)) for i in col(lambda h: h.startswith('生年月日'))]
            nat = [g(i) for i in col(lambda h: h == '国籍')]
            extra = [g(i) for i in col(lambda h: h.startswith('肩書') or h.startswith('役職') or h.startswith('その他'))]
            out.append({'key': '%03d-%06d' % (sno, int(nm.group(1))), 'sheet': name, 'row': rnum, 'num_raw': num,
                        'ja': ja.strip(), 'en': en.strip(), 'aliases': aliases,
                        'dob': ' / '.join(d for d in dob if d), 'nationality': ' / '.join(n for n in nat if n),
                        'info': ' | '.join(e[:300] for e in extra if e)})
    return out

if __name__ == '__main__':
    es = entries(sheets)
    json.dump(es, open('list.json', 'w'), ensure_ascii=False, indent=1)
    from collections import Counter
    c = Counter(e['key'] for e in es)
    print(len(es), 'entries;', 'dup keys:', [k for k, v in c.items() if v > 1][:20])
    with open('list_flat.tsv', 'w', encoding='utf-8') as f:
        for e in es:
            f.write('\t'.join([e['key'], e['en'].replace('\n', ' '), e['ja'].replace('\n', ' '), e['dob'][:40],
                               e['nationality'][:20].replace('\n', ' '),
                               ' ;; '.join(e['aliases']).replace('\n', ' ')[:200]]) + '\n')
