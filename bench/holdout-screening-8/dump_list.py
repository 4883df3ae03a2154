"""Turns the workbook into list.json: key (sheet-notice), sheet title, Japanese and English names, aliases, DOB text."""
import json, os, re, sys
from read_list import read
XLSX = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../test/fixtures/mof/shisantouketsu20260305.xlsx')

def main():
    out = []
    for title, rows in read(XLSX)[1:]:
        m = re.match(r'(\d+)\.', title)
        if not m: continue
        sheet = int(m.group(1))
        hdr_i = next((i for i, r in enumerate(rows) if any(str(c).startswith('告示番号') for c in r)), None)
        if hdr_i is None: continue
        hdr = rows[hdr_i]
        def cols(*prefixes):
            return [i for i, h in enumerate(hdr) if any(str(h).startswith(p) for p in prefixes)]
        c_no = cols('告示番号')[0]
        c_jp = cols('日本語表記'); c_en = cols('英語表記')
        c_alias = cols('別名', '別称', '旧称', '確定に十分でない')
        c_dob = cols('生年月日')
        for r in rows[hdr_i + 1:]:
            r = r + [''] * (len(hdr) - len(r))
            no = re.match(r'\s*(\d+)', str(r[c_no]))
            if not no: continue
            key = '%03d-%06d' % (sheet, int(no.group(1)))
            get = lambda cs: ' | '.join(str(r[i]) for i in cs if str(r[i]).strip())
            out.append({'key': key, 'sheet': title.strip(), 'jp': get(c_jp), 'en': get(c_en),
                        'alias': get(c_alias), 'dob': get(c_dob), 'deleted': '削除' in str(r[0]) and not get(c_en)})
    json.dump(out, open('list.json', 'w'), ensure_ascii=False, indent=0)
    print(len(out), 'rows', sum(1 for o in out if not o['deleted'] and (o['en'] or o['jp'])), 'named')

main()
