# Builds queries.csv from hand-written query lines in q_*.txt.
# Line format: kind|name|dob|country|entityType|target|note
#   target: "k:KEY[ KEY]" explicit keys, "r:REGEX" (resolved against the list's Japanese/English names and aliases;
#   must hit exactly one entity, or several rows with the same English name = a multi-listed entity), "-" = unlisted.
#   "x" = dropped (found to be listed); keeps its id reserved so ids stay stable.
#   dob "@" = take the date of birth from the list entry (only where the list has a full date).
import json, re, csv, glob, sys, datetime, unicodedata
L = json.load(open('list.json'))
def names(e):
    f = e['fields']; out = []
    for k, v in f.items():
        if k in ('日本語表記', '英語表記') or '別' in k or '旧' in k: out.append(v.replace('\n', ' '))
    return ' ¦ '.join(out)
def en(e):
    s = (e['fields'].get('英語表記') or e['fields'].get('日本語表記') or '')
    s = re.split(r'[（(]\s*original script', s, flags=re.I)[0]
    return re.sub(r'[\s\u3000]+', ' ', s).strip().lower()
def dob(e):
    f = e['fields']; d = f.get('生年月日') or ''
    if re.fullmatch(r'\d{4,5}', d.strip()):
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(d))).isoformat()
    return None
byKey = {e['key']: e for e in L}
rows = []; errs = 0; n = 0
for fn in sorted(glob.glob('q_*.txt')):
    for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        p = line.split('|')
        if len(p) < 6: print('BAD', fn, ln, line); errs += 1; continue
        kind, name, d, country, et, target = p[:6]; note = p[6] if len(p) > 6 else ''
        keys = []
        if target == 'x':   # dropped after the unlisted check found it listed; the id number stays reserved
            n += 1; continue
        if target.startswith('k:'): keys = target[2:].split()
        elif target.startswith('r:'):
            rx = re.compile(target[2:], re.I)
            hits = [e for e in L if any(rx.search(x.strip()) for x in names(e).split(' ¦ '))]
            ens = {en(e) for e in hits}
            if not hits or len(ens) > 1:
                print('RESOLVE', fn, ln, name, target, [(e['key'], en(e)[:40]) for e in hits[:6]]); errs += 1; continue
            keys = [e['key'] for e in hits]
        elif target == '-': keys = []
        else: print('TARGET?', fn, ln, line); errs += 1; continue
        # a person or entity listed under several regimes (same English name in another sheet) counts as found
        for k in list(keys):
            if k in byKey:
                for e in L:
                    if e['key'][:3] != k[:3] and en(e) == en(byKey[k]) and e['key'] not in keys: keys.append(e['key'])
        for k in keys:
            if k not in byKey: print('NOKEY', fn, ln, k); errs += 1
        if d == '@':
            ds = {dob(byKey[k]) for k in keys if k in byKey} - {None}
            d = ds.pop() if len(ds) == 1 else ''
        n += 1
        rows.append(dict(id='H4-%04d' % n, kind=kind, name=name, dob=d, country=country, entityType=et,
                         expected=' '.join(keys), note=note))
if errs: print(errs, 'errors'); sys.exit(1)
with open('queries.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.DictWriter(f, fieldnames=['id', 'kind', 'name', 'dob', 'country', 'entityType', 'expected', 'note'])
    w.writeheader(); w.writerows(rows)
import collections
c = collections.Counter(r['kind'] for r in rows); print(dict(c), 'total', len(rows))
lst = [r for r in rows if r['expected']]
print('listed', len(lst), 'distinct entries', len({r['expected'] for r in lst}),
      'regimes', collections.Counter(r['expected'][:3] for r in lst))
