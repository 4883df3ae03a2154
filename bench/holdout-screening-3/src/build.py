import sys, re, csv, unicodedata, importlib, difflib, json
sys.path.insert(0,'/work/holdout3/tmp'); sys.path.insert(0,'/work/holdout3/src')
from idx import BY, dob, same, d
KINDS=[('cyrillic','pos_cyr'),('korean','pos_kor'),('arabic','pos_ara'),('legal','pos_leg'),('partial','pos_par'),
       ('katakana','pos_kat'),('latin','pos_lat'),('chinese','pos_chi')]
NEG=['neg_ru','neg_ko','neg_ar','neg_other','neg_co']
CYR=dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў',
 ['a','b','v','g','d','e','e','zh','z','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya','i','i','ie','g','u']))
def lat(s):
    s=unicodedata.normalize('NFKC',s).lower()
    s=''.join(CYR.get(c,c) for c in s)
    s=unicodedata.normalize('NFKD',s); s=''.join(c for c in s if not unicodedata.combining(c))
    return s
def toks(s):
    s=lat(s); s=re.sub(r"['’`‘]",'',s)
    return [t for t in re.split(r'[^0-9a-z\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0600-\u06ff]+',s) if t]
def skel(t):
    t=t.replace('kh','h').replace('ph','f').replace('w','v').replace('y','i').replace('j','i').replace('dzh','i').replace('zh','i')
    t=t.replace('eo','o').replace('eu','u').replace('oo','u').replace('ee','i').replace('ae','e').replace('ch','c').replace('k','g').replace('p','b').replace('t','d')
    t=re.sub(r'(.)\1+',r'\1',t)
    if t in ('lee','li','i','ri','rhee','yi','ri'): t='ri'
    if t in ('bag','bak','bag','parg','barg','pak','park'): t='bag'
    return t
# listed names
NAMES=[]  # (key, raw, tokens)
def split_alias(v):
    v=re.sub(r'（別称）|（旧称）|\(a\.k\.a\.|a\.k\.a\.|f\.k\.a\.|別称、|旧称、|別称|旧称','；',v)
    return [p for p in re.split(r'[;；、\n]|及び|\)\s*\(|）\s*（',v) if p.strip()]
for r in d:
    vals=[]
    for k,v in r.items():
        if k in ('key','sheet') or not isinstance(v,str): continue
        if k in ('日本語表記','英語表記'): vals.append(v); vals += split_alias(v)
        elif re.search('別|旧称',k): vals += split_alias(v)
    for v in vals:
        v=re.sub(r'original script[:：]?','',v)
        for part in [v]+re.split(r'[()（）]',v):
            tk=toks(part)
            if tk: NAMES.append((r['key'],part.strip(),tk))
NAMES=sorted(set((k,raw,tuple(tk)) for k,raw,tk in NAMES))
KJ={}
def jnorm(s): return re.sub(r'[\s・･=＝\-ー　]','',unicodedata.normalize('NFKC',s))
for k,raw,tk in NAMES: KJ.setdefault(jnorm(raw),set()).add(k)
def check(name, chk=None):
    q=toks(chk or name); out=[]
    if not q: return out
    if jnorm(name) in KJ: out.append(('EXACT',sorted(KJ[jnorm(name)]),name))
    qs=[skel(t) for t in q]
    for k,raw,tk in NAMES:
        ts=[skel(t) for t in tk]
        if sorted(qs)==sorted(ts): out.append(('EQUAL',k,raw)); continue
        if len(qs)>=2 and all(t in ts for t in qs): out.append(('SUBSET',k,raw)); continue
        if len(qs)>=2 and len(ts)>=2 and len(set(x[:1] for x in qs)&set(x[:1] for x in ts))>=min(2,len(qs)):
            ok=all(max(difflib.SequenceMatcher(None,a,b).ratio() for b in ts)>=0.84 for a in qs)
            if ok: out.append(('FUZZY',k,raw))
    return out
def load():
    rows=[]
    for kind,mod in KINDS:
        for t in importlib.import_module(mod).Q:
            if t[1] is None: continue
            rows.append((kind,)+t)
    for mod in NEG:
        for t in importlib.import_module(mod).Q:
            if t[2] is None: continue
            rows.append(('unlisted',)+t)
    return rows
if __name__=='__main__':
    rows=load()
    mode=sys.argv[1] if len(sys.argv)>1 else 'check'
    if mode=='neg':
        for r in rows:
            if r[0]!='unlisted': continue
            m=re.search(r'chk ([^;(]+)',r[6] or '')
            res=check(r[1], m.group(1).strip() if m else None)
            if res: print(r[1],'|',r[6],'=>',res[:4])
    if mode=='pos':
        for r in rows:
            if r[0]=='unlisted': continue
            keys=r[2].split()
            for k in keys:
                if k not in BY: print('BADKEY',r)
            res=[(sorted(KJ[jnorm(r[1])]))] if jnorm(r[1]) in KJ else []
            if res: print('TRIVIAL?',r[0],r[1],res)
    if mode=='show':
        for r in rows:
            if r[0]=='unlisted' or (len(sys.argv)>2 and r[0]!=sys.argv[2]): continue
            k=r[2].split()[0]
            print(r[0][:4],'|',r[1],'|',k,(BY[k].get('英語表記') or '')[:40].replace('\n',' '),'|',(BY[k].get('日本語表記') or '')[:25])

def emit(path):
    rows=load(); out=[]; n=0
    for r in rows:
        kind,name,keys,dobv,country,et,note=r
        n+=1
        if kind!='unlisted':
            ks=[]
            for k in keys.split():
                for x in same(k):
                    if x not in ks: ks.append(x)
            if dobv=='L': dobv=dob(keys.split()[0])
            keys=' '.join(ks)
        else:
            keys=''
        out.append(dict(id='h3q%04d'%n,kind=kind,name=name,dob=dobv or '',country=country or '',entityType=et or '',expected=keys,note=note or ''))
    with open(path,'w',newline='') as f:
        w=csv.DictWriter(f,fieldnames=['id','kind','name','dob','country','entityType','expected','note']); w.writeheader(); w.writerows(out)
    return out
if __name__=='__main__' and mode=='emit':
    import collections
    out=emit('/work/holdout3/queries.csv')
    print(len(out), collections.Counter(o['kind'] for o in out))
    print('with dob',sum(1 for o in out if o['dob']),'with country',sum(1 for o in out if o['country']))
    print('distinct expected entries',len(set(k for o in out for k in o['expected'].split())))
    print('regimes',collections.Counter(k[:3] for o in out for k in o['expected'].split()[:1]))
