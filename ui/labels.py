"""Components whose labels follow the interface language: registered once, updated by the language toggle."""

from __future__ import annotations

from typing import Any

from ui.i18n import t


class Labeller:
    def __init__(self, language: str = "en") -> None:
        self.language = language
        # component, attribute -> label key (or a function of the language, for choices)
        self.entries: list[tuple[Any, dict[str, Any]]] = []

    def __call__(self, component: Any, **attributes: Any) -> Any:
        self.entries.append((component, attributes))
        return component

    def text(self, key: str, **values: str) -> str:
        return t(self.language, key, **values)

    @property
    def components(self) -> list[Any]:
        return [component for component, _ in self.entries]

    def updates(self, language: str) -> list[dict[str, Any]]:
        import gradio as gr

        return [
            gr.update(
                **{attr: key(language) if callable(key) else t(language, key) for attr, key in attrs.items()}
            )
            for _, attrs in self.entries
        ]
