#!/usr/bin/env python3
"""Read the MOF asset-freeze workbook (xlsx = zip of XML) with the standard library; dump list.json."""
import json, re, sys, zipfile, datetime
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
M = '{%s}' % NS['m']

def shared_strings(z):
    try:
        root = ET.fromstring(z.read('xl/sharedStrings.xml'))
    except KeyError:
        return []
    out = []
    for si in root.findall('m:si', NS):
        parts = []
        # direct <t> or <r><t>; skip <rPh> (furigana)
        for child in si:
            if child.tag == M + 't':
                parts.append(child.text or '')
            elif child.tag == M + 'r':
                t = child.find('m:t', NS)
                if t is not None:
                    parts.append(t.text or '')
        out.append(''.join(parts))
    return out

def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1

def sheets(z):
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    rmap = {r.get('Id'): r.get('Target') for r in rels}
    for s in wb.find('m:sheets', NS):
        rid = s.get('{%s}id' % NS['r'])
        target = rmap[rid]
        target = target.lstrip('/')
        if not target.startswith('xl/'):
            target = 'xl/' + target
        yield s.get('name'), target

def rows(z, path, ss):
    root = ET.fromstring(z.read(path))
    for row in root.iter(M + 'row'):
        cells = {}
        for c in row.findall('m:c', NS):
            t = c.get('t')
            v = c.find('m:v', NS)
            if t == 's' and v is not None:
                val = ss[int(v.text)]
            elif t == 'inlineStr':
                is_ = c.find('m:is', NS)
                val = ''.join((x.text or '') for x in is_.iter(M + 't')) if is_ is not None else ''
            elif v is not None:
                val = v.text or ''
            else:
                val = ''
            cells[col_index(c.get('r'))] = val
        if cells:
            n = max(cells) + 1
            yield [cells.get(i, '') for i in range(n)]

def serial_date(s):
    try:
        f = float(s)
    except ValueError:
        return None
    if 1000 < f < 60000:
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(f))).isoformat()
    return None

def main(xlsx, out):
    z = zipfile.ZipFile(xlsx)
    ss = shared_strings(z)
    entries = []
    for name, path in sheets(z):
        m = re.match(r'\s*(\d+)\.', name)
        if not m:
            continue
        sheet_no = int(m.group(1))
        header = None
        for r in rows(z, path, ss):
            if header is None:
                if r and r[0].strip().replace(' ', '') == '告示日付':
                    header = [h.replace(' ', '').replace('\n', '') for h in r]
                continue
            rec = {header[i] if i < len(header) else 'col%d' % i: r[i] for i in range(len(r))}
            date = rec.get('告示日付', '')
            if '削除' in date or not (rec.get('日本語表記') or rec.get('英語表記')):
                continue
            num_raw = str(rec.get('告示番号', '')).strip()
            nm = re.match(r'(\d+)', num_raw.replace('.0', ''))
            if not nm:
                # e.g. '*186' only: keep raw marker number
                nm = re.search(r'(\d+)', num_raw)
            if not nm:
                continue
            key = '%03d-%06d' % (sheet_no, int(nm.group(1)))
            dob = ''
            for h in rec:
                if h.startswith('生年月日'):
                    d = serial_date(rec[h])
                    dob = d if d else rec[h]
            aliases = {h: rec[h] for h in rec if rec[h] and ('別' in h or '旧称' in h or '称' == h[-1:])}
            nat = next((rec[h] for h in rec if h.startswith('国籍')), '')
            entries.append({'key': key, 'sheet': name.strip(), 'num_raw': num_raw,
                            'ja': rec.get('日本語表記', ''), 'en': rec.get('英語表記', ''),
                            'aliases': aliases, 'dob': dob, 'nationality': nat,
                            'other': {h: rec[h] for h in rec if h not in ('日本語表記', '英語表記') and rec[h]}})
    keys = [e['key'] for e in entries]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    json.dump(entries, open(out, 'w'), ensure_ascii=False, indent=1)
    print('entries', len(entries), 'duplicate keys', dups, file=sys.stderr)

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/fixtures/mof/shisantouketsu20260305.xlsx',
         sys.argv[2] if len(sys.argv) > 2 else 'list.json')
