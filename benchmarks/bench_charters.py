"""Printing charters: the app's batch print beside LibreOffice, the mail merge it replaces.

    .venv/bin/python benchmarks/bench_charters.py [--charters 40] [--rounds 3]
        [--workers N] [--naive] [--memory-charters 500]

A program office without the app would print its charters with a Word mail merge saved as
PDF; the scriptable form of that is LibreOffice converting DOCX files to PDF. For the same
N charter contexts (the demo workshop's 12, replicated with new codes and names), this prints:
- app: `render_charters()` as the CLI and the print dialog run it: worker processes on all
  cores, per-pair files plus the combined file, process start-up included, render cache off;
- LibreOffice: N DOCX charters of the same text (python-docx, from the same contexts:
  headings, facts, goals and plans as tables, the signature table, a page-numbered footer)
  converted by one `soffice --headless --convert-to pdf` process with a private profile
  (warmed up by one conversion first, untimed);
- the two alternating, `--rounds` times, each round's pages, seconds and seconds per page,
  and the ratio: the app's pages per second over LibreOffice's (above 1: the app is faster);
  also per CPU second (this process and its children), which holds better than the clock
  while other work shares the machine;
- WeasyPrint's floor: the same text as plain paragraphs (no tables, no running header,
  untagged) in one process, CPU per page beside LibreOffice's: what no template can beat;
- the on-screen preview: one charter, `render_charter_pdf()`, after the preview process's
  `warm_up()` (median of 5);
- optionally the naive loop (one `write_pdf()` per charter, nothing shared) and the peak
  resident memory of a batch of M charters (this process + its workers, from /proc).
python-docx and LibreOffice are benchmark-only: `make benchmarks` installs python-docx and
says how to get LibreOffice; without either, the LibreOffice baseline is skipped (and said so).
A benchmark prints figures; it asserts nothing. Linux only (memory is read from /proc).
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["WORKSHOP_APP_CACHE_DIR"] = "off"  # the render cache would make the app copy files
os.environ.setdefault("WORKSHOP_APP_DATA_DIR", tempfile.mkdtemp(prefix="bench-appdata-"))

from workshop_app.core.charters.batch import charter_filename, render_charters  # noqa: E402
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


# -- the app ---------------------------------------------------------------------------------


Run = tuple[float, int, float]  # seconds, pages, CPU seconds (this process and its children)


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (workers, soffice)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def app_batch(contexts: list[dict], out_dir: Path, workers: int | None) -> Run:
    cpu, start = cpu_seconds(), time.perf_counter()
    result = render_charters(contexts, out_dir=out_dir, combined=True, workers=workers)
    elapsed = time.perf_counter() - start
    assert result.combined is not None and len(result.files) == len(contexts)
    return elapsed, sum(result.pages), cpu_seconds() - cpu


def naive(contexts: list[dict], out_dir: Path) -> float:
    """One HTML(...).write_pdf() per charter, nothing shared or cached, in this process."""
    from weasyprint import CSS, HTML

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


def preview_warm(context: dict) -> float:
    """As the app's preview process: warmed up at the app's start, then one charter."""
    from workshop_app.core.charters.pdf_render import render_charter_pdf, warm_up

    warm_up()
    render_charter_pdf(context)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        render_charter_pdf(context)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_text_floor(contexts: list[dict]) -> Run:
    """WeasyPrint on the charters' text as plain paragraphs (no tables, no side-by-side
    boxes, no running header or footer, untagged), one core: the least it can cost per
    page, whatever the templates do."""
    import html
    import re

    from weasyprint import CSS, HTML

    from workshop_app.core.charters import font_subsets
    from workshop_app.core.charters.pdf_render import _fonts, render_html

    css = CSS(
        string="@page { size: A4; margin: 16mm 15mm } body { font: 9.5pt 'Noto Sans' }"
        " p { margin: 0 0 1mm }",
        font_config=_fonts(),
    )
    bodies = []
    for ctx in contexts:
        text = re.sub(
            r"<(style|head)\b.*?</\1>", "", render_html("charter.html.j2", ctx), flags=re.S
        )
        text = re.sub(r"<(?:br|/p|/div|/h\d|/li|/tr)\b[^>]*>", "\n", text)
        lines = [html.unescape(re.sub(r"<[^>]+>", " ", t)).strip() for t in text.split("\n")]
        bodies.append("".join(f"<p>{html.escape(t)}</p>" for t in lines if t))

    def one(body: str) -> int:
        doc = HTML(string=f"<html lang=en><body>{body}</body></html>").render(
            font_config=_fonts(), stylesheets=[css], pdf_identifier=False
        )
        font_subsets.install(doc).write_pdf()
        return len(doc.pages)

    one(bodies[0])  # warm
    cpu, start = cpu_seconds(), time.perf_counter()
    pages = sum(one(b) for b in bodies)
    return time.perf_counter() - start, pages, cpu_seconds() - cpu


# -- LibreOffice -------------------------------------------------------------------------------


def docx_charter(ctx: dict, path: Path) -> None:
    """A DOCX of the charter's text, laid out as a mail-merge template would be."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    if ctx.get("paper") == "letter":
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    normal = doc.styles["Normal"]
    normal.font.name = "Noto Sans"
    normal.font.size = Pt(9.5)
    pair, program = ctx["pair"], ctx["program"]

    footer = section.footer.paragraphs[0]
    footer.text = f"{pair['code']} · {pair['names']} · {program['name']}   Page "
    _field(footer, "PAGE", OxmlElement, qn)
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", OxmlElement, qn)

    doc.add_paragraph(ctx.get("brand", {}).get("organisation", ""))
    doc.add_heading("Mentoring charter", level=0)
    doc.add_paragraph(f"{program['name']} · {program.get('date', '')}")
    parties = doc.add_table(rows=0, cols=3)
    for role in ("mentor", "mentee"):
        person = pair[role]
        cells = parties.add_row().cells
        cells[0].text = role.capitalize()
        cells[1].text = person["name"]
        cells[2].text = ", ".join(v for v in (person.get("title"), person.get("department")) if v)
    for s in ctx["sections"]:
        doc.add_heading(f"{s['number']} {s['title']}", level=1)
        for text in s.get("wording") or []:
            doc.add_paragraph(str(text))
        for goal in s.get("program_goals") or []:
            doc.add_paragraph(str(goal), style="List Bullet")
        if s.get("short"):
            facts = doc.add_table(rows=0, cols=2)
            for f in s["short"]:
                cells = facts.add_row().cells
                cells[0].text, cells[1].text = f["label"], f["text"] or "________________"
        for c in s.get("checkpoints") or []:
            doc.add_paragraph(f"{c.get('label', '')}: {c.get('date') or c.get('days', '')}")
        for n, goal in enumerate(s.get("goals") or [], 1):
            card = doc.add_table(rows=0, cols=2, style="Table Grid")
            for name, value in goal.items():
                cells = card.add_row().cells
                cells[0].text = (
                    f"Goal {n}" if name == "goal" else name.replace("_", " ").capitalize()
                )
                cells[1].text = str(value or "")
            doc.add_paragraph()
        if s.get("plans") is not None:
            plans = doc.add_table(rows=0, cols=4, style="Table Grid")
            for plan in s["plans"] or [{}] * 3:
                cells = plans.add_row().cells
                values = [str(v) for v in plan.values()] + ["", ""]
                cells[0].text, cells[1].text = "If", values[0]
                cells[2].text, cells[3].text = "we will", values[1]
        for f in s.get("long") or []:
            label = doc.add_paragraph()
            label.add_run(f["label"]).bold = True
            doc.add_paragraph(f["text"] or "\n\n")
    doc.add_paragraph().add_run().add_break(WD_BREAK.LINE)
    doc.add_heading("12 Signatures", level=1)
    doc.add_paragraph("We have read this charter, agree to it, and will review it together.")
    sign = doc.add_table(rows=0, cols=3)
    for role, name in (
        ("Mentor", pair["mentor"]["name"]),
        ("Mentee", pair["mentee"]["name"]),
        ("Program coordinator", program.get("coordinator", "")),
    ):
        cells = sign.add_row().cells
        cells[0].text = role
        cells[1].text = f"\n\n______________________________\n{name}"
        cells[2].text = "\n\n______________\nDate"
    for line in program.get("support") or []:
        doc.add_paragraph(str(line))
    doc.save(str(path))


def _field(paragraph: Any, code: str, element: Any, qn: Any) -> None:
    """A Word field (PAGE, NUMPAGES) in `paragraph`: python-docx has no API for them."""
    field = element("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = element("w:r")
    text = element("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_missing() -> str | None:
    """Why the LibreOffice baseline cannot run here, or None."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return "python-docx is not installed (`make benchmarks` installs it)"
    if soffice() is None:
        return (
            "LibreOffice is not installed (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)"
        )
    return None


def libreoffice(docx_files: list[Path], out_dir: Path, profile: Path) -> Run:
    """Convert `docx_files` in one soffice process: seconds, pages written, CPU seconds."""
    from pypdf import PdfReader

    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        str(soffice()),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, docx_files),
    ]
    cpu, start = cpu_seconds(), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert len(pdfs) == len(docx_files), f"LibreOffice wrote {len(pdfs)} of {len(docx_files)}"
    return elapsed, sum(len(PdfReader(p).pages) for p in pdfs), cpu


# -- memory ----------------------------------------------------------------------------------


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


# -- the run ---------------------------------------------------------------------------------


def line(name: str, seconds: float, pages: int, cpu: float) -> str:
    return (
        f"  {name:<12} {pages:4d} pages {seconds:7.2f} s {1000 * seconds / pages:6.1f} ms/page"
        f"   CPU {cpu:6.2f} s {1000 * cpu / pages:6.1f} ms/page"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charters", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="default: one per core")
    parser.add_argument("--naive", action="store_true", help="also time the naive loop")
    parser.add_argument("--memory-charters", type=int, default=0, help="0: skip")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="bench-charters-") as tmp:
        folder = Path(tmp)
        contexts = demo_contexts(folder, max(args.charters, args.memory_charters))
        some = contexts[: args.charters]
        print(f"{args.charters} charters, {cores} cores, WeasyPrint {_weasyprint_version()}")
        missing = libreoffice_missing()
        docx_files: list[Path] = []
        if missing:
            print(f"LibreOffice baseline skipped: {missing}.")
        else:
            (folder / "docx").mkdir()
            for ctx in some:
                docx_files.append(folder / "docx" / (charter_filename(ctx)[:-4] + ".docx"))
                docx_charter(ctx, docx_files[-1])
            profile = folder / "lo-profile"
            libreoffice(docx_files[:1], folder / "lo-warm", profile)  # creates the profile
        ratios, cpu_ratios = [], []
        lo_cpu_page = 0.0
        for n in range(args.rounds):
            print(f"round {n + 1}:")
            runs = ["app", "libreoffice"] if n % 2 == 0 else ["libreoffice", "app"]
            figures: dict[str, Run] = {}
            for run in runs:
                out = folder / f"{run}-{n}"
                if run == "app":
                    figures[run] = app_batch(some, out, args.workers)
                elif docx_files:
                    figures[run] = libreoffice(docx_files, out, folder / "lo-profile")
                else:
                    continue
                print(line(run, *figures[run]))
                shutil.rmtree(out)
            if "libreoffice" in figures:
                (t_app, p_app, c_app), (t_lo, p_lo, c_lo) = figures["app"], figures["libreoffice"]
                ratios.append((p_app / t_app) / (p_lo / t_lo))
                cpu_ratios.append((p_app / c_app) / (p_lo / c_lo))
                lo_cpu_page = c_lo / p_lo
                print(
                    f"  per page, the app runs at {ratios[-1]:.2f}x LibreOffice's speed "
                    f"(per CPU second: {cpu_ratios[-1]:.2f}x)"
                )
        if ratios:
            print(
                f"ratio app / LibreOffice per page: median {statistics.median(ratios):.2f}x "
                f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)}); per CPU second: median "
                f"{statistics.median(cpu_ratios):.2f}x"
            )
        if docx_files:
            t_floor, p_floor, c_floor = plain_text_floor(some)
            print(line("plain text", t_floor, p_floor, c_floor) + "  (WeasyPrint, one core)")
            print(
                "  the least WeasyPrint costs per page, on the charters' text as plain "
                f"paragraphs: {1000 * c_floor / p_floor:.0f} ms of CPU (LibreOffice in the "
                f"rounds above: {1000 * lo_cpu_page:.0f} ms)"
            )
        if args.naive:
            t_naive = naive(some, folder / "naive")
            t_batch = app_batch(some, folder / "batch", args.workers)[0]
            print(f"naive loop (write_pdf per charter): {t_naive:.1f} s, {t_naive / t_batch:.1f}x")
        print(f"preview, one charter, warm (median of 5): {preview_warm(contexts[0]):.3f} s")
        if args.memory_charters:
            with TreeRSS() as rss:
                t_many, pages, _ = app_batch(
                    contexts[: args.memory_charters], folder / "many", args.workers
                )
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
