#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files.

Usage: tools/resx.py < strings.tsv      (lines: key<TAB>English<TAB>中文)
       tools/resx.py --check            (both files hold the same keys; exit 1 if not)

Web/Resources/SharedResource.resx is the English (neutral) set, SharedResource.zh-CN.resx the Chinese one.
Entries are kept sorted by key so diffs stay small.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "Web" / "Resources"
FILES = {"en": ROOT / "SharedResource.resx", "zh": ROOT / "SharedResource.zh-CN.resx"}
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not path.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def save(path, entries):
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(
        f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(v)}</value></data>\n' for k, v in sorted(entries.items()))
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")


def main():
    sets = {lang: load(p) for lang, p in FILES.items()}
    if "--check" in sys.argv:
        missing = set(sets["en"]) ^ set(sets["zh"])
        for k in sorted(missing):
            print(f"only in {'en' if k in sets['en'] else 'zh'}: {k}")
        sys.exit(1 if missing else 0)
    for n, line in enumerate(sys.stdin, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"line {n}: expected key<TAB>en<TAB>zh, got {line!r}")
        key, en, zh = parts
        sets["en"][key] = en
        sets["zh"][key] = zh
    for lang, p in FILES.items():
        save(p, sets[lang])


if __name__ == "__main__":
    main()
