"""The real app (`python app.py`) as a subprocess on 127.0.0.1: the one launcher used by the load benchmark, the
privacy tests (under strace, network refused) and the browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from assistant.settings import PROJECT_DIR

# A proxy from the environment would turn requests to loopback into connections to the proxy.
_LOOPBACK_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def default_env() -> dict[str, str]:
    return {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}


class AppProcess:
    """Starts app.py on loopback, waits until it serves, stops it (only what it started) on exit.

    `env` replaces the child's environment (default: ours, analytics off); `wrap` turns the command into another
    (strace); `own_session` puts the child and whatever `wrap` adds in one process group, stopped together."""

    def __init__(
        self,
        data_dir: Path,
        port: int,
        log_path: Path,
        profile: str | None = None,
        *,
        extra_args: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        wrap: Callable[[list[str]], list[str]] | None = None,
        own_session: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.port = port
        self.log_path = log_path
        self.profile = profile
        self.extra_args = list(extra_args)
        self.env = dict(env) if env is not None else default_env()
        self.wrap = wrap
        self.own_session = own_session
        self.url = f"http://127.0.0.1:{port}/"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def command(self) -> list[str]:
        cmd = [sys.executable, str(PROJECT_DIR / "app.py"), "--data-dir", str(self.data_dir)]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port)]
        if self.profile:
            cmd += ["--profile", self.profile]
        cmd += self.extra_args
        return self.wrap(cmd) if self.wrap else cmd

    def start(self) -> AppProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                self.command(),
                cwd=PROJECT_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=self.own_session,
            )
        return self

    def wait_ready(self, timeout: float = 900.0) -> float:
        """Seconds until the page answered; raises with the log's tail when the app died or took too long.
        The first start on an empty data dir indexes the demo corpus, hence the generous default."""
        assert self.proc is not None
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app.py exited with code {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with _LOOPBACK_OPENER.open(self.url + "gradio_api/info", timeout=5) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"app.py did not answer on {self.url} within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Politely first (SIGINT to the group, or SIGTERM), then SIGKILL after 30 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        if self.own_session:
            os.killpg(self.proc.pid, signal.SIGINT)
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            if self.own_session:
                os.killpg(self.proc.pid, signal.SIGKILL)
            else:
                self.proc.kill()
            self.proc.wait(timeout=30)

    def __enter__(self) -> AppProcess:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
