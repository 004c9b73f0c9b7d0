"""The clinician's workspace: `python app.py [--profile NAME] [--data-dir DIR] [--host H] [--port P]`.

The composition root: settings → services (built once) → demo index on first run → Gradio UI → launch on
127.0.0.1:7860 unless told otherwise; any other address requires a login (ONCO_UI_USERS)."""

from __future__ import annotations

import ctypes
import os

# Before anything imports gradio or chromadb: no telemetry, no hub look-ups.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """glibc gives busy threads arenas of their own that it rarely hands back; under load (8 clinicians, 300 s,
    `python -m evals.bench_load`) resident memory kept rising by 7.4 MB/min with the default and levelled off with
    2 arenas (+2.5 MB/min over the second half, peak 1,180 MB against 1,218). Set before any thread starts."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return False  # the administrator's choice wins
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(-8, arenas))  # -8 = M_ARENA_MAX
    except (OSError, AttributeError):
        return False  # not glibc (macOS, musl): nothing to tune


limit_malloc_arenas()

import argparse  # noqa: E402
import logging  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from assistant.bootstrap import Services, build_services, configure_privacy  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.settings import PROJECT_DIR, Settings, load_settings  # noqa: E402

configure_privacy()
log = logging.getLogger("app")
DEMO_DIR = PROJECT_DIR / "corpora" / "demo"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="app.py", description="Oncology assistant: the clinician's workspace."
    )
    parser.add_argument("--profile", help="settings profile overlay (settings-<profile>.yaml)")
    parser.add_argument("--data-dir", type=Path, help="index folder (default: settings data_dir)")
    parser.add_argument("--host", help="address to listen on (default: settings ui.host, 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default: settings ui.port, 7860)")
    parser.add_argument("--model", type=Path, help="a local GGUF model instead of the packaged demo model")
    parser.add_argument(
        "--no-demo-index", action="store_true", help="do not index corpora/demo into an empty index"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at INFO level (prompts included)")
    return parser.parse_args(argv)


def settings_from(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {"data_dir": args.data_dir}
    ui = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    if ui:
        overrides["ui"] = ui
    if args.model:
        overrides["llm"] = {"model_path": args.model}
    return load_settings(profile=args.profile, **overrides)


def demo_files(folder: Path | None = None) -> list[Path]:
    # README.md describes the corpus; it is not a guideline.
    return sorted(p for p in (folder or DEMO_DIR).glob("*.md") if p.name.lower() != "readme.md")


def ensure_demo_index(services: Services) -> list[str]:
    """Indexes corpora/demo when the index is empty; returns notes to show in the page."""
    if services.store.count() > 0:
        services.store.refresh_lexical_index()
        return []
    try:
        from corpora.ingest import ingest_paths
    except ImportError as exc:
        return [
            f"The index is empty and the ingestion package could not be loaded ({exc}); run `python -m corpora ingest`."
        ]
    files = demo_files()
    if not files:
        return [
            f"The index is empty and {DEMO_DIR} has no demo documents; add guidelines in the Library tab."
        ]
    print(f"First run: indexing {len(files)} demo documents from {DEMO_DIR} …", file=sys.stderr)
    report = ingest_paths(files, "guideline", services.store, progress=True)
    print(report.summary(), file=sys.stderr)
    notes = ["The demo corpus was indexed on first start: it is demo content, not for clinical use."]
    if report.skipped:
        notes.append(f"{len(report.skipped)} demo file(s) could not be indexed; see the server log.")
    return notes


def build_intake(services: Services) -> Any:
    """Patient intake, or None with the reason logged when corpora or the scrubber cannot be loaded."""
    try:
        from corpora.patients import local_salt
        from ui.patient_intake import PatientIntake
    except ImportError as exc:
        log.warning("patient intake disabled: %s", exc)
        return None
    scrubber = services.answers.scrubber
    if scrubber is None:
        log.warning("patient intake disabled: no PHI scrubber")
        return None
    # One session per note: a name is the same placeholder in every section, and dates shift together.
    session_factory = getattr(scrubber, "session", None)
    data_dir = services.settings.data_dir
    return PatientIntake(services.store, scrubber, lambda: local_salt(data_dir), session_factory)


def sigterm_handler(blocks: Any) -> Callable[[int, Any], None]:
    """`kill` and service managers stop with SIGTERM, which would end Python on the spot. The handler closes Gradio
    (its serving loop then ends) so that Python exits normally and removes the letters' export folder.

    Once the server runs, it does not raise an interrupt into the main thread: one raised while that thread ran a
    callback whose errors Python ignores (a module lock's weakref callback, during the warm-up's imports) was lost,
    and the app went on serving (seen once in CI). During start-up it interrupts `launch`, which main catches."""

    def handle(signum: int, frame: Any) -> None:
        if blocks.is_running:
            blocks.close()
        else:
            raise KeyboardInterrupt

    return handle


def _warm_up(services: Services) -> None:
    started = time.perf_counter()
    try:
        services.answers.warm_up()
    except Exception as exc:  # noqa: BLE001 - the first question reports the same problem to the clinician
        log.warning("warm-up failed (the first question will say why): %s", exc)
        return
    log.info("models loaded in %.1f s", time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    try:
        settings = settings_from(args)
        from ui.access import launch_auth

        # Refuse a non-loopback address without a login, before any work. ui.users once settings have it.
        auth = launch_auth(settings.ui.host, getattr(settings.ui, "users", None))
        notes: list[str] = []
        try:
            services = build_services(settings)
        except ImportError as exc:  # guardrails.phi missing: run, but say plainly what is off
            log.warning("PHI scrubber unavailable: %s", exc)
            services = build_services(settings, scrub=False)
            notes.append(
                "The PHI scrubber (guardrails.phi) could not be loaded: questions are not scrubbed and patient "
                "intake is disabled. Do not type patient identifiers."
            )
        if not args.no_demo_index:
            notes += ensure_demo_index(services)
        from assistant.letters.clinical_services import build_clinical_services
        from ui.workspace import build_workspace

        clinical = build_clinical_services(services)
        blocks = build_workspace(services, clinical, build_intake(services), notes)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from ui.concurrency import configure_queue
    from ui.launch_options import launch_options

    # The page is served while the models load: a question asked meanwhile waits on the same locks.
    threading.Thread(target=_warm_up, args=(services,), name="warm-up", daemon=True).start()

    signal.signal(signal.SIGTERM, sigterm_handler(blocks))

    # Answers one at a time in arrival order, lookups alongside, a bounded wait (ui/concurrency.py).
    configure_queue(blocks, settings.ui.queue_size)
    try:
        blocks.launch(**launch_options(settings.ui, auth))
    except KeyboardInterrupt:  # a signal during launch's own start-up checks, before Gradio's loop catches it
        blocks.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
