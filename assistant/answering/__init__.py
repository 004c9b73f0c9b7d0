from assistant.answering.answer_service import AnswerEvent, AnswerService
from assistant.answering.prompts import ABSTENTION, DEMO_MODEL_NOTICE, AnswerPrompt

__all__ = ["ABSTENTION", "DEMO_MODEL_NOTICE", "AnswerEvent", "AnswerPrompt", "AnswerService"]
