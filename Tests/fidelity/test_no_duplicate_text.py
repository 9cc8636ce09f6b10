"""The shared library exists so that an agency's text is written once: no paragraph of
real length may stand in two content files (an override gives only what differs)."""
import collections
import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[2]
CONTENT = REPO / "Content"
MINIMUM = 120  # characters: long enough to be real text, not a shared phrase


def paragraphs(path):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---", 1)[-1]
    for block in re.split(r"\n\s*\n", text):
        normalised = " ".join(block.split())
        if len(normalised) >= MINIMUM and not normalised.startswith("|"):
            yield normalised


def test_no_paragraph_is_repeated_across_agency_files():
    seen = collections.defaultdict(set)
    for path in CONTENT.rglob("*.md"):
        if path.name == "NOTES.md":
            continue
        for paragraph in paragraphs(path):
            seen[paragraph].add(str(path.relative_to(REPO)))
    repeated = {p: files for p, files in seen.items() if len(files) > 1}
    assert not repeated, "\n\n".join(f"{sorted(files)}:\n  {p[:160]}…" for p, files in repeated.items())
