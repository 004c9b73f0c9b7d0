from __future__ import annotations

from pathlib import Path

import pytest

from assistant.letters.clinical_services import build_clinical_services
from tests.unit.assistant.letters.letters_fakes import PATIENT_ID, make_services
from ui.chat_actions import ChatActions
from ui.session import WorkspaceSession

pytestmark = pytest.mark.unit
QUESTION = "Adjuvant chemotherapy after resection of stage III colon cancer?"


def test_answer_streams_then_ends_with_sources(services, clinical, session: WorkspaceSession) -> None:
    views = list(ChatActions(services, clinical).ask(QUESTION, [], session))
    partial, final = views[:-1], views[-1]
    assert len(partial) > 3 and all(v.messages[-1]["content"].endswith("▌") for v in partial)
    assert all(v.messages[-1]["content"].startswith("*Draft, not yet checked") for v in partial)
    assert "Draft" not in final.messages[-1]["content"], "the verified answer replaces the labelled draft"
    assert not any(v.done for v in partial) and final.done
    assert [m["role"] for m in final.messages] == ["user", "assistant"]
    n = session.last_answer.citations[0].n
    assert f"[{n}]" in final.messages[-1]["content"]
    assert (
        f'id="source-{n}"' in final.sources_html
        and "Stage III &gt; Adjuvant chemotherapy" in final.sources_html
    )
    assert '<mark class="onco-support">After resection of stage III colon cancer' in final.sources_html
    assert final.source_choices == [(f"[{n}] Colon cancer › Stage III > Adjuvant chemotherapy", str(n))]


def test_sentences_the_verifier_removed_stay_visible_and_flagged(services, clinical, session) -> None:
    final = list(ChatActions(services, clinical).ask(QUESTION, [], session))[-1]
    content = final.messages[-1]["content"]
    delivered, removed = content.split('<div class="onco-removed">')
    assert "Radiotherapy" not in delivered and "Verified: 2/2 sentences" in delivered
    assert "Removed by verification" in removed and "⚠ <del>Radiotherapy is mandatory.</del>" in removed


def test_follow_up_passes_the_previous_turn_as_history(services, clinical, session: WorkspaceSession) -> None:
    actions = ChatActions(services, clinical)
    first = list(actions.ask(QUESTION, [], session))[-1]
    list(actions.ask("And for high-risk disease?", first.messages, session))
    second_prompt = services.generator.prompts[1]
    assert second_prompt.count("<user>") == 2 and "<assistant>\nAdjuvant FOLFOX" in second_prompt
    assert f"Question: And for high-risk disease?\n({QUESTION})" in second_prompt
    assert len(session.conversation.turns) == 2


def test_without_a_patient_only_guidelines_are_retrieved(
    services, clinical, session: WorkspaceSession
) -> None:
    list(ChatActions(services, clinical).ask("colon adenocarcinoma stage hemicolectomy", [], session))
    assert "Patient P-" not in services.generator.prompts[0]


def test_with_a_patient_their_facts_and_guidelines_are_retrieved(services, clinical, session) -> None:
    session.patient_id = PATIENT_ID
    list(ChatActions(services, clinical).ask("Which adjuvant treatment now?", [], session))
    prompt = services.generator.prompts[0]
    assert f"Patient {PATIENT_ID} — " in prompt and "Colon cancer — " in prompt


@pytest.mark.parametrize(
    ("question", "message"),
    [("   ", "The question is empty"), ("colon " * 2000, "limit is 4,000")],
)
def test_errors_are_a_message_in_the_page(services, clinical, session, question: str, message: str) -> None:
    final = list(ChatActions(services, clinical).ask(question, [], session))[-1]
    assert message in final.notice_html and 'role="alert"' in final.notice_html
    assert "Traceback" not in final.notice_html and services.generator.prompts == []


def test_unexpected_errors_do_not_leak_a_trace(services, clinical, session, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(services.answers, "ask_stream", boom)
    final = list(ChatActions(services, clinical).ask(QUESTION, [], session))[-1]
    assert "server log" in final.notice_html and "secret" not in final.notice_html


def test_open_source_shows_the_whole_document_at_the_cited_passage(services, clinical, session) -> None:
    actions = ChatActions(services, clinical)
    list(actions.ask(QUESTION, [], session))
    citation = session.last_answer.citations[0]
    html = actions.open_source(str(citation.n), session)
    assert html.count("onco-chunk") == 2  # colon.md has two chunks, both shown
    assert 'id="cited-passage"' in html and "Follow-up includes CEA" in html
    cited = html.split('id="cited-passage"')[1]
    assert cited.index("After resection of stage III") < cited.index("</div>")
    assert actions.open_source(None, session) == ""
    assert "not part of the last answer" in actions.open_source("42", session)


def test_demo_banner_only_for_the_demo_model(tmp_path: Path) -> None:
    demo = make_services(tmp_path / "a", demo=True)
    real = make_services(tmp_path / "b")
    assert "Demo model in use" in ChatActions(demo, build_clinical_services(demo)).demo_banner("en")
    assert "Modèle de démonstration" in ChatActions(demo, build_clinical_services(demo)).demo_banner("fr")
    assert ChatActions(real, build_clinical_services(real)).demo_banner() == ""


def test_clear_forgets_the_conversation(services, clinical, session) -> None:
    actions = ChatActions(services, clinical)
    list(actions.ask(QUESTION, [], session))
    view = actions.clear(session)
    assert view.messages == [] and session.conversation.turns == [] and session.last_answer is None


def test_context_line_names_the_patient(services, clinical, session) -> None:
    actions = ChatActions(services, clinical)
    assert "guidelines only" in actions.context_line(session)
    session.patient_id, session.language = PATIENT_ID, "fr"
    assert PATIENT_ID in actions.context_line(session) and "recommandations" in actions.context_line(session)
