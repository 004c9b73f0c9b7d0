"""Runs the product's entry points as a user would (subprocesses), with outbound network refused and recorded.

Two layers watch for network use:
- netguard.py, installed as sitecustomize.py first on PYTHONPATH, records and refuses every non-loopback
  destination at the Python socket API (with the stack that tried);
- strace, when present and permitted, records the connect/sendto/sendmsg system calls of the whole process
  tree, which also sees native code (llama.cpp, Chroma's Rust core) that bypasses Python's socket module.
The product's privacy switches (Chroma telemetry, Gradio analytics, hub offline) are removed from the child
environment, so that the product has to set them itself."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from evals.load_app import AppProcess, free_port
from tests.conftest import REPO_ROOT
from tests.integration.privacy.phi_notes import Note, covering, load_notes

HERE = Path(__file__).resolve().parent
DEMO_FILE = REPO_ROOT / "corpora" / "demo" / "colon-cancer.md"
DEMO_FILE_FR = REPO_ROOT / "corpora" / "demo" / "fr-cancer-colon-traitement-adjuvant.md"
# Set by the product itself (assistant.bootstrap.configure_privacy, app.py); a test that inherited them would
# prove nothing. Proxies go too: they would turn loopback requests into connections to the proxy.
PRODUCT_SWITCHES = (
    "ANONYMIZED_TELEMETRY",
    "GRADIO_ANALYTICS_ENABLED",
    "HF_HUB_OFFLINE",
    "TRANSFORMERS_OFFLINE",
    "HF_HUB_DISABLE_TELEMETRY",
    "DO_NOT_TRACK",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)
START_TIMEOUT_S = 600  # embedder, spaCy and the demo model on a shared 2-core machine
# The PHI runs must reach the prompt (and its log) even for notes the small test index does not cover.
ANSWER_EVERYTHING = {"ONCO_RETRIEVAL__MIN_RELEVANCE": "-1"}
_STRACE_ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"')


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = ["strace", "-f", "--seccomp-bpf", "-e", "trace=connect", "-o", os.devnull, "true"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False  # ptrace refused (container seccomp, Yama): the Python layer still runs


@dataclass
class Guard:
    folder: Path
    site: Path
    strace: bool

    def net_log(self, name: str) -> Path:
        return self.folder / f"{name}.net.jsonl"

    def env(self, name: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in PRODUCT_SWITCHES and not k.startswith("ONCO_")}
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(self.site), str(REPO_ROOT), env.get("PYTHONPATH")])
        )
        env["ONCO_NETGUARD_LOG"] = str(self.net_log(name))
        env["PYTHONUNBUFFERED"] = "1"
        env.update(extra or {})
        return env

    def command(self, name: str, argv: Sequence[str]) -> list[str]:
        if not self.strace:
            return list(argv)
        trace = ["-e", "trace=connect,sendto,sendmsg", "-o", str(self.folder / f"{name}.strace")]
        return ["strace", "-f", "--seccomp-bpf", *trace, *argv]

    def run(
        self, name: str, argv: Sequence[str], timeout: float = 600, extra_env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(name, argv),
            cwd=REPO_ROOT,
            env=self.env(name, extra_env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    # -- what was seen ---------------------------------------------------------------------------------------
    def loaded(self, name: str) -> list[dict]:
        path = Path(f"{self.net_log(name)}.loaded")
        return [json.loads(line) for line in path.read_text().splitlines()] if path.is_file() else []

    def attempts(self, name: str) -> list[dict]:
        path = self.net_log(name)
        return [json.loads(line) for line in path.read_text().splitlines()] if path.is_file() else []

    def native_attempts(self, name: str) -> list[str]:
        """strace lines whose destination is an IPv4/IPv6 address other than loopback."""
        path = self.folder / f"{name}.strace"
        if not self.strace or not path.is_file():
            return []
        out = []
        for line in path.read_text(errors="replace").splitlines():
            for v4, v6 in _STRACE_ADDRESS.findall(line):
                ip = ipaddress.ip_address(v4 or v6)
                mapped = getattr(ip, "ipv4_mapped", None)
                if not ((mapped or ip).is_loopback or (mapped or ip).is_unspecified):
                    out.append(line.strip())
        return out

    def assert_offline(self, name: str) -> None:
        """The guard ran in this step's processes, and nothing in them tried to reach another machine."""
        loaded = self.loaded(name)
        assert loaded, f"{name}: the network guard was not loaded (sitecustomize not imported?)"
        attempts = self.attempts(name)
        assert attempts == [], f"{name}: network attempts:\n" + "\n\n".join(
            f"{a['kind']} {a['target']} (pid {a['pid']} {a['argv']})\n{''.join(a['stack'][-10:])}"
            for a in attempts
        )
        native = self.native_attempts(name)
        assert native == [], f"{name}: native network attempts (strace):\n" + "\n".join(native[:20])


@pytest.fixture(scope="session")
def guard(tmp_path_factory: pytest.TempPathFactory) -> Guard:
    folder = tmp_path_factory.mktemp("privacy")
    site = folder / "site"
    site.mkdir()
    shutil.copyfile(HERE / "netguard.py", site / "sitecustomize.py")
    return Guard(folder=folder, site=site, strace=_strace_works())


@pytest.fixture(scope="session")
def guarded_index(guard: Guard) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """(a) Guidelines ingested by the CLI, offline; the index the other steps answer from."""
    data_dir = guard.folder / "data"
    argv = [sys.executable, "-m", "corpora", "ingest", str(DEMO_FILE), str(DEMO_FILE_FR)]
    proc = guard.run(
        "ingest", [*argv, "--kind", "guideline", "--data-dir", str(data_dir), "--profile", "test"]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return data_dir, proc


@dataclass
class UiRun:
    """What the UI step saw: page and config status, the final payload of each API answer, the server log."""

    page_status: int
    config_status: int
    config: dict
    endpoint: str
    answers: list[list]
    log: str
    audit: Path


def _ask_endpoint(client: httpx.Client, url: str) -> str:
    """The Chat tab's ask event, found by its inputs (question, conversation) rather than a hard-coded name."""
    named = client.get(f"{url}/gradio_api/info").json()["named_endpoints"]
    for name, info in named.items():
        if [p["parameter_name"] for p in info["parameters"]] == ["q", "messages"]:
            return name
    raise AssertionError(f"no chat endpoint (q, messages) among {sorted(named)}")


def call_api(client: httpx.Client, url: str, endpoint: str, data: list) -> list:
    """Gradio's REST protocol: POST the inputs, then read the event stream to its `complete` event."""
    event_id = client.post(f"{url}/gradio_api/call{endpoint}", json={"data": data}).json()["event_id"]
    stream = client.get(f"{url}/gradio_api/call{endpoint}/{event_id}", timeout=600).text
    events = re.findall(r"^event: (\w+)\ndata: (.*)$", stream, flags=re.MULTILINE)
    assert events and events[-1][0] == "complete", stream[-2000:]
    return json.loads(events[-1][1])


@pytest.fixture(scope="session")
def guarded_ui(guard: Guard, guarded_index: tuple[Path, object]) -> UiRun:
    """(c) The UI, offline, with verbose logging to a file: started, its page and config fetched, the PHI-bearing
    questions of `ui_notes` asked through its API, then stopped (so shutdown is watched too)."""
    data_dir, _ = guarded_index
    log = guard.folder / "app.log"
    audit = guard.folder / "app-audit" / "answers.jsonl"  # this step's answers only
    app = AppProcess(
        data_dir,
        free_port(),
        log,
        "test",
        extra_args=["-v"],
        env=guard.env("app", {"ONCO_AUDIT__PATH": str(audit), **ANSWER_EVERYTHING}),
        wrap=lambda argv: guard.command("app", argv),
        own_session=True,  # one process group: strace and the app end together
    )
    url = app.url.rstrip("/")
    with app, httpx.Client(trust_env=False, timeout=60) as client:  # no proxy between us and loopback
        app.wait_ready(START_TIMEOUT_S)
        page = client.get(url + "/").status_code
        config_response = client.get(url + "/config")
        endpoint = _ask_endpoint(client, url)
        answers = [call_api(client, url, endpoint, [n.question, []]) for n in ui_notes()]
    config = config_response.json() if config_response.status_code == 200 else {}
    return UiRun(
        page,
        config_response.status_code,
        config,
        endpoint,
        answers,
        log.read_text(encoding="utf-8", errors="replace"),
        audit,
    )


def ui_notes() -> list[Note]:
    """The most varied note of each language: generation is slow, and test_audit_phi asks every note."""
    return covering(load_notes(), per_language=1)
