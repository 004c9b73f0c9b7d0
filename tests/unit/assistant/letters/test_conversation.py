from __future__ import annotations

import pytest

from assistant.letters.conversation import Conversation
from assistant.types import Answer

pytestmark = pytest.mark.unit


def answer(question: str, text: str = "A [1].", abstained: bool = False) -> Answer:
    return Answer(question=question, text=text, abstained=abstained)


def test_history_alternates_user_and_assistant_and_keeps_the_last_turns() -> None:
    conversation = Conversation(max_turns=2)
    for i in range(3):
        conversation.add(answer(f"question {i}", f"answer {i}"))
    history = conversation.history()
    assert [m.role for m in history] == ["user", "assistant", "user", "assistant"]
    assert [m.content for m in history] == ["question 1", "answer 1", "question 2", "answer 2"]


def test_history_uses_the_scrubbed_question() -> None:
    conversation = Conversation()
    conversation.add(answer("Does <PERSON_1> need FOLFOX?"))
    assert conversation.history()[0].content == "Does <PERSON_1> need FOLFOX?"


def test_abstentions_are_not_remembered() -> None:
    conversation = Conversation()
    conversation.add(answer("Capital of Australia?", "The sources do not cover it.", abstained=True))
    assert conversation.history() == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "And for high-risk disease?",
            "And for high-risk disease?\n(Adjuvant chemotherapy for stage III colon cancer?)",
        ),
        (
            "Which adjuvant regimen and for how long after resection of a stage III colon cancer in an older patient?",
            "Which adjuvant regimen and for how long after resection of a stage III colon cancer in an older patient?",
        ),
    ],
)
def test_short_follow_ups_carry_the_previous_question(question: str, expected: str) -> None:
    conversation = Conversation()
    conversation.add(answer("Adjuvant chemotherapy for stage III colon cancer?"))
    assert conversation.contextual_question(question) == expected


def test_first_question_is_sent_as_is_and_clear_forgets() -> None:
    conversation = Conversation()
    assert conversation.contextual_question("  Short?  ") == "Short?"
    conversation.add(answer("Short?"))
    conversation.clear()
    assert conversation.history() == [] and conversation.contextual_question("Again?") == "Again?"


def test_a_long_session_keeps_only_the_turns_it_can_pass_back() -> None:
    conversation = Conversation(max_turns=2)
    for i in range(50):
        conversation.add(answer(f"question {i}", f"answer {i}"))
    assert conversation.turns == [("question 48", "answer 48"), ("question 49", "answer 49")]
    assert conversation.contextual_question("and in stage II?") == "and in stage II?\n(question 49)"
