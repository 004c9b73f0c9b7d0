from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from docx import Document

from assistant.letters.cli import add_letter_parser, run_letter
from tests.unit.assistant.letters.letters_fakes import PATIENT_ID

pytestmark = pytest.mark.unit


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m assistant")
    add_letter_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_letter_command_writes_a_docx(services, tmp_path: Path, capsys) -> None:
    out = tmp_path / "letter.docx"
    argv = ["letter", "--patient", PATIENT_ID, "--kind", "rcp", "--lang", "en", "--out", str(out)]
    args = parse(
        [*argv, "--instructions", "Adjuvant chemotherapy after resection of stage III colon cancer?"]
    )
    assert run_letter(args, services) == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts[0].startswith("Tumour board case summary") and any(PATIENT_ID in t for t in texts)
    captured = capsys.readouterr()
    assert str(out) in captured.out and "1 sentence(s) of the model were not supported" in captured.err


def test_unknown_patient_exits_2_with_one_message(services, tmp_path: Path, capsys) -> None:
    args = parse(["letter", "--patient", "P-NOPE", "--out", str(tmp_path / "x.pdf")])
    assert run_letter(args, services) == 2
    assert capsys.readouterr().err.startswith("error: No patient 'P-NOPE'")


def test_wrong_output_suffix_exits_2(services, tmp_path: Path, capsys) -> None:
    args = parse(["letter", "--patient", PATIENT_ID, "--out", str(tmp_path / "x.txt")])
    assert run_letter(args, services) == 2 and "docx or .pdf" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv", [["letter", "--out", "x.docx"], ["letter", "--patient", "P", "--out", "x", "--kind", "memo"]]
)
def test_required_and_choice_arguments(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        parse(argv)
