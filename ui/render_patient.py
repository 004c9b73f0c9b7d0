"""HTML for the Patients tab: the de-identification preview and a patient's summary."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ui.render import esc


def marked_entities(original: str, entities: list[Any]) -> str:
    """The original text with each removed identifier in a <mark> naming its type and replacement."""
    out, last = [], 0
    for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
        if entity.start < last or entity.end > len(original):
            continue  # overlapping or out-of-range spans: show the first one only
        out.append(esc(original[last : entity.start]))
        title = f"{entity.type} → {entity.placeholder}"
        out.append(
            f'<mark class="onco-phi" title="{esc(title)}">{esc(original[entity.start : entity.end])}'
            f'<span class="onco-phi-type">{esc(entity.type)}</span></mark>'
        )
        last = entity.end
    out.append(esc(original[last:]))
    return "".join(out)


def deid_preview(preview: Any, language: str = "en") -> str:
    fr = language == "fr"
    counts: Counter[str] = Counter()
    rows = []
    for record in preview.records:
        entities = list(getattr(record.result, "entities", []) or [])
        counts.update(e.type for e in entities)
        if not record.original.strip() or (not entities and len(record.original) < 80):
            continue  # headings with nothing removed add noise
        rows.append(
            "<tr>"
            f'<td class="onco-original">{marked_entities(record.original, entities)}</td>'
            f'<td class="onco-deid">{esc(record.result.text)}</td>'
            "</tr>"
        )
    removed = ", ".join(f"{kind} × {n}" for kind, n in sorted(counts.items())) or (
        "aucun identifiant détecté" if fr else "no identifier detected"
    )
    patients = ", ".join(esc(pid) for pid in preview.patient_ids)
    head = (
        f'<div class="onco-notice onco-info" role="status"><strong>{"Identifiants retirés" if fr else "Removed"}:'
        f"</strong> {esc(removed)}. <strong>{'Sera indexé comme' if fr else 'Will be indexed as'}:</strong> "
        f"{patients}.</div>"
    )
    if preview.ambiguous:
        head += (
            '<div class="onco-notice onco-warn" role="status">'
            + esc(
                "Un même remplaçant désigne deux valeurs : la ré-identification à l'export sera désactivée."
                if fr
                else "One placeholder stands for two different values: re-identification at export is disabled."
            )
            + "</div>"
        )
    table = (
        '<table class="onco-deid-table"><thead><tr>'
        f'<th scope="col">{"Original (reste sur cet ordinateur, non indexé)" if fr else "Original (stays here, not indexed)"}</th>'
        f'<th scope="col">{"Pseudonymisé (ce qui sera indexé)" if fr else "De-identified (what will be indexed)"}</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    return head + table


def patient_summary(record: Any) -> str:
    blocks = [f"<h3>{esc(record.patient_id)}</h3>"]
    for section, text in record.sections():
        if section:
            blocks.append(f"<h4>{esc(section)}</h4>")
        blocks.append(f'<div class="onco-prewrap">{esc(text)}</div>')
    return '<div class="onco-summary">' + "".join(blocks) + "</div>"
