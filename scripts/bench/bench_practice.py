"""Benchmark practice mode: the question bank's size and the time to the first question.

    python scripts/bench/bench_practice.py [--site DIR] [--rounds N]

Prints practice.json's size raw and gzipped at today's size and with 10× the entries, and the
time to the first question on screen, from opening the page and from its load (DOMContentLoaded),
medians of N cold loads in Chromium with 开始练习 pressed as soon as it appears.
Budget: under 300 ms after load at 10× entries.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
BUDGET_MS = 300
SCALES = (1, 10)

# Press 开始练习 the moment it exists; note when the first question's title is on screen.
FIRST_QUESTION = """
new MutationObserver((_, observer) => {
  const start = document.querySelector(".practice-start");
  if (start && !start.dataset.pressed) { start.dataset.pressed = "1"; start.click(); }
  const question = document.querySelector(".practice-question");
  if (question && question.textContent) {
    const loaded = performance.getEntriesByType("navigation")[0].domContentLoadedEventStart;
    window.firstQuestionMs = [performance.now(), performance.now() - loaded];
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true, characterData: true });
"""


def build(site: Path) -> None:
    """`mkdocs build --strict` of the repository into `site`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def scaled(bank: dict, times: int) -> bytes:
    """The bank with every entry repeated `times` times under new ids."""
    entries = [
        {**e, "id": f"{e['id']}-{n}" if n else e["id"]}
        for n in range(times)
        for e in bank["entries"]
    ]
    return json.dumps(
        {**bank, "entries": entries}, ensure_ascii=False, separators=(",", ":")
    ).encode()


def serve(site: Path, bank: bytes) -> http.server.ThreadingHTTPServer:
    """A local server for `site` whose practice.json is `bank`."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle(self):
            # a page may close while its search index is still loading
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                super().handle()

        def do_GET(self):
            if self.path != "/practice.json":
                return super().do_GET()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(bank)))
            self.end_headers()
            self.wfile.write(bank)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def first_question_ms(site: Path, bank: bytes, rounds: int) -> list[tuple[float, float]]:
    """(from navigation start, from the page's load) to the first question, for `rounds` cold
    loads; "load" is DOMContentLoaded, when the page's deferred scripts have run."""
    from playwright.sync_api import sync_playwright

    server = serve(site, bank)
    url = f"http://127.0.0.1:{server.server_address[1]}/practice/"
    times = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for _ in range(rounds):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_init_script(FIRST_QUESTION)
                page = context.new_page()
                page.goto(url)
                page.wait_for_function("() => window.firstQuestionMs !== undefined")
                times.append(page.evaluate("() => window.firstQuestionMs"))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--rounds", type=int, default=7, help="page loads per bank size")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        bank = json.loads((site / "practice.json").read_text(encoding="utf-8"))
        for times in SCALES:
            data = scaled(bank, times)
            runs = first_question_ms(site, data, args.rounds)
            opened = statistics.median(r[0] for r in runs)
            loaded = statistics.median(r[1] for r in runs)
            verdict = "within" if loaded < BUDGET_MS else "OVER"
            print(
                f"practice.json at {times}× ({len(bank['entries']) * times} entries): "
                f"{len(data) / 1024:.0f} KB raw, {len(gzip.compress(data)) / 1024:.0f} KB gzipped; "
                f"first question {opened:.0f} ms after opening the page, "
                f"{loaded:.0f} ms after load "
                f"(medians of {args.rounds}"
                + (f"; {verdict} the {BUDGET_MS} ms budget)" if times == 10 else ")")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
