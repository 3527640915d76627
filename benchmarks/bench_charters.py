"""Printing charters: the naive loop against the app's batch path, in one run.

    .venv/bin/python benchmarks/bench_charters.py [--charters 100] [--memory-charters 500]

Prints, for the same N charters (the demo workshop's 12, replicated with new codes/names):
- naive: one `HTML(...).write_pdf()` per charter in a loop, stylesheets parsed each time;
- batch: `render_charters()` as the CLI and the app run it: worker processes on all cores,
  per-pair files plus the combined file (process start-up included);
- the ratio naive / batch;
- the on-screen preview: one charter, `render_charter_pdf()`, warm (median of 5);
- the peak resident memory of the batch path for M charters (this process + its workers,
  sampled every 50 ms), with its time.
Linux only (memory is read from /proc). A benchmark prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_app.core.charters.batch import render_charters  # noqa: E402
from workshop_app.core.charters.context import charter_context  # noqa: E402
from workshop_app.core.demo import PEOPLE, create_demo  # noqa: E402


def demo_contexts(folder: Path, count: int) -> list[dict]:
    """`count` charter contexts: the demo's 12, then copies with fresh codes and names."""
    with create_demo(folder / "demo.workshop") as wf:
        base = [charter_context(wf, p.id) for p in wf.roster.pairs()]
    out = []
    for i in range(count):
        ctx = copy.deepcopy(base[i % len(base)])
        if i >= len(base):
            mentor = PEOPLE[i % len(PEOPLE)][0][0]
            mentee = PEOPLE[(i * 7 + 3) % len(PEOPLE)][1][0]
            ctx["pair"]["code"] = f"P{i + 1:03d}"
            ctx["pair"]["names"] = f"{mentor} & {mentee}"
            ctx["pair"]["mentor"]["name"] = mentor
            ctx["pair"]["mentee"]["name"] = mentee
            ctx["title"] = f"Mentoring charter P{i + 1:03d}: {mentor} & {mentee}"
        out.append(ctx)
    return out


def naive(contexts: list[dict], out_dir: Path) -> float:
    """The baseline: one HTML(...).write_pdf() per charter, nothing shared or cached."""
    from weasyprint import CSS, HTML

    from workshop_app.core.charters.batch import charter_filename
    from workshop_app.core.charters.pdf_render import PAPER_CSS, _fetcher, render_html, template_dir

    out_dir.mkdir(parents=True, exist_ok=True)
    folder = template_dir()
    start = time.perf_counter()
    for ctx in contexts:
        HTML(
            string=render_html("charter.html.j2", ctx),
            base_url=folder.as_uri() + "/",
            url_fetcher=_fetcher(),
        ).write_pdf(
            out_dir / charter_filename(ctx),
            stylesheets=[
                CSS(filename=folder / "base.css"),
                CSS(filename=folder / "charter.css"),
                CSS(string=f"@page {{ size: {PAPER_CSS[ctx['paper']]} }}"),
            ],
        )
    return time.perf_counter() - start


def batch(contexts: list[dict], out_dir: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = render_charters(contexts, out_dir=out_dir, combined=True)
    assert result.combined is not None and len(result.files) == len(contexts)
    return time.perf_counter() - start, sum(result.pages)


def preview_warm(context: dict) -> float:
    from workshop_app.core.charters.pdf_render import render_charter_pdf

    render_charter_pdf(context)  # warm: stylesheets parsed, fonts loaded and subset
    times = []
    for _ in range(5):
        start = time.perf_counter()
        render_charter_pdf(context)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class TreeRSS:
    """Peak resident memory of this process plus its children, sampled from /proc."""

    def __init__(self) -> None:
        self.peak_total = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            sizes = [_rss(pid) for pid in _tree(os.getpid())]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, *sizes)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charters", type=int, default=100)
    parser.add_argument("--memory-charters", type=int, default=500)
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        contexts = demo_contexts(folder, max(args.charters, args.memory_charters))
        some = contexts[: args.charters]
        print(f"{args.charters} charters, {cores} cores, WeasyPrint {_weasyprint_version()}")
        t_naive = naive(some, folder / "naive")
        print(f"naive loop (write_pdf per charter):      {t_naive:7.1f} s")
        t_batch, pages = batch(some, folder / "batch")
        print(f"batch (per-pair files + combined, {pages} pages): {t_batch:7.1f} s")
        print(f"speed-up naive / batch:                  {t_naive / t_batch:7.1f} x")
        t_preview = preview_warm(contexts[0])
        print(f"preview, one charter, warm (median of 5): {t_preview:6.2f} s")
        shutil.rmtree(folder / "naive")
        shutil.rmtree(folder / "batch")
        with TreeRSS() as rss:
            t_many, pages = batch(contexts[: args.memory_charters], folder / "many")
        print(
            f"{args.memory_charters} charters ({pages} pages): {t_many:.1f} s, peak RSS "
            f"{rss.peak_total / 2**20:.0f} MB (app + workers), "
            f"{rss.peak_single / 2**20:.0f} MB largest process"
        )


def _weasyprint_version() -> str:
    import weasyprint

    return str(weasyprint.__version__)


if __name__ == "__main__":
    main()
