#!/usr/bin/env python3
"""Read the MOF asset-freeze workbook (xlsx = zip of XML) with the standard library only
and dump list.json: one record per live row, keyed SSS-NNNNNN (sheet number + 告示番号)."""
import json, re, sys, zipfile, datetime
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
M = '{%s}' % NS['m']

def si_text(si):
    # concatenate <t> of the si and of its <r> runs, skipping <rPh> (furigana)
    out = []
    for child in si:
        if child.tag == M + 't':
            out.append(child.text or '')
        elif child.tag == M + 'r':
            for t in child.iter(M + 't'):
                out.append(t.text or '')
    return ''.join(out)

def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

def read(path):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        root = ET.fromstring(z.read('xl/sharedStrings.xml'))
        shared = [si_text(si) for si in root.findall('m:si', NS)]
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    relmap = {r.get('Id'): r.get('Target') for r in rels}
    sheets = []
    for s in wb.find('m:sheets', NS):
        rid = s.get('{%s}id' % NS['r'])
        target = relmap[rid].lstrip('/')
        if not target.startswith('xl/'):
            target = 'xl/' + target
        sheets.append((s.get('name'), target))
    out = {}
    for name, target in sheets:
        root = ET.fromstring(z.read(target))
        rows = []
        for row in root.iter(M + 'row'):
            cells = {}
            for c in row.findall(M + 'c'):
                t = c.get('t')
                v = c.find(M + 'v')
                if t == 's' and v is not None:
                    val = shared[int(v.text)]
                elif t == 'inlineStr':
                    is_ = c.find(M + 'is')
                    val = si_text(is_) if is_ is not None else ''
                else:
                    val = v.text if v is not None else ''
                cells[col_index(c.get('r'))] = val
            if cells:
                width = max(cells) + 1
                rows.append([cells.get(i, '') for i in range(width)])
            else:
                rows.append([])
        out[name] = rows
    return out

def norm_header(h):
    return re.sub(r'[\s\u3000]+', '', h or '')

def excel_date(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    if 1000 < f < 60000:
        d = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(f))
        return d.isoformat()
    return None

def parse_dob(raw):
    """Return (iso list, raw text)."""
    if raw is None:
        return [], ''
    raw = str(raw).strip()
    iso = []
    d = excel_date(raw)
    if d:
        return [d], raw
    t = raw.translate(str.maketrans('０１２３４５６７８９', '0123456789'))
    for m in re.finditer(r'(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})', t):
        y, mo, da = map(int, m.groups())
        try:
            iso.append(datetime.date(y, mo, da).isoformat())
        except ValueError:
            pass
    return iso, raw

def main(path, dest):
    book = read(path)
    records = []
    for sname, rows in book.items():
        m = re.match(r'\s*(\d+)\.', sname)
        if not m:
            continue
        sheet_no = int(m.group(1))
        hdr_i = None
        for i, r in enumerate(rows[:10]):
            if r and norm_header(r[0]) == '告示日付':
                hdr_i = i
                break
        if hdr_i is None:
            continue
        headers = [norm_header(h) for h in rows[hdr_i]]
        def col(*names):
            for n in names:
                for i, h in enumerate(headers):
                    if h == n:
                        return i
            return None
        c_no = col('告示番号'); c_ja = col('日本語表記'); c_en = col('英語表記')
        alias_cols = [i for i, h in enumerate(headers) if ('別名' in h or '別称' in h or '旧称' in h or '以前の呼称' in h)]
        c_dob = col('生年月日', '生年月日・出生地')
        c_nat = col('国籍')
        c_title = col('肩書等', '肩書', '役職', '称号')
        c_addr = col('所在地', '住所・所在地', '住所', '住所等', '活動地域・住所')
        for r in rows[hdr_i + 1:]:
            if not r:
                continue
            g = lambda i: (r[i] if i is not None and i < len(r) else '') or ''
            date = g(0)
            if '削除' in date:
                continue
            no_raw = str(g(c_no)).strip()
            ja, en = g(c_ja).strip(), g(c_en).strip()
            if not (ja or en):
                continue
            nm = re.match(r'[*#]?\s*(\d+)', no_raw)
            if not nm:
                continue
            num = int(nm.group(1))
            key = '%03d-%06d' % (sheet_no, num)
            iso, dob_raw = parse_dob(g(c_dob))
            records.append({
                'key': key, 'sheet': sheet_no, 'sheetName': sname.strip(), 'noticeNoRaw': no_raw,
                'date': date, 'nameJa': ja, 'nameEn': en,
                'aliases': [g(i).strip() for i in alias_cols if g(i).strip()],
                'dob': iso, 'dobRaw': dob_raw, 'nationality': g(c_nat).strip(),
                'title': g(c_title).strip(), 'address': g(c_addr).strip(),
            })
    keys = [x['key'] for x in records]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    json.dump(records, open(dest, 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    print('records', len(records), 'duplicate keys', dups[:20], file=sys.stderr)

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/fixtures/mof/shisantouketsu20260305.xlsx',
         sys.argv[2] if len(sys.argv) > 2 else 'list.json')
