import json,sys,datetime
E={e['key']:e for e in json.load(open('entries.json'))}
def dob(v):
    try:
        n=int(v); return (datetime.date(1899,12,30)+datetime.timedelta(days=n)).isoformat()
    except: return v
for k in sys.argv[1:]:
    e=E.get(k)
    if not e: print(k,'MISSING');continue
    out=[]
    for f,v in e.items():
        if f in('告示日付','key','sheet'):continue
        if f in ('住所・所在地','所在地','住所','その他の情報','外務省告示情報','詳細','電話','FAX','電話番号','リスト掲載日','国連制裁員会による指定日','国連制裁委員会による指定日'): v=v[:60]
        if f=='生年月日': v=dob(v)
        out.append('%s=%s'%(f,v.replace('\n',' / ')))
    print(k,' | '.join(out)); print()
