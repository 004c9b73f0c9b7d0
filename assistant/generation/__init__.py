from assistant.generation.generator import ChatMessage, GenerationStats, Generator
from assistant.generation.llama_cpp_generator import LlamaCppGenerator
from assistant.generation.openai_compatible_generator import OpenAICompatibleGenerator
from assistant.generation.packaged_models import packaged_smollm2_path

__all__ = [
    "ChatMessage",
    "GenerationStats",
    "Generator",
    "LlamaCppGenerator",
    "OpenAICompatibleGenerator",
    "packaged_smollm2_path",
]
