"""report.json + report.md (with matplotlib plots), and the change against a previous report."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def flatten(data: Any, prefix: str = "") -> dict[str, float | None]:
    """Numeric leaves as dotted keys ('retrieval.pdq/fr.mrr'); None kept (undefined), lists skipped."""
    out: dict[str, float | None] = {}
    if isinstance(data, Mapping):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}{key}." if prefix or key else ""))
    elif isinstance(data, bool):
        pass
    elif isinstance(data, int | float):
        out[prefix.rstrip(".")] = float(data)
    elif data is None:
        out[prefix.rstrip(".")] = None
    return out


def compare(
    current: Mapping[str, Any], previous: Mapping[str, Any]
) -> list[tuple[str, float | None, float | None]]:
    now, before = flatten(current), flatten(previous)
    return [
        (key, before.get(key), now[key])
        for key in sorted(now)
        if key in before and before.get(key) != now[key]
    ]


def _fmt(value: float | None) -> str:
    if value is None:
        return "undefined"
    if isinstance(value, float) and math.isnan(value):
        return "n/a"
    return f"{value:.3f}"


def markdown_table(rows: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def write_report(out_dir: Path, results: dict[str, Any], previous: Path | None = None) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False, default=str), "utf-8"
    )
    lines = ["# Evaluation report", ""]
    meta = results.get("meta", {})
    if meta:
        lines += [f"- {k}: {v}" for k, v in meta.items()] + [""]
    for suite, section in results.items():
        if suite == "meta" or not isinstance(section, Mapping):
            continue
        lines += [f"## {suite}", ""]
        tables = [section.get("table"), *section.get("extra_tables", {}).values()]
        lines += [line for t in tables if t for line in (markdown_table(t["rows"], t["header"]), "")]
        for note in section.get("notes", []):
            lines.append(f"- {note}")
        for plot in section.get("plots", []):
            lines.append(f"![{suite}]({plot})")
        lines.append("")
    if previous and previous.is_file():
        changes = compare(results, json.loads(previous.read_text("utf-8")))
        lines += ["## Change against the previous report", ""]
        if changes:
            lines.append(
                markdown_table(
                    [[k, _fmt(b), _fmt(a)] for k, b, a in changes[:200]], ["figure", "before", "now"]
                )
            )
        else:
            lines.append("No figure changed.")
    path = out_dir / "report.md"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def bar_plot(path: Path, labels: list[str], values: list[float], title: str, ylabel: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(max(4, 0.6 * len(labels) + 2), 3.2))
    ax.bar(labels, values, color="#3b6ea5")
    ax.set_ylim(0, 1.05 if max(values, default=0) <= 1 else None)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path.name
