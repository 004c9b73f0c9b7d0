"""HTML for the workspace: every text from a document, a model or a user is escaped before it is shown."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from assistant.store.text_normalise import tokenize
from assistant.types import Answer, Chunk, Citation

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_CITATION = re.compile(r"\s*\[\d+\]")  # a removed sentence's markers point at sources not shown
_WORD = re.compile(r"[\w][\w'’+-]*", re.UNICODE)
FLAG_TITLES = {
    "unsupported": "Not supported by the cited source: check it",
    "no_citation": "No source cited for this sentence: check it",
}


def esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def notice(message: str, kind: str = "error") -> str:
    """A message in the page (kind: error, info, ok, warn); role=alert so screen readers announce errors."""
    role = ' role="alert"' if kind == "error" else ' role="status"'
    return f'<div class="onco-notice onco-{kind}"{role}>{esc(message)}</div>'


def source_name(source: str) -> str:
    return Path(source).name if "/" in source else source


# -- highlighting -----------------------------------------------------------------------------------------------
def highlight_terms(text: str, query: str) -> str:
    """Escaped text with the words that match a query term (accent- and case-insensitive) in <mark>."""
    terms = set(tokenize(query))
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        if terms and set(tokenize(word)) & terms:
            out.append(esc(text[last : match.start()]))
            out.append(f"<mark>{esc(word)}</mark>")
            last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def supporting_span(
    passage: str, claims: Iterable[str], evidence: Iterable[str] = ()
) -> tuple[int, int] | None:
    """The passage sentence that supports the claims: the verifier's evidence sentence when it is in the
    passage, else the sentence sharing the most words with the claims. None when nothing is shared."""
    for found in evidence:
        found = (found or "").strip()
        if found and found in passage:
            start = passage.index(found)
            return start, start + len(found)
    claim_terms = set(tokenize(" ".join(claims)))
    best, best_overlap = None, 0
    for start, end in sentence_spans(passage):
        overlap = len(set(tokenize(passage[start:end])) & claim_terms)
        if overlap > best_overlap:
            best, best_overlap = (start, end), overlap
    return best


def mark_span(text: str, span: tuple[int, int] | None, css: str = "onco-support") -> str:
    if span is None:
        return esc(text)
    start, end = span
    return f'{esc(text[:start])}<mark class="{css}">{esc(text[start:end])}</mark>{esc(text[end:])}'


# -- chat -------------------------------------------------------------------------------------------------------
_LINK_START = re.compile(r"(?i)\b(https?|ftp)://|\bwww\.")


def escape_markdown_html(text: str) -> str:
    """Model text for a Markdown bubble, shown as text: placeholders like <PERSON_1> stay visible (not unknown
    tags), and links or images a passage talked the model into ([x](url), ![x](url), bare URLs, which the chat
    would autolink) are not live: nothing in an answer makes the browser fetch or open an outside address."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("](", "]&#40;").replace("]:", "]&#58;")  # no [x](url), ![x](url) nor [x]: url
    return _LINK_START.sub(lambda m: m.group(0).replace("/", "&#47;").replace(".", "&#46;"), text)


def answer_markdown(answer: Answer, language: str = "en") -> str:
    """The answer for the chat bubble, flagged sentences wrapped in a visible mark with the reason."""
    text = escape_markdown_html(answer.text)
    for sentence in answer.sentences:
        if sentence.status == "supported":
            continue
        target = escape_markdown_html(sentence.text)
        if target and target in text:
            title = FLAG_TITLES.get(sentence.status, "Check this sentence")
            text = text.replace(
                target,
                f'<span class="onco-flag onco-{sentence.status}" title="{esc(title)}">⚠ {target}</span>',
                1,
            )
    notes = []
    if answer.extractive:
        notes.append(
            "Quoted from the sources: the model's own answer failed verification."
            if language == "en"
            else "Citations des sources : la réponse du modèle n'a pas passé la vérification."
        )
    if answer.sentences:
        supported = sum(1 for s in answer.sentences if s.status == "supported")
        notes.append(
            f"Verified: {supported}/{len(answer.sentences)} sentences supported by their cited source."
            if language == "en"
            else f"Vérifié : {supported}/{len(answer.sentences)} phrases étayées par leur source citée."
        )
    elif not answer.abstained:
        notes.append(
            "Not verified: no answer verifier is configured."
            if language == "en"
            else "Non vérifié : aucun vérificateur de réponse n'est configuré."
        )
    if notes:
        text += "\n\n" + "\n".join(f"<small>{esc(n)}</small>" for n in notes)
    if answer.removed:
        # What the model wrote but the sources do not support stays visible, struck and flagged, never silent.
        heading = (
            "Removed by verification (not supported by the sources):"
            if language == "en"
            else "Retiré par la vérification (non étayé par les sources) :"
        )
        items = "".join(
            f'<li><span class="onco-flag onco-{esc(s.status)}" title="{esc(FLAG_TITLES.get(s.status, ""))}">'
            f"⚠ <del>{escape_markdown_html(_CITATION.sub('', s.text))}</del></span></li>"
            for s in answer.removed
        )
        text += f'\n\n<div class="onco-removed"><small>{esc(heading)}</small><ul>{items}</ul></div>'
    return text


def citation_where(citation: Citation, reviewed: str | None) -> str:
    parts = []
    if citation.page:
        parts.append(f"page {citation.page}")
    if reviewed:
        parts.append(f"last reviewed {reviewed}")
    return " · ".join(parts)


def sources_panel(answer: Answer | None, chunks: dict[str, Chunk], empty: str) -> str:
    """One card per cited passage: title, section path, page or review date, the passage with the sentence
    that supports the answer highlighted."""
    if answer is None or not answer.citations:
        return f'<div class="onco-empty">{esc(empty)}</div>'
    cards = []
    for c in answer.citations:
        chunk = chunks.get(c.chunk_id)
        passage = chunk.text if chunk else c.text
        claims = [s.text for s in answer.sentences if c.n in s.citations] or _sentences_citing(
            answer.text, c.n
        )
        evidence = [s.evidence for s in answer.sentences if c.n in s.citations and s.evidence]
        span = supporting_span(passage, claims, evidence)
        where = citation_where(c, chunk.metadata.last_reviewed if chunk else None)
        kind = "patient" if chunk is not None and chunk.metadata.kind == "patient" else "guideline"
        cards.append(
            f'<article class="onco-source onco-source-{kind}" id="source-{c.n}" aria-label="Source {c.n}">'
            f'<header><span class="onco-cite">[{c.n}]</span> <strong>{esc(c.title)}</strong></header>'
            + (f'<div class="onco-section">{esc(c.section)}</div>' if c.section else "")
            + (f'<div class="onco-where">{esc(where)}</div>' if where else "")
            + f'<div class="onco-file">{esc(source_name(c.source))}</div>'
            f'<blockquote class="onco-passage">{mark_span(passage, span)}</blockquote></article>'
        )
    return '<div class="onco-sources">' + "".join(cards) + "</div>"


def _sentences_citing(text: str, n: int) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text) if f"[{n}]" in text[s:e]]


def document_view(title: str, chunks: Sequence[Chunk], cited_id: str | None) -> str:
    """The whole source, chunk by chunk, headings shown when they change, the cited chunk marked and anchored
    (#cited-passage) so the page can scroll to it."""
    if not chunks:
        return notice("This source is no longer in the index.", "warn")
    parts = [f'<div class="onco-document" tabindex="0"><h3>{esc(title)}</h3>']
    previous_section = None
    for chunk in chunks:
        meta = chunk.metadata
        if meta.section != previous_section and meta.section:
            parts.append(f'<h4 class="onco-doc-section">{esc(meta.section)}</h4>')
        previous_section = meta.section
        page = f'<span class="onco-page">p. {meta.page}</span> ' if meta.page else ""
        if chunk.id == cited_id:
            parts.append(
                f'<div class="onco-chunk onco-cited" id="cited-passage">{page}'
                f'<span class="onco-cited-label">cited passage</span><p>{esc(chunk.text)}</p></div>'
            )
        else:
            parts.append(f'<div class="onco-chunk">{page}<p>{esc(chunk.text)}</p></div>')
    parts.append("</div>")
    return "".join(parts)


def search_hits(hits: Sequence, query: str, empty: str) -> str:
    if not hits:
        return f'<div class="onco-empty">{esc(empty)}</div>'
    items = []
    for h in hits:
        where = " · ".join(p for p in (h.section, f"page {h.page}" if h.page else "") if p)
        items.append(
            f'<li class="onco-hit"><div class="onco-hit-head"><span class="onco-rank">{h.rank}</span> '
            f'<strong>{esc(h.title)}</strong> <span class="onco-score">score {h.score:.4f}</span></div>'
            + (f'<div class="onco-section">{esc(where)}</div>' if where else "")
            + f'<div class="onco-file">{esc(source_name(h.source))}</div>'
            f'<p class="onco-snippet">{highlight_terms(h.text, query)}</p></li>'
        )
    return '<ol class="onco-hits">' + "".join(items) + "</ol>"
