"""Hostile input through the real binary: theme templates that once crashed every build
(exit 139, with `check` saying 0 errors and `serve` dying), a school's left-over templates/
folder, scripts in values and SVG logos, `mailto:` parameters in emails, and terminal escapes
in names. Run through the binary so that a crash fails a test instead of ending the test run."""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()
SCHOOL = "Content/schools/westlands-first"


def run(*args, cwd):
    return subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(REPO / "Content", tmp_path / "Content")
    shutil.copytree(REPO / "Themes", tmp_path / "Themes")
    return tmp_path


THEME = "Themes/default/templates"


def theme_templates(project, templates):
    for name, text in templates.items():
        (project / THEME / f"{name}.mustache").write_text(text)


def nested(levels, inner="x", name="school"):
    return f"{{{{#{name}}}}}" * levels + inner + f"{{{{/{name}}}}}" * levels


HOSTILE = {
    "includes-itself": ({"footer": "<footer>\n<p>Contact us</p>\n{{> footer}}\n</footer>\n"},
                        "footer.mustache:3:1: error: footer.mustache includes itself through {{> footer}} on line 3"),
    "include-each-other": ({"footer": "{{> header}}\n", "header": "<header>{{> footer}}</header>\n"},
                           "templates cannot include each other in a circle"),
    "circle-through-parents": ({"layout": "{{<school}}{{$content}}x{{/content}}{{/school}}\n"}, "layout → school → layout"),
    "20000-nested-sections": ({"footer": nested(20_000, name="a")}, "nest more than 100 deep"),
    "50000-nested-sections": ({"footer": nested(50_000, name="a")}, "Signpost reads templates of up to 256 KB"),
    "nested-through-includes": ({"footer": nested(80, "{{> school-contacts}}"), "school-contacts": nested(80)},
                                "with the templates it includes"),
    "dynamic-partial": ({"footer": "<footer>{{>*which}}</footer>\n"}, "takes the name of the template to include from a value"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_theme_templates_are_errors_not_crashes(project, case):
    templates, expected = HOSTILE[case]
    theme_templates(project, templates)
    check = run("check", cwd=project)
    assert check.returncode == 1, f"check exited {check.returncode}\n{check.stdout}\n{check.stderr[-2000:]}"
    assert expected in check.stdout, check.stdout
    assert f"{THEME}/" in check.stdout
    assert len(check.stdout.splitlines()) < 60
    build = run("build", "--output", "Site", cwd=project)
    assert build.returncode == 1, f"build exited {build.returncode}\n{build.stderr[-2000:]}"
    assert expected in build.stderr
    # The theme is every school's: nothing is written.
    assert not (project / "Site").exists()
    assert not list(project.glob(".Site-building-*"))


def test_a_schools_templates_folder_is_an_error_and_the_other_schools_are_built(project):
    (project / SCHOOL / "templates").mkdir()
    (project / SCHOOL / "templates/footer.mustache").write_text("<footer>Ours</footer>\n")
    check = run("check", cwd=project)
    assert check.returncode == 1, check.stdout
    assert (f"{SCHOOL}/templates/footer.mustache:1:1: error: schools no longer have their own templates, so footer.mustache is not used"
            f" and Westlands First School's pages are not built — put the school's footer note in `footer_note:` and its own links"
            f" in `links:` in {SCHOOL}/school.md, then delete the templates/ folder") in check.stdout, check.stdout
    build = run("build", "--output", "Site", cwd=project)
    assert build.returncode == 1
    assert "Left out Westlands First School, which has not been published before" in build.stdout, build.stdout
    assert (project / "Site/index.html").exists() and not (project / "Site/westlands-first").exists()
    assert (project / "Site/droitwich-spa-high/index.html").exists()


def test_serve_survives_a_theme_template_that_includes_itself(project):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([str(BIN), "serve", "--port", str(port)], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    status_url = f"http://127.0.0.1:{port}/__signpost/status"

    def status():
        try:
            with urllib.request.urlopen(status_url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            return None

    try:
        deadline = time.time() + 60
        while status() is None and time.time() < deadline:
            time.sleep(0.2)
        assert status() is not None, "serve did not start"
        # serve takes its first look at the files just after it starts listening: save again
        # (a different size each time) until the save is seen.
        deadline = time.time() + 30
        saves = 0
        while not (status() or {}).get("errors") and time.time() < deadline:
            if saves * 3 <= 30 - (deadline - time.time()):
                theme_templates(project, {"footer": "<footer>\n{{> footer}}\n</footer>\n" + "\n" * saves})
                saves += 1
            time.sleep(0.2)
        errors = (status() or {}).get("errors", [])
        assert any("footer.mustache includes itself" in e for e in errors), errors
        assert process.poll() is None, "serve died"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/westlands-first/", timeout=5) as response:
            assert response.status == 200
    finally:
        process.kill()
        process.wait()


HOSTILE_SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(document.domain)</script>
<a xlink:href="javascript:alert(2)"><rect width="10" height="10" fill="#1d5fa0"/></a>
<image href="https://evil.example/track.png"/>
</svg>
"""


def test_an_svg_logo_is_published_as_a_png_only(project):
    """An SVG is drawn as a PNG by librsvg (Sources/SignpostWrite/LogoFile.swift): no SVG, so no script, is published."""
    (project / SCHOOL / "logo.svg").write_text(HOSTILE_SVG)
    school = project / SCHOOL / "school.md"
    school.write_text(school.read_text().replace("\nphase: ", "\nlogo: logo.svg\nphase: ", 1))
    check = run("check", cwd=project)
    assert "logo" not in check.stdout, check.stdout
    assert run("build", cwd=project).returncode == 0
    assert not list((project / "Site").rglob("*.svg"))
    published = (project / "Site/westlands-first/logo.png").read_bytes()
    assert published.startswith(b"\x89PNG\r\n\x1a\n")
    for gone in (b"script", b"onload", b"javascript", b"evil.example"):
        assert gone not in published
    assert 'src="../westlands-first/logo.png"' in (project / "Site/westlands-first/index.html").read_text() \
        or 'logo.png"' in (project / "Site/westlands-first/index.html").read_text()


def test_an_svg_saved_as_a_png_is_refused(project):
    (project / SCHOOL / "logo.png").write_text(HOSTILE_SVG)
    school = project / SCHOOL / "school.md"
    school.write_text(school.read_text().replace("\nphase: ", "\nlogo: logo.png\nphase: ", 1))
    check = run("check", cwd=project)
    assert check.returncode == 1
    assert 'the logo "logo.png" cannot be published: it is not a PNG picture that can be read' in check.stdout, check.stdout


@pytest.mark.parametrize("email, suggestion", [
    ("office@westlands.worcs.sch.uk?cc=victim@evil.example", "write only the address, e.g. office@westlands.worcs.sch.uk"),
    # Published before as mailto:office?bcc=…: a hidden copy of every email to another address.
    ("office?bcc=victim%40evil.example&subject=hi@westlands.worcs.sch.uk", "write only the address, e.g. name@school.sch.uk"),
])
def test_an_email_with_mailto_parameters_is_refused(project, email, suggestion):
    school = project / SCHOOL / "school.md"
    text = school.read_text()
    school.write_text(text.replace("email: office@westlands.worcs.sch.uk", f"email: {email}", 1))
    check = run("check", cwd=project)
    assert check.returncode == 1, check.stdout
    assert suggestion in check.stdout, check.stdout
    assert run("build", cwd=project).returncode == 1


def test_terminal_escapes_in_names_are_written_out(project):
    (project / "Content/agencies/bad\x1b[2J.md").write_text("---\nname: X\n---\n")
    (project / "Content/agencies/odd.md").write_text('---\nname: Odd\nphones: ["116 123"]\n"ph\x1b]0;owned\x07one\u202e": x\n---\n')
    check = run("check", cwd=project)
    assert check.returncode == 1
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in check.stdout
    assert "bad\\u{1B}[2J.md" in check.stdout and "\\u{202E}" in check.stdout, check.stdout
    report = run("check", "--format", "json", cwd=project)
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in report.stdout
    files = {finding["file"] for finding in json.loads(report.stdout)["findings"]}
    assert "Content/agencies/bad\x1b[2J.md" in files


class PageScan(__import__("html.parser").parser.HTMLParser):
    """Every script, event attribute and address a page has, as a browser would read its tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.handlers, self.addresses = [], [], []
        # JSON-LD blocks: data a browser never runs, kept apart with their text.
        self.data_blocks, self.in_data_block = [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "poster") and value:
                self.addresses.append(value.strip())
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.in_data_block = True
            self.data_blocks.append("")
        elif tag == "script":
            self.scripts.append(dict(attrs).get("src"))

    def handle_data(self, data):
        if self.in_data_block:
            self.data_blocks[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_data_block = False


def test_hostile_values_publish_no_script(project):
    """The theme puts values only where escaping keeps them text."""
    hostile = "\"'><script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)"
    quoted = "'" + hostile.replace("'", "''") + "'"
    (project / "Content/agencies/hostile-values.md").write_text(
        f"---\nname: {quoted}\nsummary: {quoted}\nphones: [\"116 123\"]\nlevels: [everyone]\ntopics: [mental-health]\n---\n")
    school = project / SCHOOL / "school.md"
    school.write_text(school.read_text().replace("agencies: [", "agencies: [hostile-values, ", 1)
                      .replace("name: Westlands First School", f"name: {quoted}", 1))
    check = run("check", cwd=project)
    assert check.returncode == 0, check.stdout
    assert run("build", cwd=project).returncode == 0
    pages = list((project / "Site/westlands-first").rglob("*.html"))
    assert len(pages) > 20
    offer = (project / "Site/westlands-first/index.html").read_text()
    assert offer.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3, "the values must reach the page, escaped"
    for page in pages:
        scan = PageScan()
        scan.feed(page.read_text())
        assert scan.handlers == [], page
        assert all(src and "assets/" in src for src in scan.scripts), (page, scan.scripts)
        # A hostile name reaches a JSON-LD block as JSON text that cannot end the block.
        assert all("<" not in block and json.loads(block) for block in scan.data_blocks), (page, scan.data_blocks)
        assert not [a for a in scan.addresses if a.lower().replace(" ", "").startswith(("javascript:", "data:", "vbscript:"))], page
