"""Load benchmark: N simulated clinicians against the running app on loopback. Prints figures; not a test.

    python -m evals.bench_load [--clinicians 8] [--duration 120] [--ask-share 0.25] [--data-dir DIR] [--port P]
        [--out FILE.json]

Starts `app.py` as a subprocess (an empty or absent data dir gets the demo index on first start), waits until it
serves, warms it up (one lookup, one English and one French question: the model and both spaCy pipelines load
on first use, which is start-up, not load), then runs each clinician on its own thread with its own
gradio_client session, mostly guideline lookups (`/search`) and some chat questions (`/ask`, a conversation of
up to three questions, then `/new_conversation`), with think times; `--ask-share 0` (lookups only) and `1` (questions
only) tell which side of the app a change in memory comes from; `--unique-words` ends every request with a patient
name and record number never seen before, as a clinic's questions would (the pool alone repeats its words);
`--page-load-share P` opens the page anew (a reload, a new tab: a new server session) before that share of actions,
which is how a department's server meets new sessions all day.
Reports p50/p95 latency per kind, errors, and the app's resident memory sampled every second (peak, first and last
quarter, second-half slope; anonymous and file-backed apart).
`--python-heap` also traces the app's Python allocations from a quarter of the run to its end (evals.heap_probe)
and prints what the load left alive and where; tracing slows the app, so that run's latencies are not its own.
Exit code 1 when any request failed."""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from evals.datasets import DATA_DIR, read_jsonl
from evals.heap_probe import HeapProbe
from evals.load_app import AppProcess, default_env, free_port
from evals.load_stats import RssSampler, latency_summary, memory_summary, tree_rss_mb

ASK_SHARE = 0.25  # a quarter of the actions are chat questions, the rest lookups
THINK_S = (0.5, 2.0)  # pause between a clinician's actions
QUESTIONS_PER_CONVERSATION = 3
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Record:
    kind: str  # search | ask | new | page
    clinician: int
    started_s: float
    latency_s: float
    ok: bool
    error: str = ""
    first_output_s: float | None = None  # ask: first streamed update (≈ first token) as the client saw it


def questions() -> list[str]:
    """The demo eval questions, English and French (retrieval set + answers set), deduplicated."""
    rows = read_jsonl(DATA_DIR / "retrieval_demo.jsonl") + read_jsonl(DATA_DIR / "answers_demo.jsonl")
    return list(dict.fromkeys(row["question"] for row in rows))


def _text(html: Any) -> str:
    return " ".join(_TAG.sub(" ", str(html)).split())


def check_search(html: Any) -> str:
    """'' when the lookup returned hits or a plain 'no match'; the reason otherwise."""
    html = str(html)
    if "onco-error" in html:
        return f"lookup error shown: {_text(html)[:200]}"
    return "" if ("onco-hit" in html or "onco-empty" in html) else f"unexpected lookup output: {html[:200]}"


def check_answer(outputs: Any) -> str:
    """'' when the chat ended with an assistant reply and no error notice; the reason otherwise."""
    messages, notice = outputs[0], outputs[3]
    if notice and "onco-error" in str(notice):
        return f"chat error shown: {_text(notice)[:200]}"
    if not messages or messages[-1].get("role") != "assistant":
        return "the chat ended without an answer"
    return ""


class Clinician:
    def __init__(
        self,
        number: int,
        url: str,
        pool: list[str],
        seed: int,
        ask_share: float = ASK_SHARE,
        unique_words: bool = False,
        page_load_share: float = 0.0,
    ) -> None:
        self.number = number
        self.ask_share = ask_share
        self.unique_words = unique_words
        self.page_load_share = page_load_share
        self.url = url
        self.pool = pool
        self.rng = random.Random(seed)
        self.records: list[Record] = []
        self.client: Any = None
        self.messages: list[Any] = []
        self.asked = 0

    def connect(self) -> None:
        from gradio_client import Client

        self.client = Client(self.url, verbose=False, analytics_enabled=False, download_files=False)

    def run(self, t0: float, deadline: float) -> None:
        # Odd clinicians open with a question, even ones with a lookup: a short run exercises both kinds
        # (unless the run asks for one kind only).
        ask = self.ask_share >= 1 or (self.ask_share > 0 and self.number % 2 == 1)
        while time.monotonic() < deadline:
            # Drawn only when asked for, so that runs without page loads keep their sequence of actions.
            if self.page_load_share and self.rng.random() < self.page_load_share:
                self._timed("page", t0, self._open_page)
            if ask:
                if self.asked == QUESTIONS_PER_CONVERSATION:
                    self._timed("new", t0, self._new_conversation)
                self._timed("ask", t0, self._ask)
            else:
                self._timed("search", t0, self._search)
            ask = self.rng.random() < self.ask_share
            pause = self.rng.uniform(*THINK_S)
            time.sleep(max(0.0, min(pause, deadline - time.monotonic())))

    def _timed(self, kind: str, t0: float, action: Any) -> None:
        start = time.monotonic()
        first: float | None = None
        try:
            error, first = action()
        except Exception as exc:  # noqa: BLE001 - any failure is a result of the benchmark
            error = f"{type(exc).__name__}: {exc}"[:300]
        latency = time.monotonic() - start
        first_s = first - start if first is not None else None
        self.records.append(Record(kind, self.number, start - t0, latency, not error, error, first_s))

    def text(self) -> str:
        """A question of the pool; with `unique_words`, followed by a patient's name and record number never seen
        before, as a clinic's questions bring (the scrubber removes them; spaCy meets them)."""
        question = self.rng.choice(self.pool)
        if not self.unique_words:
            return question
        name = "".join(self.rng.choice("bcdfgklmnprstvz") + self.rng.choice("aeiou") for _ in range(4))
        return f"{question} Patient {name.capitalize()}, IPP {self.rng.randrange(10**7, 10**8)}."

    def _search(self) -> tuple[str, None]:
        html = self.client.predict(self.text(), "", "", 5, api_name="/search")
        return check_search(html), None

    def _ask(self) -> tuple[str, float | None]:
        job = self.client.submit(self.text(), self.messages, api_name="/ask")
        first: float | None = None
        while not job.done():  # poll (not iterate: the client's iterator spins every millisecond)
            if first is None and job.outputs():
                first = time.monotonic()
            time.sleep(0.05)
        outputs = job.result()
        first = first or time.monotonic()
        self.messages = list(outputs[0] or [])
        self.asked += 1
        return check_answer(outputs), first

    def _open_page(self) -> tuple[str, None]:
        self.client.close()
        self.connect()
        self.messages, self.asked = [], 0  # a new page starts with an empty chat
        return "", None

    def _new_conversation(self) -> tuple[str, None]:
        self.client.predict(api_name="/new_conversation")
        self.messages, self.asked = [], 0
        return "", None


def warm_up(url: str, pool: list[str]) -> dict[str, float]:
    """Loads what the first requests would (model, both spaCy pipelines); fails loudly if the app cannot answer."""
    french = [q for q in pool if _is_french(q)]
    english = [q for q in pool if q not in french]
    clinician = Clinician(-1, url, english, seed=0)
    clinician.connect()
    timings: dict[str, float] = {}
    for kind, action, questions_ in (
        ("search", clinician._search, english),
        ("ask_en", clinician._ask, english),
        ("ask_fr", clinician._ask, french),
    ):
        clinician.pool = questions_ or pool
        start = time.monotonic()
        error, _ = action()
        timings[kind] = time.monotonic() - start
        if error:
            raise RuntimeError(f"warm-up {kind} failed: {error}")
    clinician.client.close()
    return timings


def _is_french(question: str) -> bool:
    from guardrails.language import detect_language

    return detect_language(question) == "fr"


def run_load(
    url: str,
    pid: int,
    clinicians: int,
    duration: float,
    seed: int = 7,
    ask_share: float = ASK_SHARE,
    unique_words: bool = False,
    page_load_share: float = 0.0,
) -> dict[str, Any]:
    pool = questions()
    crowd = [
        Clinician(n, url, pool, seed + n, ask_share, unique_words, page_load_share) for n in range(clinicians)
    ]
    for clinician in crowd:  # sessions opened before the clock starts, as pages already open in a clinic
        clinician.connect()
    sampler = RssSampler(pid).start()
    cpu0, t0 = time.process_time(), time.monotonic()
    threads = [
        threading.Thread(target=c.run, args=(t0, t0 + duration), name=f"clinician-{c.number}") for c in crowd
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - t0
    samples = sampler.stop()
    for clinician in crowd:
        clinician.client.close()
    records = [r for c in crowd for r in c.records]
    kinds = sorted({r.kind for r in records}, key=["search", "ask", "new", "page"].index)
    summary: dict[str, Any] = {}
    for kind in kinds:
        mine = [r for r in records if r.kind == kind]
        summary[kind] = latency_summary([r.latency_s for r in mine if r.ok])
        summary[kind]["errors"] = sum(not r.ok for r in mine)
    firsts = [r.first_output_s for r in records if r.kind == "ask" and r.ok and r.first_output_s is not None]
    return {
        "wall_s": wall,
        "client_cpu_s": time.process_time() - cpu0,
        "kinds": summary,
        "ask_first_output": latency_summary(firsts),
        "error_count": sum(not r.ok for r in records),
        "errors": [asdict(r) for r in records if not r.ok][:50],
        "memory": memory_summary(samples),
        "memory_parts": {key: memory_summary(part) for key, part in sampler.parts.items()},
        "memory_samples": samples,
        "requests": [asdict(r) for r in sorted(records, key=lambda r: r.started_s)],
        "clinicians": [
            {"clinician": c.number, **{k: sum(r.kind == k and r.ok for r in c.records) for k in kinds}}
            for c in crowd
        ],
    }


def print_report(report: dict[str, Any]) -> None:
    cfg = report["config"]
    print(
        f"\nload test: {cfg['clinicians']} clinicians × {cfg['duration_s']:.0f} s against {cfg['url']} "
        f"(profile {cfg['profile'] or 'default'}; share of questions {cfg['ask_share']:g}"
        + ("; unique words" if cfg.get("unique_words") else "")
        + (f"; page loads before {cfg['page_load_share']:g} of actions" if cfg.get("page_load_share") else "")
        + ")"
    )
    # Requests start during the first duration_s; the wall time includes finishing those still queued.
    rates = ", ".join(f"{k} {s['count'] / report['wall_s'] * 60:.1f}/min" for k, s in report["kinds"].items())
    print(f"wall {report['wall_s']:.0f} s; completed {rates}")
    print(
        f"start-up {report['startup_s']:.1f} s; warm-up "
        + ", ".join(f"{k} {v:.1f} s" for k, v in report["warmup_s"].items())
    )
    print(f"\n{'kind':<18}{'n':>6}{'errors':>8}{'p50 s':>9}{'p95 s':>9}{'max s':>9}")
    rows = [(k, s) for k, s in report["kinds"].items()]
    rows.insert(
        2 if "ask" in report["kinds"] else len(rows), ("ask, first update", report["ask_first_output"])
    )
    for kind, s in rows:
        errors = s.get("errors", "")
        print(f"{kind:<18}{s['count']:>6}{errors!s:>8}{s['p50_s']:>9.2f}{s['p95_s']:>9.2f}{s['max_s']:>9.2f}")
    m = report["memory"]
    if m.get("samples"):
        print(
            f"\napp RSS (MB, {m['samples']} samples): after warm-up {report['rss_after_warmup_mb']:.0f}, "
            f"peak {m['peak_mb']:.0f}, first quarter {m['first_quarter_mb']:.0f}, "
            f"last quarter {m['last_quarter_mb']:.0f}, second-half slope {m['second_half_slope_mb_per_min']:+.1f} MB/min"
        )
        for key, part in report.get("memory_parts", {}).items():
            if part.get("samples"):
                print(
                    f"  {key}: first quarter {part['first_quarter_mb']:.0f}, last quarter {part['last_quarter_mb']:.0f}, "
                    f"second-half slope {part['second_half_slope_mb_per_min']:+.2f} MB/min"
                )
    heap = report.get("python_heap")
    if heap:
        print(
            f"python heap: allocated after a quarter of the run and alive at its end {heap['live_mb']:.1f} MB "
            f"in {heap['blocks']} blocks; largest growth:"
        )
        for site in heap["top"]:
            print(f"  {site['size_kb']:+.0f} kB, {site['blocks']:+d} blocks  {site['where']}")
    per = report["clinicians"]
    for kind in report["kinds"]:
        counts = [c.get(kind, 0) for c in per]
        print(f"per clinician, {kind}: min {min(counts)}, max {max(counts)}")
    print(
        f"client CPU {report['client_cpu_s']:.0f} s (the simulated clinicians share the machine with the app)"
    )
    print(f"errors: {report['error_count']}")
    for error in report["errors"][:10]:
        print(
            f"  clinician {error['clinician']} {error['kind']} at {error['started_s']:.0f} s: {error['error']}"
        )


def _share(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a share must be between 0 and 1, not {text}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clinicians", type=int, default=8)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of load (after warm-up)")
    parser.add_argument(
        "--ask-share",
        type=_share,
        default=ASK_SHARE,
        help=f"share of actions that are chat questions, 0 to 1 (default {ASK_SHARE}; the rest are lookups)",
    )
    parser.add_argument("--data-dir", type=Path, help="index folder (default: a fresh temporary one)")
    parser.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--profile", help="settings profile for the app (default: the default settings)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument(
        "--unique-words",
        action="store_true",
        help="end every request with a patient name and record number never seen before (as real questions do)",
    )
    parser.add_argument(
        "--page-load-share",
        type=_share,
        default=0.0,
        help="share of actions, 0 to 1, before which the clinician opens the page anew (a new server session)",
    )
    parser.add_argument(
        "--python-heap",
        action="store_true",
        help="trace the app's Python allocations from a quarter of the run to its end (slows the app)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        port = args.port or free_port()
        probe = HeapProbe(Path(tmp) / "heap") if args.python_heap else None
        env = probe.app_env(default_env()) if probe else None
        with AppProcess(data_dir, port, Path(tmp) / "app.log", args.profile, env=env) as app:
            startup = app.wait_ready()
            try:
                warm = warm_up(app.url, questions())
                rss_warm = tree_rss_mb(app.pid)
                timer = threading.Timer(args.duration / 4, probe.start) if probe else None
                if timer:
                    timer.start()
                report = run_load(
                    app.url,
                    app.pid,
                    args.clinicians,
                    args.duration,
                    ask_share=args.ask_share,
                    unique_words=args.unique_words,
                    page_load_share=args.page_load_share,
                )
                if probe:
                    report["python_heap"] = asdict(probe.stop())
            except Exception:
                print(f"app log (tail):\n{app.log_tail()}")
                raise
        config = {"clinicians": args.clinicians, "duration_s": args.duration, "url": app.url}
        config["ask_share"] = args.ask_share
        config["unique_words"] = args.unique_words
        config["page_load_share"] = args.page_load_share
        config.update(profile=args.profile, data_dir=str(data_dir))
        report = {
            "config": config,
            "startup_s": startup,
            "warmup_s": warm,
            "rss_after_warmup_mb": rss_warm,
            **report,
        }
    print_report(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
        print(f"figures written to {args.out}")
    return 1 if report["error_count"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
