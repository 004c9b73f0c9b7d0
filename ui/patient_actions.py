"""The Patients tab: de-identify → preview → confirm → index, list patients, choose the chat's patient."""

from __future__ import annotations

import logging
from pathlib import Path

from assistant.errors import AssistantError
from assistant.letters.patient_directory import PatientDirectory
from ui.catalog import SourceCatalog
from ui.patient_intake import PatientIntake
from ui.render import notice
from ui.render_patient import deid_preview, patient_summary
from ui.session import WorkspaceSession

log = logging.getLogger(__name__)


class PatientActions:
    def __init__(
        self, patients: PatientDirectory, intake: PatientIntake | None, catalog: SourceCatalog
    ) -> None:
        self.patients = patients
        self.intake = intake
        self.catalog = catalog

    def preview(
        self, text: str, upload: str | None, record_id: str, session: WorkspaceSession
    ) -> tuple[str, bool]:
        """(preview HTML, whether Confirm may be pressed). An uploaded file is read, then deleted from the
        upload cache: a raw note must not linger on disk."""
        session.pending = None
        if self.intake is None:
            return notice(
                "Patient intake is not available: corpora or the PHI scrubber failed to load."
            ), False
        suffix = None
        if upload:
            path = Path(upload)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                return notice(
                    f"{path.name} is not UTF-8 text; export the note as UTF-8 and upload it again."
                ), False
            except OSError:
                return notice("The uploaded file is gone; upload it again."), False
            suffix = path.suffix.lower() or None
            path.unlink(missing_ok=True)
        try:
            preview = self.intake.preview(text, suffix, record_id or "")
        except AssistantError as exc:
            return notice(str(exc)), False
        except Exception:  # noqa: BLE001 - never echo the note: it may be in the exception text
            log.error("de-identification preview failed (details withheld: they may contain the note)")
            return notice(
                "De-identification failed; nothing was stored. Check the file format and try again."
            ), False
        session.pending = preview
        return deid_preview(preview, session.language), True

    def confirm(self, session: WorkspaceSession) -> tuple[str, bool]:
        preview = session.pending
        if preview is None or self.intake is None:
            return notice("Nothing to index: preview a note first.", "warn"), False
        try:
            result = self.intake.index(preview)
        except AssistantError as exc:
            return notice(str(exc)), True
        for patient_id in result.patient_ids:
            session.remember_mapping(patient_id, preview.mapping, preview.ambiguous)
        session.pending = None
        self.catalog.invalidate()
        ids = ", ".join(result.patient_ids)
        message = (
            f"Indexé : {ids} ({result.chunks_added} nouveaux passages)."
            if session.language == "fr"
            else f"Indexed {ids} ({result.chunks_added} new passages)."
        )
        return notice(message, "ok"), False

    def rows(self, session: WorkspaceSession) -> list[list]:
        return [
            [p.patient_id, p.chunks, "yes" if p.patient_id in session.mappings else "no"]
            for p in self.patients.patients()
        ]

    def choices(self) -> list[str]:
        return [p.patient_id for p in self.patients.patients()]

    def select(self, patient_id: str | None, session: WorkspaceSession) -> str:
        if not patient_id:
            session.patient_id = None
            return ""
        try:
            record = self.patients.record(patient_id)
        except AssistantError as exc:
            return notice(str(exc))
        session.patient_id = record.patient_id
        return patient_summary(record)

    def show(self, patient_id: str | None) -> str:
        if not patient_id:
            return ""
        try:
            return patient_summary(self.patients.record(patient_id))
        except AssistantError as exc:
            return notice(str(exc))

    def clear(self, session: WorkspaceSession) -> None:
        session.patient_id = None
