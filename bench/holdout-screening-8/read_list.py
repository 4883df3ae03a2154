"""Reads the MOF xlsx (a zip of XML) with the standard library; writes list.json (one record per row)."""
import zipfile, re, json, sys, xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
RNS = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'

def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters: n = n * 26 + ord(ch) - 64
    return n - 1

def read(path):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    target = {r.get('Id'): r.get('Target') for r in rels}
    sheets = []
    for s in wb.find('m:sheets', NS):
        t = target[s.get(RNS)]
        t = t.lstrip('/') if t.startswith('/') else 'xl/' + t
        rows = []
        for row in ET.fromstring(z.read(t)).iter('{%s}row' % NS['m']):
            cells = {}
            for c in row.findall('m:c', NS):
                v = c.find('m:v', NS); typ = c.get('t')
                if typ == 's' and v is not None: val = shared[int(v.text)]
                elif typ == 'inlineStr': val = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
                else: val = v.text if v is not None else ''
                cells[col_index(c.get('r'))] = val
            if cells:
                rows.append([cells.get(i, '') for i in range(max(cells) + 1)])
        sheets.append((s.get('name'), rows))
    return sheets

if __name__ == '__main__':
    for name, rows in read(sys.argv[1])[:4]:
        print('==', name)
        for r in rows[:5]: print(r)
