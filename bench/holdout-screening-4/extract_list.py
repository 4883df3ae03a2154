# Reads the MOF xlsx with the standard library only (an xlsx is a zip of XML) -> list.json
import os, zipfile, re, json, sys, xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../test/fixtures/mof/shisantouketsu20260305.xlsx')
z = zipfile.ZipFile(src)
ss = []
root = ET.fromstring(z.read('xl/sharedStrings.xml'))
for si in root.findall('m:si', NS):
    # keep <t> directly under si and under <r>, skip <rPh> (furigana)
    parts = []
    for child in si:
        tag = child.tag.split('}')[1]
        if tag == 't': parts.append(child.text or '')
        elif tag == 'r':
            t = child.find('m:t', NS)
            if t is not None: parts.append(t.text or '')
    ss.append(''.join(parts))
wb = ET.fromstring(z.read('xl/workbook.xml'))
rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
relmap = {r.get('Id'): r.get('Target') for r in rels}
def col_idx(ref):
    letters = re.match(r'[A-Z]+', ref).group(0); n = 0
    for ch in letters: n = n * 26 + ord(ch) - 64
    return n - 1
out = []
for sh in wb.find('m:sheets', NS):
    name = sh.get('name'); rid = sh.get('{%s}id' % NS['r'])
    m = re.match(r'\s*(\d+)\.', name)
    if not m: continue
    num = int(m.group(1))
    target = relmap[rid]; path = 'xl/' + target.lstrip('/').replace('xl/', '') if not target.startswith('/xl') else target[1:]
    x = ET.fromstring(z.read(path))
    rows = []
    for row in x.iter('{%s}row' % NS['m']):
        cells = {}
        for c in row.findall('m:c', NS):
            v = c.find('m:v', NS); t = c.get('t')
            if t == 's' and v is not None: val = ss[int(v.text)]
            elif t == 'inlineStr':
                val = ''.join(tt.text or '' for tt in c.iter('{%s}t' % NS['m']))
            else: val = v.text if v is not None else None
            if val is not None: cells[col_idx(c.get('r'))] = val
        if cells: rows.append([cells.get(i) for i in range(max(cells) + 1)])
    hdr_i = next((i for i, r in enumerate(rows) if r and r[0] and '告示日付' in r[0]), None)
    if hdr_i is None: continue
    hdr = [re.sub(r'\s', '', h or '') for h in rows[hdr_i]]
    for r in rows[hdr_i + 1:]:
        d = {hdr[i]: r[i] for i in range(min(len(hdr), len(r))) if r[i] not in (None, '')}
        date = d.get('告示日付', '')
        if '削除' in date: continue
        no = d.get('告示番号')
        if not no: continue
        mm = re.match(r'\s*[*#]?\s*(\d+)', no)  # '*186' and '#22' mark the same entry listed under another regime
        if not mm: continue
        key = '%03d-%06d' % (num, int(mm.group(1)))
        out.append({'key': key, 'sheet': name.strip(), 'fields': d})
json.dump(out, open('list.json', 'w'), ensure_ascii=False, indent=0)
print(len(out))
