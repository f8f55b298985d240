#!/usr/bin/env python3
"""Adds texts to both resource files, keeping <data> entries sorted by key (ordinal, as ResourceTests expect).

Usage: scripts/add-texts.py KEYS.tsv   (each line: Key<TAB>English<TAB>Polish; an existing key is replaced)
"""
import html, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "src/Supportal/Resources"
rows = [l.rstrip("\n").split("\t") for l in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if l.strip()]
for row in rows:
    if len(row) != 3:
        sys.exit(f"expected Key<TAB>English<TAB>Polish: {row}")

entry = re.compile(r'  <data name="([^"]+)" xml:space="preserve"><value>.*?</value></data>\n', re.S)
for index, name in ((1, "SharedResource.resx"), (2, "SharedResource.pl.resx")):
    path = root / name
    text = path.read_text(encoding="utf-8")
    entries = {m.group(1): m.group(0) for m in entry.finditer(text)}
    first = entry.search(text).start()
    last = text.index("</root>")
    for row in rows:
        value = html.escape(row[index], quote=False)
        entries[row[0]] = f'  <data name="{row[0]}" xml:space="preserve"><value>{value}</value></data>\n'
    body = "".join(entries[k] for k in sorted(entries, key=lambda k: k.encode("utf-8")))
    path.write_text(text[:first] + body + text[last:], encoding="utf-8")
print(f"{len(rows)} texts added")
