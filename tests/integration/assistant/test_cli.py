"""The CLI as a user runs it: a subprocess, JSON out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.integration


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "ONCO_PROFILE": "test"},
    )


def test_search_json(services, index_dir: Path) -> None:
    proc = run_cli(
        "search",
        "adjuvant therapy stage III colon cancer",
        "--k",
        "2",
        "--json",
        "--data-dir",
        str(index_dir),
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert [r["rank"] for r in result["results"]] == [1, 2]
    top = result["results"][0]
    assert set(top) >= {"rank", "score", "source", "title", "section", "text"}
    assert top["source"] == "colon.md"


def test_search_queries_file_prints_one_json_per_line(services, index_dir: Path, tmp_path: Path) -> None:
    queries = tmp_path / "q.txt"
    queries.write_text("ABVD Hodgkin\n\nneutropénie fébrile\n", encoding="utf-8")
    proc = run_cli("search", "--queries", str(queries), "--data-dir", str(index_dir))
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["results"][0]["source"] for line in lines] == ["hodgkin.md", "neutropenia.md"]


def test_ask_json(services, index_dir: Path) -> None:
    proc = run_cli(
        "ask", "Which regimen for early favourable Hodgkin lymphoma?", "--json", "--data-dir", str(index_dir)
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) >= {"answer", "citations", "abstained", "timings", "model"}
    assert result["answer"] and result["abstained"] is False
    assert result["model"].startswith("SmolLM2")


def test_empty_index_says_how_to_ingest(tmp_path: Path) -> None:
    proc = run_cli("search", "anything", "--data-dir", str(tmp_path / "none"))
    assert proc.returncode == 2
    assert "python -m corpora ingest" in proc.stderr


def test_wrong_model_path_names_the_setting(services, index_dir: Path) -> None:
    proc = run_cli("ask", "q", "--model", "/no/such.gguf", "--data-dir", str(index_dir))
    assert proc.returncode == 2
    assert "llm.model_path" in proc.stderr and "Traceback" not in proc.stderr
