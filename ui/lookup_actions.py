"""The Guideline lookup tab: hybrid search without the language model, filters from the index metadata."""

from __future__ import annotations

import logging

from assistant.bootstrap import Services
from assistant.errors import AssistantError
from assistant.retrieval import SearchFilters
from ui.catalog import SourceCatalog
from ui.render import notice, search_hits, source_name

log = logging.getLogger(__name__)
ALL = ""  # the value of the "All" choice of a filter
NO_HITS = {"en": "No passage matches these words and filters.", "fr": "Aucun passage ne correspond."}


class LookupActions:
    def __init__(self, services: Services, catalog: SourceCatalog) -> None:
        self.services = services
        self.catalog = catalog

    def source_choices(self, all_label: str = "All") -> list[tuple[str, str]]:
        return [(all_label, ALL)] + [
            (f"{s.title} ({source_name(s.source)})", s.source) for s in self.catalog.guidelines()
        ]

    def cancer_choices(self, all_label: str = "All") -> list[tuple[str, str]]:
        return [(all_label, ALL)] + [(c, c) for c in self.catalog.cancer_types()]

    def search(
        self,
        query: str,
        source: str | None = ALL,
        cancer_type: str | None = ALL,
        k: int | float | None = None,
        language: str = "en",
    ) -> str:
        if not (query or "").strip():
            return ""
        filters = SearchFilters(kind="guideline", source=source or None, cancer_type=cancer_type or None)
        try:
            hits = self.services.search.search(query, int(k) if k else None, filters)
        except AssistantError as exc:
            return notice(str(exc))
        except Exception:  # noqa: BLE001
            log.exception("search failed")
            return notice("The search failed; the details are in the server log.")
        return search_hits(hits, query, NO_HITS.get(language, NO_HITS["en"]))
