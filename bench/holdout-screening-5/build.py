#!/usr/bin/env python3
"""Build queries.csv from src/*.txt (hand-written) with checks against the list.
Lines: kind|name|dob|country|entityType|expected keys|note ; dob 'L' = take the list's full date for the first key."""
import json, re, unicodedata, datetime, difflib, glob, csv, sys, collections
E = json.load(open('entries.json'))
BY = {e['key']: e for e in E}

def list_dob(e):
    v = (e.get('生年月日') or '').strip()
    if re.fullmatch(r'\d{4,5}', v):
        return (datetime.date(1899,12,30)+datetime.timedelta(days=int(v))).isoformat()
    m = re.fullmatch(r'(\d{4})/(\d{1,2})/(\d{1,2})', v)
    if m: return '%s-%02d-%02d' % (m.group(1), int(m.group(2)), int(m.group(3)))
    return ''

CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў',
 ['a','b','v','g','d','e','e','zh','z','i','y','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya','i','yi','ye','g','u']))
I = ['g','kk','n','d','tt','r','m','b','pp','s','ss','','j','jj','ch','k','t','p','h']
V = ['a','ae','ya','yae','eo','e','yeo','ye','o','wa','wae','oe','yo','u','wo','we','wi','yu','eu','ui','i']
F = ['','k','k','ks','n','nj','nh','t','l','lk','lm','lb','ls','lt','lp','lh','m','p','ps','t','t','ng','t','t','k','t','p','t']
def hangul(s):
    out=[]
    for ch in s:
        c=ord(ch)
        if 0xAC00<=c<=0xD7A3:
            c-=0xAC00; out.append(I[c//588]+V[(c%588)//28]+F[c%28])
        else: out.append(ch)
    return ''.join(out)
def fold(s):
    s = unicodedata.normalize('NFKC', s).lower()
    s = ''.join(CYR.get(ch, ch) for ch in s)
    s = hangul(s)
    s = ''.join(unicodedata.normalize('NFKD', ch) if ord(ch) < 0x2000 else ch for ch in s)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[’'`ʼ‘]", '', s)
    s = re.sub(r'[^\w]+', ' ', s)
    return ' '.join(s.split())
def tokset(s): return ' '.join(sorted(fold(s).split()))

NAMECOLS = ('日本語表記','英語表記')
def names_of(e):
    out=set()
    for f,v in e.items():
        if f in NAMECOLS or f.startswith('別') or f.startswith('旧') or f.startswith('確定') or f.startswith('以前') or f.startswith('過去'):
            v = re.sub(r'original scri?pt\s*[:：]', ';', v, flags=re.I)
            v = re.sub(r'a\.k\.a\.?|f\.k\.a\.?|（別称、|別称|旧称|旧姓|nee,', ';', v)
            out.add(v.strip())
            for part in re.split(r'[;；\n/、,，()（）「」“”]|\s及び\s|及び|\(\w\)', v):
                part = part.strip(' .:：-')
                if len(part) >= 2: out.add(part)
    return {n for n in out if fold(n)}
NAMES = {k: names_of(e) for k,e in BY.items()}
ALLN = [(k, n, tokset(n)) for k,ns in NAMES.items() for n in ns]
TOK2 = collections.defaultdict(set)
for k,n,t in ALLN: TOK2[t].add(k)

# same-entity twins across sheets: identical folded primary English (or Japanese if no English) name and DOB
grp = collections.defaultdict(set)
for k,e in BY.items():
    nm = e.get('英語表記') or e.get('日本語表記') or ''
    nm = re.split(r'[（(]original|（a\.k\.a|\(a\.k\.a', nm)[0]
    if fold(nm): grp[(tokset(nm), list_dob(e))].add(k)
TWIN = {k: ks for ks in grp.values() for k in ks}

rows=[]; problems=[]
for path in sorted(glob.glob('src/*.txt')):
    for ln in open(path, encoding='utf-8'):
        ln = ln.rstrip('\n')
        if not ln.strip(): continue
        p = ln.split('|')
        if len(p) != 7: problems.append(('FORMAT', ln)); continue
        kind,name,dob,country,et,keys,note = p
        keys = keys.split()
        for k in keys:
            if k not in BY: problems.append(('NOKEY', ln))
        exp=[]
        for k in keys:
            for t in sorted(TWIN.get(k,{k})):
                if t not in exp: exp.append(t)
        if dob == 'L':
            dob = list_dob(BY[keys[0]]) if keys else ''
        rows.append(dict(kind=kind,name=name,dob=dob,country=country,entityType=et,expected=' '.join(exp),note=note,src=path))

# checks
VOCAB = collections.defaultdict(set)
for i,(k,n,t) in enumerate(ALLN):
    for w in t.split(): VOCAB[w].add(i)
VL = list(VOCAB)
def near(q):
    fq = fold(q); tq = tokset(q); qt = fq.split()
    cand=set()
    for w in qt:
        for m in difflib.get_close_matches(w, VL, n=8, cutoff=0.8): cand |= VOCAB[m]
    hits=[]
    for k,n,t in (ALLN[i] for i in cand):
        if t == tq: hits.append((1.0,k,n)); continue
        r = difflib.SequenceMatcher(None, tq, t).ratio()
        if r >= 0.82: hits.append((round(r,3),k,n))
    hits.sort(reverse=True)
    return hits[:3]
drop=[]; flagged=[]
seen=collections.Counter(r['name'] for r in rows)
for r in rows:
    if seen[r['name']]>1 and r['kind']!='latin': problems.append(('DUPNAME', r['name']))
    tq = tokset(r['name'])
    if r['expected']:
        exact = [k for k in r['expected'].split() if any(tokset(n)==tq for n in NAMES[k])]
        if exact: problems.append(('TRIVIAL', r['kind'], r['name'], exact))
    else:
        if tq in TOK2: drop.append((r['name'], sorted(TOK2[tq]))); r['drop']=True; continue
        h = near(r['name'])
        if h: flagged.append((r['name'], h))
json.dump(dict(problems=problems, drop=drop, flagged=flagged), open('check.json','w'), ensure_ascii=False, indent=1)
for p in problems: print('PROBLEM', p)
for d in drop: print('DROP', d)
print('flagged', len(flagged))
rows=[r for r in rows if not r.get('drop')]
# ids: interleave deterministic
cnt=collections.Counter(r['kind'] for r in rows); print(dict(cnt), 'total', len(rows))
with open('queries.csv','w',newline='',encoding='utf-8') as f:
    w=csv.writer(f); w.writerow(['id','kind','name','dob','country','entityType','expected','note'])
    n=collections.Counter()
    for r in rows:
        n[r['kind']]+=1
        w.writerow(['%s-%03d'%(r['kind'][:3].upper(), n[r['kind']]), r['kind'], r['name'], r['dob'], r['country'], r['entityType'], r['expected'], r['note']])
