"""The Library tab: which model answers, what is indexed, adding and removing guideline sources."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

from assistant.bootstrap import Services
from assistant.errors import AssistantError
from ui.catalog import SourceCatalog
from ui.render import esc, notice, source_name

log = logging.getLogger(__name__)
LIBRARY_FOLDER = "guidelines"  # uploads are kept beside the index, so a source path stays valid


class LibraryActions:
    def __init__(self, services: Services, catalog: SourceCatalog) -> None:
        self.services = services
        self.catalog = catalog

    def model_info(self, language: str = "en") -> str:
        generator = self.services.generator
        settings = self.services.settings
        demo = bool(getattr(generator, "demo", False))
        fr = language == "fr"
        rows = [
            ("Modèle de langue" if fr else "Language model", generator.model_id),
            (
                "Modèle de démonstration" if fr else "Demo model",
                ("oui" if fr else "yes") if demo else ("non" if fr else "no"),
            ),
            ("Plongements" if fr else "Embeddings", self.services.store.embedder.model_id),
            ("Fenêtre de contexte" if fr else "Context window", f"{settings.llm.context_tokens} tokens"),
            ("Dossier de l'index" if fr else "Index folder", str(settings.data_dir)),
            ("Passages indexés" if fr else "Indexed passages", str(self.services.store.count())),
        ]
        table = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in rows)
        return f'<table class="onco-model">{table}</table>'

    def rows(self) -> list[list]:
        return [
            [s.title, s.chunks, s.last_reviewed or "—", source_name(s.source)]
            for s in self.catalog.guidelines()
        ]

    def source_choices(self) -> list[tuple[str, str]]:
        return [(f"{s.title} ({source_name(s.source)})", s.source) for s in self.catalog.guidelines()]

    def ingest(self, uploads: Sequence[str] | None, language: str = "en") -> str:
        """Copies the uploads into <data_dir>/guidelines and ingests them (progress shown through tqdm)."""
        from corpora.ingest import ingest_paths

        if not uploads:
            return notice("Choose one or more files first.", "warn")
        folder = Path(self.services.settings.data_dir) / LIBRARY_FOLDER
        paths = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for upload in uploads:
                target = folder / Path(upload).name
                shutil.copyfile(upload, target)
                paths.append(target)
            report = ingest_paths(paths, "guideline", self.services.store, progress=True)
        except AssistantError as exc:
            return notice(str(exc))
        except OSError as exc:
            return notice(f"Cannot copy the upload into {folder} ({exc.strerror}).")
        self.catalog.invalidate()
        kind = "ok" if report.ok and not report.skipped else ("warn" if report.ok else "error")
        return f'<div class="onco-notice onco-{kind}" role="status"><pre>{esc(report.summary())}</pre></div>'

    def remove(self, source: str | None, confirmed: bool, language: str = "en") -> str:
        fr = language == "fr"
        if not source:
            return notice("Choisissez une source." if fr else "Choose a source to remove.", "warn")
        if not confirmed:
            return notice(
                "Cochez la case de confirmation." if fr else "Tick the confirmation box first.", "warn"
            )
        try:
            removed = self.services.store.delete_source(source)
            self.services.store.refresh_lexical_index()
        except AssistantError as exc:
            return notice(str(exc))
        self.catalog.invalidate()
        return notice(
            f"{source_name(source)} : {removed} passages retirés."
            if fr
            else f"Removed {source_name(source)} ({removed} passages).",
            "ok",
        )
