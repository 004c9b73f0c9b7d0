"""Turn the team-written *.marked.txt notes into *.jsonl gold files with character offsets.

    python tests/data/phi/build_gold.py      # rewrites oncology_notes_{en,fr}.jsonl next to this file

Markers: {{TYPE|text}}; a line "@terms: a; b" lists clinical terms that must survive; "---" separates notes;
lines starting with "#" before the first note are comments.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_MARK = re.compile(r"\{\{([A-Z_]+)\|([^{}]+)\}\}")


def parse_marked(source: str) -> list[dict]:
    notes = []
    body = "\n".join(line for line in source.splitlines() if not line.startswith("#"))
    for block in body.split("\n---\n"):
        lines = [line for line in block.strip("\n").splitlines()]
        terms = [
            t.strip()
            for line in lines
            if line.startswith("@terms:")
            for t in line[7:].split(";")
            if t.strip()
        ]
        marked = "\n".join(line for line in lines if not line.startswith("@terms:")).strip()
        text, spans, cursor = "", [], 0
        for m in _MARK.finditer(marked):
            text += marked[cursor : m.start()]
            start = len(text)
            text += m.group(2)
            spans.append({"start": start, "end": len(text), "type": m.group(1)})
            cursor = m.end()
        text += marked[cursor:]
        for term in terms:
            if term not in text:
                raise ValueError(f"clinical term {term!r} is not in note: {text[:60]!r}")
        for span in spans:
            assert "{{" not in text[span["start"] : span["end"]]
        notes.append({"text": text, "spans": spans, "clinical_terms": terms})
    return notes


def main() -> int:
    for lang in ("en", "fr"):
        notes = parse_marked((HERE / f"oncology_notes_{lang}.marked.txt").read_text(encoding="utf-8"))
        out = HERE / f"oncology_notes_{lang}.jsonl"
        out.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes), encoding="utf-8")
        print(f"{out.name}: {len(notes)} notes, {sum(len(n['spans']) for n in notes)} spans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
