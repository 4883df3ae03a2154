import zipfile,re,json,sys
import xml.etree.ElementTree as ET
NS={'m':'http://schemas.openxmlformats.org/spreadsheetml/2006/main','r':'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
z=zipfile.ZipFile('/work/shared/fixtures/mof/shisantouketsu20260305.xlsx')
ss=[]
root=ET.fromstring(z.read('xl/sharedStrings.xml'))
M='{%s}'%NS['m']
for si in root.findall('m:si',NS):
    t=''
    for el in si:
        if el.tag==M+'t': t+=el.text or ''
        elif el.tag==M+'r':
            for tt in el.findall('m:t',NS): t+=tt.text or ''
    ss.append(t)
wb=ET.fromstring(z.read('xl/workbook.xml'))
rels=ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
rmap={r.get('Id'):r.get('Target') for r in rels}
def col(ref):
    c=re.match(r'[A-Z]+',ref).group(0);n=0
    for ch in c:n=n*26+ord(ch)-64
    return n-1
out=[]
for sh in wb.find('m:sheets',NS):
    name=sh.get('name');rid=sh.get('{%s}id'%NS['r'])
    m=re.match(r'(\d+)\.',name)
    if not m: continue
    num=int(m.group(1))
    x=ET.fromstring(z.read('xl/'+rmap[rid].lstrip('/').replace('xl/','')))
    rows=[]
    for row in x.iter(M+'row'):
        cells={}
        for c in row.findall('m:c',NS):
            v=c.find('m:v',NS);t=c.get('t')
            if t=='s' and v is not None: val=ss[int(v.text)]
            elif t=='inlineStr':
                val=''.join(tt.text or '' for tt in c.iter(M+'t'))
            else: val=v.text if v is not None else ''
            cells[col(c.get('r'))]=val
        rows.append(cells)
    hdr=None
    for r in rows:
        if hdr is None:
            if r.get(0,'').strip()=='告示日付': hdr={i:re.sub(r'[\s\u3000]','',v) for i,v in r.items()}
            continue
        d={hdr.get(i,str(i)):v for i,v in r.items() if v}
        if not d: continue
        if '削除' in d.get('告示日付',''): continue
        no=d.get('告示番号','')
        mm=re.search(r'(\d+)',no)
        if not mm: continue
        d['key']='%03d-%06d'%(num,int(mm.group(1)))
        d['sheet']=num
        out.append(d)
json.dump(out,open('entries.json','w'),ensure_ascii=False,indent=0)
print(len(out))
