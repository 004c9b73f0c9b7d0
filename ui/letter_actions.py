"""The Letters tab: draft from the selected patient + instructions, let the clinician edit, export locally."""

from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

from assistant.errors import AssistantError
from assistant.letters.letter_draft import FLAG, LetterDraft, count_flags
from assistant.letters.letter_export import export_letter
from assistant.letters.letter_service import LetterService
from assistant.letters.reidentify import reidentify
from ui.render import esc, notice
from ui.session import WorkspaceSession

log = logging.getLogger(__name__)
EXPORT_MAX_AGE_S = 3600  # a re-identified letter does not stay in the export folder longer than this
STATUS_TEXT = {
    "unsupported": {"en": "not supported by the cited source", "fr": "non étayée par la source citée"},
    "no_citation": {"en": "no source cited", "fr": "aucune source citée"},
    "unverified": {"en": "not verified (no verifier configured)", "fr": "non vérifiée (pas de vérificateur)"},
    "abstained": {"en": "no guideline passage answers this", "fr": "aucun passage ne répond"},
    "removed": {
        "en": "written by the model, not supported by the guidelines: left out of the letter",
        "fr": "écrit par le modèle, non étayé par les recommandations : retiré du courrier",
    },
    "extractive": {
        "en": "the model's text failed verification: the recommendations quote the guidelines instead",
        "fr": "le texte du modèle n'a pas passé la vérification : les propositions citent les recommandations",
    },
}


def checks_html(draft: LetterDraft, language: str) -> str:
    fr = language == "fr"
    items = []
    if draft.demo:
        items.append(
            notice(
                "Modèle de démonstration : brouillon non fiable." if fr else "Demo model: unreliable draft.",
                "warn",
            )
        )
    if any(c.status == "extractive" for c in draft.checks):
        items.append(notice(STATUS_TEXT["extractive"]["fr" if fr else "en"].capitalize() + ".", "info"))
    listed = [c for c in draft.checks if c.status != "extractive"]
    if not listed:
        items.append(
            notice(
                f"Toutes les phrases des recommandations sont étayées ({len(draft.citations)} sources citées)."
                if fr
                else f"Every recommendation sentence is supported by its cited source ({len(draft.citations)} cited).",
                "ok",
            )
        )
    else:
        lis = "".join(
            f'<li><span class="onco-flag onco-{esc(c.status)}">{FLAG} '
            + (f"<del>{esc(c.sentence)}</del>" if c.status == "removed" else esc(c.sentence))
            + f"</span> — {esc(STATUS_TEXT[c.status]['fr' if fr else 'en'])}</li>"
            for c in listed
        )
        heading = "À vérifier avant envoi" if fr else "Check before sending"
        items.append(f'<div class="onco-checks"><strong>{heading}</strong><ul>{lis}</ul></div>')
    items.append(
        f'<div class="onco-small">{"Faits patient cités depuis la synthèse pseudonymisée ; recommandations générées à partir des recommandations indexées uniquement." if fr else "Patient facts are quoted from the de-identified summary; recommendations are generated from indexed guidelines only."}</div>'
    )
    return "".join(items)


class LetterActions:
    def __init__(
        self, letters: LetterService, scrubber: object = None, export_dir: Path | None = None
    ) -> None:
        self.letters = letters
        self.scrubber = scrubber
        # Exports may be re-identified letters: without a folder given, they go to a private temporary folder
        # removed when the app exits (app.py turns SIGTERM into a normal exit so that this happens).
        self._owned_dir = None if export_dir else tempfile.TemporaryDirectory(prefix="onco-letters-")
        self.export_dir = export_dir or Path(self._owned_dir.name)  # type: ignore[union-attr]

    def draft(
        self,
        patient_id: str | None,
        kind: str,
        letter_language: str,
        instructions: str,
        recipient: str,
        author: str,
        session: WorkspaceSession,
    ) -> tuple[str, str]:
        """(editable letter text, checks HTML)."""
        if not patient_id:
            return "", notice(
                "Choisissez d'abord un patient." if session.language == "fr" else "Pick a patient first."
            )
        try:
            draft = self.letters.draft(patient_id, kind, letter_language, instructions, recipient, author)
        except AssistantError as exc:
            return "", notice(str(exc))
        except Exception:  # noqa: BLE001
            log.exception("letter drafting failed")
            return "", notice("Drafting failed; the details are in the server log.")
        session.draft = draft
        return draft.text, checks_html(draft, session.language)

    def export(
        self, text: str, fmt: str, reidentify_box: bool, patient_id: str | None, session: WorkspaceSession
    ) -> tuple[str | None, str]:
        """(path of the exported file or None, status HTML). Re-identification happens here only, in memory,
        for a patient whose note was de-identified in this session and only when the box is ticked."""
        fr = session.language == "fr"
        fmt = (fmt or "docx").lower().lstrip(".")
        if not (text or "").strip():
            return None, notice("Le courrier est vide." if fr else "The letter is empty: draft it first.")
        status = []
        if reidentify_box:
            mapping = session.mappings.get(patient_id or "")
            if not mapping or (patient_id in session.ambiguous):
                return None, notice(
                    "Ré-identification impossible : la note de ce patient n'a pas été pseudonymisée dans cette "
                    "session (ou de façon ambiguë). Décochez la case pour exporter la version pseudonymisée."
                    if fr
                    else "Cannot re-identify: this patient's note was not de-identified in this session (or the "
                    "mapping is ambiguous). Untick the box to export the de-identified letter."
                )
            text = reidentify(text, mapping, self.scrubber)
            status.append("ré-identifié localement" if fr else "re-identified locally")
        self._remove_old_exports()
        name = f"letter-{patient_id or 'draft'}{'-reidentified' if reidentify_box else ''}.{fmt}"
        try:
            path = export_letter(text, self.export_dir / name)
        except AssistantError as exc:
            return None, notice(str(exc))
        flags = count_flags(text)
        kind = "ok"
        if flags:
            kind = "warn"
            status.append(
                f"{flags} phrase(s) encore marquée(s) {FLAG}"
                if fr
                else f"{flags} sentence(s) still marked {FLAG}"
            )
        head = f"Exporté : {path.name}" if fr else f"Exported {path.name}"
        return str(path), notice(head + (" — " + "; ".join(status) if status else "") + ".", kind)

    def _remove_old_exports(self) -> None:
        cutoff = time.time() - EXPORT_MAX_AGE_S
        for old in self.export_dir.glob("letter-*"):
            try:
                if old.stat().st_mtime < cutoff:
                    old.unlink()
            except OSError:
                continue
