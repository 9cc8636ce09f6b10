"""The shared library exists so that text is written once.
- Agencies (national, area, and schools' overrides or local agencies): no paragraph of real
  length stands in two files; an override gives only what differs.
- Topic texts: no school keeps a copy of text that is the same for every school that has it;
  that text lives in the area's (or national) topic text, and a school's file holds only its
  own words (`body: append`/`prepend`). Schools' lightly edited versions of a topic stay theirs.
"""
import collections
import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[2]
CONTENT = REPO / "Content"
MINIMUM = 120  # characters: long enough to be real text, not a shared phrase


def body(path):
    text = path.read_text(encoding="utf-8")
    return text.split("\n---", 1)[-1] if text.startswith("---") else text


def paragraphs(path):
    for block in re.split(r"\n\s*\n", body(path)):
        normalised = " ".join(block.split())
        if len(normalised) >= MINIMUM and not normalised.startswith("|"):
            yield normalised


def agency_files():
    yield from CONTENT.glob("agencies/*.md")
    yield from CONTENT.glob("areas/*/agencies/*.md")
    yield from CONTENT.glob("schools/*/agencies/*.md")


def test_no_paragraph_is_repeated_across_agency_files():
    seen = collections.defaultdict(set)
    for path in agency_files():
        for paragraph in paragraphs(path):
            seen[paragraph].add(str(path.relative_to(REPO)))
    repeated = {p: files for p, files in seen.items() if len(files) > 1}
    assert not repeated, "\n\n".join(f"{sorted(files)}:\n  {p[:160]}…" for p, files in repeated.items())


def all_paragraphs(path):
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n", body(path)) if b.strip()]


def common_run(lists, from_end=False):
    lists = [l[::-1] if from_end else l for l in lists]
    run = []
    for column in zip(*lists):
        if len(set(column)) != 1:
            break
        run.append(column[0])
    return run


def test_topic_texts_share_what_every_school_says():
    """What the layering can express must be used: an opening every school's file has in
    common belongs in the shared text (schools then `body: append` their own words); so does
    a common ending when nothing is shared yet (schools `body: prepend`)."""
    by_topic = collections.defaultdict(dict)
    for path in CONTENT.glob("schools/*/topics/*.md"):
        by_topic[path.stem][path.parts[-3]] = all_paragraphs(path)
    problems = []
    for topic, schools in sorted(by_topic.items()):
        if len(schools) < 2:
            continue
        lists = list(schools.values())
        shared = any((CONTENT / "areas").glob(f"*/topics/{topic}.md")) or (CONTENT / "topics" / f"{topic}.md").exists()
        for name, run in (("opening", common_run(lists)), ("ending", [] if shared else common_run(lists, from_end=True))):
            if any(len(p) >= MINIMUM for p in run):
                problems.append(f"{topic}: every school's file has the same {name} ({len(run)} paragraphs): {run[0][:80]}…")
    assert not problems, "\n".join(problems)
