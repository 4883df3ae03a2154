#!/usr/bin/env python3
"""Read the MOF asset-freeze workbook (xlsx = zip of XML) with the standard library only
and dump list.json: one record per live row, keyed SSS-NNNNNN (sheet/regime number, 告示番号).

usage: python3 read_list.py [workbook.xlsx] [out.json]
"""
import datetime
import json
import re
import os
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'pr': 'http://schemas.openxmlformats.org/package/2006/relationships'}
M = '{%s}' % NS['m']


def text_of(si):
    """Concatenate <t> of an <si>/<is>, skipping furigana (<rPh>)."""
    out = []
    for child in si:
        tag = child.tag
        if tag == M + 't':
            out.append(child.text or '')
        elif tag == M + 'r':
            for t in child.findall('m:t', NS):
                out.append(t.text or '')
        # M+'rPh' and M+'phoneticPr' are skipped
    s = ''.join(out)
    return s.replace('_x000D_', '\n')


def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def load(path):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        root = ET.fromstring(z.read('xl/sharedStrings.xml'))
        shared = [text_of(si) for si in root.findall('m:si', NS)]
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    target = {r.get('Id'): r.get('Target') for r in rels.findall('pr:Relationship', NS)}
    sheets = []
    for sh in wb.find('m:sheets', NS):
        name = sh.get('name')
        rid = sh.get('{%s}id' % NS['r'])
        t = target[rid]
        t = t.lstrip('/')
        if not t.startswith('xl/'):
            t = 'xl/' + t
        root = ET.fromstring(z.read(t))
        rows = []
        for row in root.iter(M + 'row'):
            cells = {}
            for c in row.findall('m:c', NS):
                typ = c.get('t')
                v = c.find('m:v', NS)
                if typ == 's':
                    val = shared[int(v.text)] if v is not None else None
                elif typ == 'inlineStr':
                    is_ = c.find('m:is', NS)
                    val = text_of(is_) if is_ is not None else None
                else:
                    val = v.text if v is not None else None
                if val is not None:
                    cells[col_index(c.get('r'))] = val
            if cells:
                width = max(cells) + 1
                rows.append((int(row.get('r')), [cells.get(i) for i in range(width)]))
        sheets.append((name, rows))
    return sheets


INDIVIDUAL_SHEETS = {1, 5, 9, 12, 15, 17, 19, 24, 26, 29, 31, 35, 37, 42, 43}
ENTITY_SHEETS = {6, 7, 10, 13, 14, 16, 20, 22, 25, 27, 28, 30, 32, 33, 34, 36, 38, 44}
ENTITY_WORDS = re.compile(r'(?i)company|corporation|\bco\b|bank|ltd|limited|llc|inc\b|group|trust|foundation|'
                          r'organi[sz]ation|front|brigade|army|movement|network|jamaat|jama.at|party|islamic state|'
                          r'al-qa|qaida|battalion|committee|society|agency|establishment|fund|charit|relief|'
                          r'international|centre|center|office|ministry|department|forces|unit|gmbh|s\.a\.|'
                          r'会社|銀行|団体|組織|機構|協会|基金|財団|戦線|運動|旅団|部隊')


def sheet_type(sheet_no, jp, en):
    if sheet_no in INDIVIDUAL_SHEETS:
        return 'individual'
    if sheet_no in ENTITY_SHEETS:
        return 'entity'
    return 'entity' if ENTITY_WORDS.search((en or '') + ' ' + (jp or '')) else 'individual'


def norm_header(h):
    return re.sub(r'[\s\u3000]+', '', h or '')


def serial_to_date(s):
    try:
        n = float(s)
    except (TypeError, ValueError):
        return None
    if not (1000 < n < 60000) or n != int(n):
        return None
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(n))).isoformat()


def split_aliases(cell):
    """Split a prose alias cell into names. Seen forms: （別称、A、B及びC）⏎（a.k.a. X, a.k.a. Y）,
    'A; B⏎X; Y', 'A・カビール⏎ (a.k.a.: A. Kabir)'."""
    if not cell:
        return []
    s = cell.replace('\u3000', ' ')
    s = re.sub(r'[（(]?\s*(?:別称|別名|旧称|以前の呼称|以前の別名)\s*[、,:：]?', '\n', s)
    s = re.sub(r'(?i)[,，]?\s*[（(]?\s*(?:a\.k\.a|f\.k\.a|formerly known as|also known as|original script)\.?\s*[:：]?', '\n', s)
    s = re.sub(r'[（(]\s*[a-z]\s*[）)]|(?<![A-Za-z])[a-z]\)', '\n', s)
    s = re.sub(r'(?<!Co\.)(?<!Co)(?<!Inc\.)(?<!Ltd\.),\s+(?=[A-Z])', '\n', s)
    parts = re.split(r'[\n;；、]|及び|並びに|又は', s)
    res = []
    for p in parts:
        p = re.sub(r'^\s*(?:\(?[a-z]\)|[a-z]\.)\s+', '', p)   # (a) b) list markers
        p = p.strip(' \t・,.;：:（）()"“”')
        if p and p not in res and len(p) > 1:
            res.append(p)
    return res


def split_name_cell(cell):
    """英語表記 may carry aliases inline: 'Vladimir Mikheychik（a.k.a. Vladimir Mikheichik）'."""
    if not cell:
        return '', []
    main = re.split(r'[（(]\s*(?:a\.k\.a|f\.k\.a|別称|別名|旧称|original script)', cell, maxsplit=1)[0]
    rest = cell[len(main):]
    return main.strip(), split_aliases(rest)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'mof', 'shisantouketsu20260305.xlsx')
    out = sys.argv[2] if len(sys.argv) > 2 else 'list.json'
    sheets = load(src)
    records = []
    for name, rows in sheets:
        m = re.match(r'\s*(\d+)\.', name)
        if not m:
            continue
        sheet_no = int(m.group(1))
        hdr_i = None
        for i, (_, cells) in enumerate(rows):
            if cells and cells[0] and '告示日付' in norm_header(cells[0]):
                hdr_i = i
                break
        if hdr_i is None:
            continue
        headers = [norm_header(h) for h in rows[hdr_i][1]]

        def col(*names):
            for n in names:
                for i, h in enumerate(headers):
                    if h == n:
                        return i
            for n in names:
                for i, h in enumerate(headers):
                    if n in h:
                        return i
            return None
        c_no = col('告示番号')
        c_jp = col('日本語表記')
        c_en = col('英語表記')
        c_alias = [i for i, h in enumerate(headers)
                   if any(k in h for k in ('別名', '別称', '旧称', '以前の呼称', '以前の別名'))
                   and '確定に十分でない' not in h]
        c_weak = [i for i, h in enumerate(headers) if '確定に十分でない' in h]
        c_dob = col('生年月日', '生年月日・出生地')
        c_nat = col('国籍')
        c_title = col('肩書等', '肩書', '役職', '称号')
        for rnum, cells in rows[hdr_i + 1:]:
            g = lambda i: (cells[i] if i is not None and i < len(cells) else None)
            date = (g(0) or '')
            no = (g(c_no) or '').strip()
            mm = re.match(r"\s*[*#]?\s*(\d+)", no)
            if not mm:
                continue
            if '削除' in date:
                continue
            jp = (g(c_jp) or '').strip()
            en_raw = (g(c_en) or '').strip()
            if not jp and not en_raw:
                continue
            en, en_aliases = split_name_cell(en_raw)
            jp_main, jp_aliases = split_name_cell(jp)
            aliases = []
            for a in jp_aliases + en_aliases:
                if a not in aliases:
                    aliases.append(a)
            for i in c_alias:
                for a in split_aliases(g(i)):
                    if a not in aliases:
                        aliases.append(a)
            weak = []
            for i in c_weak:
                weak.extend(split_aliases(g(i)))
            dob_raw = g(c_dob)
            dob = serial_to_date(dob_raw) if dob_raw else None
            records.append({
                'key': '%03d-%06d' % (sheet_no, int(mm.group(1))),
                'sheet': sheet_no,
                'sheetName': name.strip(),
                'row': rnum,
                'no_raw': no,
                'type': sheet_type(sheet_no, jp, en),
                'jp': jp_main,
                'en': en,
                'aliases': aliases,
                'weakAliases': weak,
                'dob': dob,
                'dobRaw': dob_raw if dob is None else None,
                'nationality': (g(c_nat) or '').strip() or None,
                'title': (g(c_title) or '').strip() or None,
                'jpRaw': jp,
                'enRaw': en_raw,
            })
    keys = [r['key'] for r in records]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        print('duplicate keys:', sorted(dup), file=sys.stderr)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(records, f, ensure_ascii=False, indent=1)
    by = {}
    for r in records:
        by[r['sheet']] = by.get(r['sheet'], 0) + 1
    print(len(records), 'live rows;', by, file=sys.stderr)


if __name__ == '__main__':
    main()
