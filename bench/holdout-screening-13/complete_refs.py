#!/usr/bin/env python3
"""Complete src/*.txt in place: expand each ref to every key of the same person/company
(found on other sheets by tools_index.GROUP), fill dob "@" from the list, and print a check
line (query -> listed primary names) for a human to read. Lines starting with # are kept."""
import sys, glob, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tools_index as T

def main(files, show=True):
    bad = 0
    for path in files:
        out = []
        for line in open(path, encoding='utf-8').read().splitlines():
            if not line.strip() or line.startswith('#'):
                out.append(line); continue
            parts = line.split('|')
            if len(parts) != 6:
                print('BAD FIELDS', path, line); bad += 1; out.append(line); continue
            name, dob, cc, typ, ref, note = parts
            keys = [k.strip() for k in ref.split(';') if k.strip()]
            full = set()
            for k in keys:
                if k not in T.BYKEY:
                    print('UNKNOWN KEY', path, line); bad += 1; continue
                full.update(T.same(k))
            full = sorted(full)
            if dob == '@':
                d = T.BYKEY[keys[0]]['dob']
                dob = d[0] if d else ''
            if dob and keys and not any(dob in T.BYKEY[k]['dob'] for k in full):
                print('DOB NOT IN LIST', path, line); bad += 1
            out.append('|'.join([name, dob, cc, typ, ';'.join(full), note]))
            if show:
                r = T.BYKEY[full[0]] if full else None
                print(os.path.basename(path)[:6], name[:45].ljust(45), '->', ';'.join(full), (r['nameEn'].split('\n')[0][:40] + ' / ' + r['nameJa'][:20].replace('\n', ' ')) if r else '')
        open(path, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
    print('problems:', bad)

if __name__ == '__main__':
    args = sys.argv[1:]
    show = '--quiet' not in args
    files = [a for a in args if a != '--quiet'] or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'src', '*.txt')))
    files = [f for f in files if 'unlisted' not in os.path.basename(f)]
    main(files, show)
