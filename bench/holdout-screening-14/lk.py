import json,sys,re
d=json.load(open('list.json'))
for q in sys.argv[1:]:
  for e in d:
    blob=(e['en']+' '+e['ja']+' '+json.dumps(e['aliases'],ensure_ascii=False)).lower()
    if q.lower() in blob:
      print(q,'=>',e['key'], e['en'].replace('\n',' ')[:70],'|',e['ja'].replace('\n',' ')[:25],'|',str(e['dob'])[:10])
