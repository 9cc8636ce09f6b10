"""What a build shows while it makes PDFs, and what it does when one cannot be made: on a
terminal one progress line rewritten in place, without one plain lines and a total, nothing with
--quiet (but the warnings), and with --strict a non-zero exit when a PDF is missing. Run with the
real engine (Chromium, `make test-deps`) on a copy of the seed content."""
import os
import pathlib
import pty
import re
import select
import shutil
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()
SCHOOLS = sorted(p.name for p in (REPO / "Content" / "schools").iterdir() if (p / "school.md").is_file())
TOTAL = 2 * len(SCHOOLS)


def command(output, *extra, content=REPO / "Content"):
    return [str(BIN), "build", "--content", str(content), "--theme", str(REPO / "Themes" / "default"),
            "--output", str(output), *extra]


def test_on_a_terminal_one_line_is_updated_in_place(tmp_path):
    leader, follower = pty.openpty()
    process = subprocess.Popen(command(tmp_path / "Site"), stdin=follower, stdout=follower, stderr=follower, cwd=tmp_path)
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        assert ready, "the build printed nothing for 5 minutes"
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the build ends
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=60) == 0, seen.decode(errors="replace")
    text = seen.decode()
    # Each update goes back to the start of the line and clears it; no new line until the end.
    updates = re.findall(r"\r\x1b\[K(Making PDFs (\d+)/(\d+)[^\r\n]*)", text)
    assert updates, text
    assert updates[0][0] == f"Making PDFs 0/{TOTAL}", updates
    assert updates[-1][0].startswith(f"Making PDFs {TOTAL}/{TOTAL}, done in 0:"), updates
    assert len({done for _, done, _ in updates}) >= 3, f"the line was not updated as PDFs were made: {updates}"
    assert any(re.fullmatch(r"Making PDFs \d+/\d+, about \d+:\d\d left", line) for line, _, _ in updates), updates
    start, end = text.index("Making PDFs 0/"), text.index(", done in")
    assert "\n" not in text[start:end], "progress took more than one line"
    assert f"Made {TOTAL} PDFs" in text


def test_without_a_terminal_progress_is_plain_lines_and_a_total(tmp_path):
    result = subprocess.run(command(tmp_path / "Site"), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    progress = [line for line in result.stderr.splitlines() if line.startswith("Making PDFs")]
    assert progress[0] == f"Making PDFs 0/{TOTAL}", result.stderr
    assert re.fullmatch(rf"Making PDFs {TOTAL}/{TOTAL}, done in \d+:\d\d", progress[-1]), progress
    assert "\r" not in result.stderr and "\x1b" not in result.stderr
    assert f"Made {TOTAL} PDFs" in result.stdout


def test_quiet_shows_no_progress_but_every_warning(tmp_path):
    loud = subprocess.run(command(tmp_path / "A", "--no-pdf"), capture_output=True, text=True, timeout=600)
    quiet = subprocess.run(command(tmp_path / "B", "--quiet"), capture_output=True, text=True, timeout=600)
    assert quiet.returncode == 0, quiet.stderr
    assert "Making PDFs" not in quiet.stderr + quiet.stdout
    warnings = [line for line in loud.stderr.splitlines() if ": warning: " in line]
    assert warnings and all(line in quiet.stderr.splitlines() for line in warnings), (warnings, quiet.stderr)


def test_a_pdf_that_cannot_be_made_names_the_school_and_fails_with_strict(tmp_path):
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Content", content)
    school = SCHOOLS[0]
    pages = content / "schools" / school / "pages"
    pages.mkdir(exist_ok=True)
    # Issue 25's reproduction: a list nested 99 deep (Markdown allows 100) stopped WeasyPrint
    # with a RecursionError, and the build still exited 0.
    nested = "\n".join("  " * depth + f"- level {depth + 1}" for depth in range(99))
    (pages / "deep.md").write_text("---\ntitle: Deep\nsummary: Nested too deep to print.\n---\n" + nested + "\n")
    relaxed = subprocess.run(command(tmp_path / "Site", content=content), capture_output=True, text=True, timeout=600)
    assert relaxed.returncode == 0, relaxed.stderr
    warning = [line for line in relaxed.stderr.splitlines() if f"{school}-early-help-offer.pdf" in line]
    assert len(warning) == 1 and ": warning: the whole offer PDF of " in warning[0], relaxed.stderr
    assert re.search(r"its page has lists, quotes or tables nested (99|1\d\d) deep, more than the 24 a PDF can show", warning[0]), warning
    assert f"Made {TOTAL - 1} PDFs" in relaxed.stdout and "1 not made" in relaxed.stdout, relaxed.stdout
    offer = (tmp_path / "Site" / school / "index.html").read_text()
    assert f"{school}-early-help-handout.pdf" in offer and f"{school}-early-help-offer.pdf" not in offer
    assert not (tmp_path / "Site" / school / f"{school}-early-help-offer.pdf").exists()

    strict = subprocess.run(command(tmp_path / "Strict", "--strict", content=content), capture_output=True, text=True, timeout=600)
    assert strict.returncode == 1, strict.stdout + strict.stderr
    assert "error: 1 PDF not made (--strict)" in strict.stderr, strict.stderr
    assert any(f"{school}-early-help-offer.pdf" in line and "nested" in line for line in strict.stderr.splitlines())
