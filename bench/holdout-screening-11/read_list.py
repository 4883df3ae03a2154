#!/usr/bin/env python3
"""Read the MOF asset-freeze workbook (xlsx = zip of XML) with the standard library and dump list.json.
Usage: python3 read_list.py <workbook.xlsx> [list.json]
Key: SSS-NNNNNN = sheet number (3 digits) + 告示番号 numeric part (6 digits)."""
import sys, zipfile, re, json, datetime
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
M = '{%s}' % NS['m']

def text_of(si):
    # concatenate <t> in <si> or <r>, skipping phonetic runs <rPh>
    out = []
    for child in si:
        if child.tag == M + 't':
            out.append(child.text or '')
        elif child.tag == M + 'r':
            for t in child.findall('m:t', NS):
                out.append(t.text or '')
    return ''.join(out).replace('_x000D_', '\n')

def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1

def read(path):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        root = ET.fromstring(z.read('xl/sharedStrings.xml'))
        shared = [text_of(si) for si in root.findall('m:si', NS)]
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    relmap = {r.get('Id'): r.get('Target') for r in rels}
    sheets = []
    for s in wb.find('m:sheets', NS):
        rid = s.get('{%s}id' % NS['r'])
        tgt = relmap[rid]
        tgt = tgt.lstrip('/')
        if not tgt.startswith('xl/'):
            tgt = 'xl/' + tgt
        sheets.append((s.get('name'), tgt))
    out = {}
    for name, tgt in sheets:
        root = ET.fromstring(z.read(tgt))
        rows = []
        for row in root.iter(M + 'row'):
            cells = {}
            for c in row.findall('m:c', NS):
                t = c.get('t'); v = c.find('m:v', NS)
                if t == 's' and v is not None:
                    val = shared[int(v.text)]
                elif t == 'inlineStr':
                    is_ = c.find('m:is', NS); val = text_of(is_) if is_ is not None else ''
                else:
                    val = v.text if v is not None else ''
                cells[col_index(c.get('r'))] = val
            if cells:
                rows.append([cells.get(i, '') for i in range(max(cells) + 1)])
        out[name] = rows
    return out

def norm_header(h):
    return re.sub(r'[\s\u3000]', '', h or '')

def serial_to_date(v):
    try:
        f = float(v)
    except ValueError:
        return None
    if 1000 < f < 60000:
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(f))).isoformat()
    return None

AKA_EN = re.compile(r'(?:a\.?k\.?a\.?|f\.?k\.?a\.?|formerly known as|also known as)[,:]?\s*', re.I)

def split_aliases(s):
    """Split alias prose into individual names (rough, for reference / unlisted checks)."""
    if not s:
        return []
    s = s.replace('\n', ';')
    s = re.sub(r'[（(]\s*(別称|別名|旧称|通称)[、,:：]?', ';', s)
    s = AKA_EN.sub(';', s)
    s = re.sub(r'[)）]', ';', s)
    s = re.sub(r'[（(]', ';', s)
    parts = re.split(r'[;；、]|\s及び|及び|,\s*(?=;)', s)
    res = []
    for p in parts:
        for q in re.split(r'\s*,\s*(?=[A-Z][a-z])', p) if False else [p]:
            q = q.strip(' ,.;:：・')
            if q and q not in ('別称', '別名', '旧称'):
                res.append(q)
    return res

def main():
    src = sys.argv[1]
    dst = sys.argv[2] if len(sys.argv) > 2 else 'list.json'
    book = read(src)
    entries = []
    for sname, rows in book.items():
        m = re.match(r'\s*(\d+)\.', sname)
        if not m:
            continue
        sheet = int(m.group(1))
        hdr_i = None
        for i, r in enumerate(rows[:6]):
            if r and norm_header(r[0]) == '告示日付':
                hdr_i = i; break
        if hdr_i is None:
            continue
        hdr = [norm_header(h) for h in rows[hdr_i]]
        for r in rows[hdr_i + 1:]:
            rec = {hdr[i] if i < len(hdr) and hdr[i] else 'col%d' % i: (r[i] or '').strip() for i in range(len(r))}
            date = rec.get('告示日付', '')
            no = rec.get('告示番号', '')
            if not no and not rec.get('日本語表記') and not rec.get('英語表記'):
                continue
            if '削除' in date:
                continue
            mm = re.match(r'\s*(\d+)', no.replace('＊', '*'))
            if not mm:
                mm = re.search(r'(\d+)', no)
            if not mm:
                continue
            num = int(mm.group(1))
            key = '%03d-%06d' % (sheet, num)
            ja = rec.get('日本語表記', ''); en = rec.get('英語表記', '')
            alias_cols = [k for k in rec if any(w in k for w in ('別名', '別称', '旧称', '以前'))]
            alias_raw = [rec[k] for k in alias_cols if rec[k]]
            dob_raw = ''
            for k in rec:
                if k.startswith('生年月日'):
                    dob_raw = rec[k]
            dob = serial_to_date(dob_raw) if dob_raw else None
            nat = rec.get('国籍', '')
            indiv = None
            entries.append({
                'key': key, 'sheet': sheet, 'sheetName': sname.strip(), 'no': no,
                'ja': ja, 'en': en, 'aliasRaw': alias_raw,
                'aliases': [a for raw in alias_raw for a in split_aliases(raw)] + split_aliases(ja)[1:] + split_aliases(en)[1:],
                'jaMain': (split_aliases(ja) or [''])[0], 'enMain': (split_aliases(en) or [''])[0],
                'dobRaw': dob_raw, 'dob': dob, 'nationality': nat,
                'title': rec.get('肩書等', '') or rec.get('役職', '') or rec.get('肩書', ''),
            })
    keys = [e['key'] for e in entries]
    dup = {k for k in keys if keys.count(k) > 1}
    json.dump({'source': src, 'count': len(entries), 'duplicateKeys': sorted(dup), 'entries': entries},
              open(dst, 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    print('entries', len(entries), 'duplicate keys', len(dup))

if __name__ == '__main__':
    main()
