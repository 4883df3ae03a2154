# Flags listed queries that are a trivial copy (same letters after case/space/punctuation folding) of a listed name or alias.
import json, csv, re, unicodedata
L = json.load(open('list.json'))
def norm(s): return re.sub(r'[\W_]+', '', unicodedata.normalize('NFKC', s).lower())
segs = set()
for e in L:
    for k, v in e['fields'].items():
        if k in ('日本語表記', '英語表記') or '別' in k or '旧' in k:
            for seg in re.split(r'[;；、,，\n]|a\.k\.a\.|f\.k\.a\.|及び|（|）|\(|\)', v):
                if seg.strip(): segs.add(norm(seg))
for r in csv.DictReader(open('queries.csv', encoding='utf-8')):
    if r['expected'] and norm(r['name']) in segs: print(r['id'], r['kind'], r['name'])
