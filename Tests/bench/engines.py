#!/usr/bin/env python3
"""Compares PDF engines on the pages of a built site (README, "Choosing the PDF engine"):
time per document, peak memory, pages, the handout's 2-page fit, tagging (structure tree,
/Lang, title, bookmarks, link annotations) and whether the text holds every phone number the
page shows. Each engine runs in its own long-lived process, rendering document after document.

Usage: engines.py SITE SCHOOL [SCHOOL...]
  WeasyPrint from WEASYPRINT (a `pip --target` folder; default .build-pdf/weasyprint) — not
  installed by make any more: `python3 -m pip install --target .build-pdf/weasyprint weasyprint==70.0`;
  Chromium from CHROMIUM (default Debian's /usr/lib/chromium/chromium), driven over
  --remote-debugging-pipe as Signpost drives it."""
import base64
import io
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from pypdf import PdfReader

REPO = pathlib.Path(__file__).resolve().parents[2]
FONTS = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"]
DOCUMENTS = {"handout": "handout/index.html", "whole offer": "whole-offer/index.html"}


def font_config(folder):
    path = pathlib.Path(folder) / "fonts.conf"
    dirs = "".join(f"<dir>{d}</dir>" for d in FONTS)
    path.write_text(f'<?xml version="1.0"?><fontconfig>{dirs}<cachedir>{folder}/cache</cachedir>'
                    "<selectfont><rejectfont><glob>*/DejaVuMathTeXGyre*</glob></rejectfont></selectfont></fontconfig>")
    return str(path)


class GroupMemory(threading.Thread):
    """Peak of the summed proportional set sizes of a process group, sampled five times a second."""

    def __init__(self, group):
        super().__init__(daemon=True)
        self.group, self.peak, self.done = group, 0, threading.Event()
        self.start()

    def run(self):
        while not self.done.is_set():
            total = 0
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    with open(f"/proc/{pid}/stat") as stat:
                        if int(stat.read().rsplit(")", 1)[1].split()[2]) != self.group:
                            continue
                    with open(f"/proc/{pid}/smaps_rollup") as rollup:
                        total += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:")) * 1024
                except (OSError, ValueError, IndexError):
                    pass
            self.peak = max(self.peak, total)
            self.done.wait(0.2)


WEASYPRINT_DRIVER = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
import weasyprint
print(json.dumps({"ready": weasyprint.__version__}), flush=True)
for line in sys.stdin:
    job = json.loads(line)
    start = time.monotonic()
    weasyprint.HTML(filename=job["page"]).write_pdf(job["pdf"], pdf_variant="pdf/ua-1")
    print(json.dumps({"seconds": time.monotonic() - start}), flush=True)
"""


def weasyprint(jobs, work):
    folder = os.environ.get("WEASYPRINT", str(REPO / ".build-pdf" / "weasyprint"))
    env = dict(os.environ, FONTCONFIG_FILE=font_config(work))
    start = time.monotonic()
    process = subprocess.Popen([sys.executable, "-I", "-c", WEASYPRINT_DRIVER, folder], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env=env, start_new_session=True)
    memory = GroupMemory(process.pid)
    version = json.loads(process.stdout.readline())["ready"]
    started = time.monotonic() - start
    times = []
    for page, pdf in jobs:
        process.stdin.write(json.dumps({"page": str(page), "pdf": str(pdf)}) + "\n")
        process.stdin.flush()
        times.append(json.loads(process.stdout.readline())["seconds"])
    process.stdin.close()
    process.wait()
    memory.done.set()
    memory.join()
    return f"WeasyPrint {version}", started, times, memory.peak


def chromium(jobs, work):
    executable = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")
    commands, to_browser = os.pipe()
    from_browser, answers = os.pipe()
    env = {"HOME": work, "PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": font_config(work)}
    start = time.monotonic()

    def fds():
        os.dup2(commands, 3)
        os.dup2(answers, 4)

    process = subprocess.Popen([executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                                "--blink-settings=scriptEnabled=false", "--font-render-hinting=none",
                                "--renderer-process-limit=1", f"--user-data-dir={work}/profile", "about:blank"],
                               preexec_fn=fds, pass_fds=(3, 4), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    os.close(commands)
    os.close(answers)
    memory = GroupMemory(process.pid)
    buffer, ids = b"", iter(range(1, 1 << 30))
    events = []

    def read():
        nonlocal buffer
        while b"\0" not in buffer:
            buffer += os.read(from_browser, 1 << 20)
        end = buffer.index(b"\0")
        message, buffer = json.loads(buffer[:end]), buffer[end + 1:]
        return message

    def call(method, params=None, session=None):
        number = next(ids)
        message = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = read()
            if answer.get("id") == number:
                if "error" in answer:
                    raise RuntimeError(answer["error"])
                return answer["result"]
            events.append(answer)

    version = call("Browser.getVersion")["product"]
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    call("Page.enable", session=session)
    started = time.monotonic() - start
    times = []
    for page, pdf in jobs:
        begin = time.monotonic()
        events.clear()
        call("Page.navigate", {"url": page.as_uri()}, session)
        while not any(e.get("method") == "Page.loadEventFired" for e in events):
            events.append(read())
        printed = call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True, "generateTaggedPDF": True,
                                           "generateDocumentOutline": True}, session)
        pdf.write_bytes(base64.b64decode(printed["data"]))
        times.append(time.monotonic() - begin)
    os.write(to_browser, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
    process.wait()
    memory.done.set()
    memory.join()
    return version, started, times, memory.peak


def qualities(pdf_path, html_path):
    pdf = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    root = pdf.trailer["/Root"]
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
    html = html_path.read_text()
    phones = [re.sub(r"<[^>]+>|\s", "", label) for label in re.findall(r'href="tel:[^"]*"[^>]*>(.*?)</a>', html)]
    links = sum(1 for p in pdf.pages for a in (p.get("/Annots") or []) if "/A" in a.get_object())
    return {
        "pages": len(pdf.pages),
        "tagged": "/StructTreeRoot" in root and bool(root.get("/MarkInfo", {}).get("/Marked")),
        "lang": str(root.get("/Lang", "")),
        "title": bool(pdf.metadata and pdf.metadata.title),
        "bookmarks": len(pdf.outline),
        "links": links,
        "phones in text": f"{sum(p in text for p in phones)}/{len(phones)}",
    }


def main():
    site, schools = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2:]
    for engine in (weasyprint, chromium):
        with tempfile.TemporaryDirectory() as work:
            jobs = [(site / school / page, pathlib.Path(work) / f"{school}-{name.replace(' ', '-')}.pdf")
                    for school in schools for name, page in DOCUMENTS.items()]
            name, started, times, peak = engine(jobs, work)
            print(f"\n{name}: started in {started:.2f} s, peak memory {peak / 2**20:,.0f} MB (PSS, all its processes), "
                  f"{len(jobs)} documents in {sum(times):.1f} s")
            for kind in DOCUMENTS:
                chosen = [t for (page, pdf), t in zip(jobs, times) if pdf.name.endswith(kind.replace(" ", "-") + ".pdf")]
                print(f"  {kind}: median {statistics.median(chosen):.2f} s, max {max(chosen):.2f} s")
            for (page, pdf), seconds in zip(jobs, times):
                print(f"  {pdf.name}: {seconds:.2f} s {qualities(pdf, page)}")


if __name__ == "__main__":
    main()
