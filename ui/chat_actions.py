"""The Chat tab's callbacks: plain Python over the services, so tests call them without a browser."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.answering import DEMO_MODEL_NOTICE
from assistant.bootstrap import Services
from assistant.errors import AssistantError
from assistant.letters.clinical_services import ClinicalServices
from assistant.retrieval import SearchFilters
from assistant.types import Answer
from ui.i18n import t
from ui.render import answer_markdown, document_view, escape_markdown_html, notice, sources_panel
from ui.session import WorkspaceSession

log = logging.getLogger(__name__)
UNEXPECTED = (
    "Something went wrong while answering; the details are in the server log. Try again, or rephrase."
)


@dataclass
class ChatView:
    messages: list[dict]
    sources_html: str
    source_choices: list[tuple[str, str]] = field(default_factory=list)
    notice_html: str = ""
    done: bool = False


class ChatActions:
    def __init__(self, services: Services, clinical: ClinicalServices) -> None:
        self.services = services
        self.clinical = clinical

    # -- banners ---------------------------------------------------------------------------------------------
    def demo_banner(self, language: str = "en") -> str:
        if not getattr(self.services.generator, "demo", False):
            return ""
        return notice(DEMO_MODEL_NOTICE.get(language, DEMO_MODEL_NOTICE["en"]), "warn")

    def context_line(self, session: WorkspaceSession) -> str:
        if session.patient_id:
            return t(session.language, "context_patient", pid=session.patient_id)
        return t(session.language, "context_guidelines")

    # -- asking ----------------------------------------------------------------------------------------------
    def ask(self, question: str, messages: list[dict], session: WorkspaceSession) -> Iterator[ChatView]:
        """Streams the answer into the chat; the final view carries the verified answer and its sources."""
        empty_sources = t(session.language, "no_sources")
        question = (question or "").strip()
        messages = [*(messages or []), {"role": "user", "content": escape_markdown_html(question)}]
        if not question:
            yield ChatView(
                messages[:-1], sources_panel(None, {}, empty_sources), [], self._error(session, None)
            )
            return
        service, filters = self._route(session)
        sent = session.conversation.contextual_question(question)
        pieces: list[str] = []
        answer: Answer | None = None
        try:
            for event in service.ask_stream(sent, filters, session.conversation.history()):
                if event.kind == "token":
                    pieces.append(event.text)
                    # Labelled as a draft: the verifier may still remove sentences or quote the sources instead.
                    draft = escape_markdown_html("".join(pieces)) + " ▌"
                    reply = {
                        "role": "assistant",
                        "content": f"*{t(session.language, 'draft_checking')}*\n\n{draft}",
                    }
                    yield ChatView([*messages, reply], sources_panel(None, {}, empty_sources))
                elif event.kind == "done":
                    answer = event.answer
        except AssistantError as exc:
            yield ChatView(messages, sources_panel(None, {}, empty_sources), [], notice(str(exc)), done=True)
            return
        except Exception:  # noqa: BLE001 - the page gets a sentence, the log gets the trace
            log.exception("answering failed")
            yield ChatView(
                messages, sources_panel(None, {}, empty_sources), [], notice(UNEXPECTED), done=True
            )
            return
        assert answer is not None
        session.conversation.add(answer)
        session.last_answer = answer
        reply = {"role": "assistant", "content": answer_markdown(answer, session.language)}
        chunks = {c.id: c for c in self.services.store.get([c.chunk_id for c in answer.citations])}
        choices = [
            (f"[{c.n}] {c.title}" + (f" › {c.section}" if c.section else ""), str(c.n))
            for c in answer.citations
        ]
        yield ChatView(
            [*messages, reply], sources_panel(answer, chunks, empty_sources), choices, "", done=True
        )

    def _route(self, session: WorkspaceSession):  # noqa: ANN202
        if session.patient_id:
            return self.clinical.patient_answers, SearchFilters(patient_id=session.patient_id)
        # Without a patient, guidelines only: other patients' summaries are no answer to a general question.
        return self.services.answers, SearchFilters(kind="guideline")

    @staticmethod
    def _error(session: WorkspaceSession, exc: Exception | None) -> str:
        if exc is None:
            return notice(
                "The question is empty: type a question about a guideline or a patient."
                if session.language == "en"
                else "La question est vide : posez une question sur une recommandation ou un patient."
            )
        return notice(str(exc))

    # -- sources ---------------------------------------------------------------------------------------------
    def open_source(self, choice: str | None, session: WorkspaceSession) -> str:
        """The whole cited document with the cited passage marked, or a note when nothing is chosen."""
        answer = session.last_answer
        if not choice or answer is None:
            return ""
        citation = next((c for c in answer.citations if str(c.n) == str(choice)), None)
        if citation is None:
            return notice("This citation is not part of the last answer.", "warn")
        try:
            chunks = self.services.store.chunks_of(citation.source)
        except AssistantError as exc:
            return notice(str(exc))
        chunks = sorted(chunks, key=lambda c: c.metadata.page or 0)  # stable: store order within a page
        return document_view(citation.title, chunks, citation.chunk_id)

    def clear(self, session: WorkspaceSession) -> ChatView:
        session.conversation.clear()
        session.last_answer = None
        return ChatView([], sources_panel(None, {}, t(session.language, "no_sources")))
