"""Group listed keys that are the same person/entity on several sheets (same normalised name, compatible DOB)."""
import json, re, unicodedata, collections
def nen(s):
    s = unicodedata.normalize('NFKC', s or '').lower()
    s = re.sub(r'\(.*?\)|（.*?）', ' ', s)
    return ''.join(ch for ch in s if ch.isalnum())
def njp(s):
    s = unicodedata.normalize('NFKC', s or '')
    return re.sub(r'[\s・=＝\-ー]', '', s)
def load(path='list.json'):
    L = json.load(open(path, encoding='utf-8'))
    by = {e['key']: e for e in L}
    idx = collections.defaultdict(set)
    for e in L:
        if len(nen(e['en'])) >= 4: idx['en:' + nen(e['en'])].add(e['key'])
        if len(njp(e['jp'])) >= 3: idx['jp:' + njp(e['jp'])].add(e['key'])
    parent = {k: k for k in by}
    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]; k = parent[k]
        return k
    for ks in idx.values():
        ks = sorted(ks)
        for k in ks[1:]:
            a, b = by[ks[0]], by[k]
            if a['dob'] and b['dob'] and a['dob'] != b['dob']:
                continue
            if a['sheet'] == b['sheet']:
                continue
            parent[find(k)] = find(ks[0])
    # same DOB (full date) + a shared name token of 4+ letters + the same surname (last English or Japanese part), different sheets
    def toks(e):
        t = unicodedata.normalize('NFKC', e['en'] + ' ' + ' '.join(e.get('aliasesEn') or [])).lower()
        return {w for w in re.findall(r'[a-z]{4,}', t)}
    def last_en(e):
        t = re.findall(r'[a-z]+', re.sub(r'\(.*?\)|（.*?）', ' ', unicodedata.normalize('NFKC', e['en']).lower()))
        return t[-1] if t else None
    def last_jp(e):
        t = [p for p in re.split(r'[・\s（）()]', unicodedata.normalize('NFKC', e['jp'])) if p]
        return t[-1] if len(t) > 1 else None
    bydob = collections.defaultdict(list)
    for e in L:
        if e['dob'] and e['type'] != 'entity':
            bydob[e['dob']].append(e)
    for d, es in bydob.items():
        for i in range(len(es)):
            for j in range(i + 1, len(es)):
                a, b = es[i], es[j]
                if a['sheet'] != b['sheet'] and toks(a) & toks(b) and (last_en(a) == last_en(b) or last_jp(a) == last_jp(b)):
                    parent[find(b['key'])] = find(a['key'])
    grp = collections.defaultdict(set)
    for k in by: grp[find(k)].add(k)
    return by, {k: sorted(grp[find(k)]) for k in by}
if __name__ == '__main__':
    by, g = load()
    seen = set()
    for k, ks in sorted(g.items()):
        if len(ks) > 1 and ks[0] not in seen:
            seen.add(ks[0]); print(';'.join(ks), by[ks[0]]['en'][:50], by[ks[0]]['jp'][:20])
