#!/usr/bin/env python3
"""Read the MOF asset-freeze workbook (xlsx) with the standard library only; dump list.json."""
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
        # text runs only; skip phonetic runs (rPh)
        for child in si:
            if child.tag == M + 't':
                parts.append(child.text or '')
            elif child.tag == M + 'r':
                for t in child.findall('m:t', NS):
                    parts.append(t.text or '')
        out.append(''.join(parts))
    return out

def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

def sheets(z):
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    rmap = {r.get('Id'): r.get('Target') for r in rels}
    for s in wb.find('m:sheets', NS):
        rid = s.get('{%s}id' % NS['r'])
        target = rmap[rid]
        if target.startswith('/'):
            target = target[1:]
        elif not target.startswith('xl/'):
            target = 'xl/' + target
        yield s.get('name'), target

def read_rows(z, path, sst):
    root = ET.fromstring(z.read(path))
    rows = []
    for row in root.iter(M + 'row'):
        cells = {}
        for c in row.findall('m:c', NS):
            t = c.get('t')
            v = c.find('m:v', NS)
            if t == 's' and v is not None:
                val = sst[int(v.text)]
            elif t == 'inlineStr':
                is_ = c.find('m:is', NS)
                val = ''.join((x.text or '') for x in is_.iter(M + 't')) if is_ is not None else ''
            else:
                val = v.text if v is not None else None
            if val is not None:
                cells[col_index(c.get('r'))] = val
        if cells:
            n = max(cells) + 1
            rows.append((int(row.get('r')), [cells.get(i) for i in range(n)]))
    return rows

def norm_header(h):
    return re.sub(r'[\s\u3000]', '', h or '')

def excel_date(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    if 1000 < f < 60000 and f == int(f):
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(f))).isoformat()
    return None

def split_aliases(text):
    """Return (jp aliases, en aliases) from the prose alias cell / parenthetical."""
    if not text:
        return [], []
    jp, en = [], []
    for m in re.finditer(r'a\.k\.a\.?\s*([^,;()（）]+(?:\([^)]*\))?[^,;()（）]*)', text):
        s = m.group(1).strip().strip('.').strip()
        if s:
            en.append(s)
    for m in re.finditer(r'[（(]\s*(?:別称|別名|旧称)[、,]?([^）)]*)[）)]', text):
        body = m.group(1)
        for p in re.split(r'[、;；]|及び', body):
            p = p.strip()
            if p:
                jp.append(p)
    return jp, en

def main(path, out):
    z = zipfile.ZipFile(path)
    sst = shared_strings(z)
    entries = []
    for name, target in sheets(z):
        m = re.match(r'\s*(\d+)\.', name)
        if not m:
            continue
        sheet_no = int(m.group(1))
        rows = read_rows(z, target, sst)
        hdr_idx = None
        for i, (rn, cells) in enumerate(rows):
            if cells and norm_header(cells[0]) == '告示日付':
                hdr_idx = i
                break
        if hdr_idx is None:
            continue
        header = [norm_header(h) for h in rows[hdr_idx][1]]
        for rn, cells in rows[hdr_idx + 1:]:
            rec = {header[i]: (cells[i] if i < len(cells) else None) for i in range(len(header)) if header[i]}
            date = rec.get('告示日付') or ''
            num_raw = (rec.get('告示番号') or '').strip()
            jp = (rec.get('日本語表記') or '').strip()
            en = (rec.get('英語表記') or '').strip()
            if '削除' in date or not (jp or en):
                continue
            mnum = re.match(r'\D*?(\d+)', num_raw)
            if not mnum:
                continue
            num = int(mnum.group(1))
            key = '%03d-%06d' % (sheet_no, num)
            alias_cols = [k for k in rec if re.search(r'別名|別称|旧称|別の呼称|以前の', k)]
            alias_text = '\n'.join(rec[k] for k in alias_cols if rec.get(k))
            # aliases inside the name cells
            en_main = re.sub(r'[（(]\s*a\.k\.a\..*$', '', en, flags=re.S)
            orig = re.findall(r'original script[:：]\s*([^)）]+)', en)
            en_main = re.sub(r'\s*[（(]\s*original script.*$', '', en_main, flags=re.S).strip()
            en_main = re.sub(r'\s+', ' ', en_main)
            jp_main = re.sub(r'[（(]\s*(別称|別名).*$', '', jp, flags=re.S).strip()
            ajp, aen = split_aliases(alias_text + '\n' + en + '\n' + jp)
            aen += [o.strip() for o in orig]
            dob_raw = rec.get('生年月日') or rec.get('生年月日・出生地')
            dob = excel_date(dob_raw) if dob_raw else None
            nat = rec.get('国籍')
            entries.append({
                'key': key, 'sheet': sheet_no, 'sheetName': name.strip(), 'row': rn,
                'number': num_raw, 'type': ('individual' if '個人' in name else 'entity' if re.search(r'団体|銀行', name) else None),  # None: mixed sheet
                'jp': jp_main, 'en': en_main, 'jpRaw': jp, 'enRaw': en,
                'aliasesJp': ajp, 'aliasesEn': aen, 'aliasText': alias_text,
                'dob': dob, 'dobRaw': (None if dob_raw is None else str(dob_raw)),
                'nationality': nat,
                'other': {k: v for k, v in rec.items() if k in ('肩書等', '役職', '称号', '所在地', '住所・所在地', '住所', 'その他の情報') and v},
            })
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(entries, f, ensure_ascii=False, indent=1)
    print('entries', len(entries), file=sys.stderr)

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/fixtures/mof/shisantouketsu20260305.xlsx',
         sys.argv[2] if len(sys.argv) > 2 else 'list.json')
