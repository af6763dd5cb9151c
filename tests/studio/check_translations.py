#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that a Qt Linguist .ts file is a complete translation: every message has a
finished, non-empty translation (plural forms included), and the placeholders %1, %2, …
and %n of the source appear in the translation."""
import re
import sys
import xml.etree.ElementTree as ET


def placeholders(text):
    return sorted(set(re.findall(r"%(?:\d+|n)", text or "")))


def main(path):
    root = ET.parse(path).getroot()
    problems = []
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"{name}: {source[:60]!r}"
            if translation is None:
                problems.append(f"{where}: no translation")
                continue
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{where}: translation is {kind}")
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            for form in forms:
                if not form.strip():
                    problems.append(f"{where}: empty translation")
                    break
                missing = set(placeholders(source)) - set(placeholders(form)) - {"%n"}
                if missing:
                    problems.append(f"{where}: translation lacks {', '.join(sorted(missing))}")
                    break
    if count == 0:
        problems.append("no messages at all")
    for p in problems:
        print(p)
    print(f"{path}: {count} messages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
