"""A bounded fuzz run of the real `signpost` binary (`make fuzz`, part of `make test`).

Each run is the same: a fixed seed, a fixed number of mutations of the county fixture
(Tests/Fixtures/county/Content, with the default theme), some of them of a school.md given a
footer note and links of its own. Each mutant is built with `signpost build --no-pdf` under a
time limit; the run fails when a build is ended by a signal (a crash), outlives the limit (a
hang) or exits with anything but 0 or 1. Content mistakes are expected: they exit with 1.

Before the mutations, every case of the bad-input corpus is built the same way:
- each file at the top of Tests/Fixtures/bad-input/ stands in for a school's school.md;
- each folder under Tests/Fixtures/bad-input/fuzz/ is a tree laid over the fixture's Content/
  (an input the fuzzer once found: it is saved there when it fails, so it stays a test).

Last, the time check: for each family of Markdown shapes that once made cmark-gfm slower than
linear (issue 25: `![[]()` repeated took minutes), one page of it is checked at two sizes, the
second twice the first, with `signpost check`; the run fails when doubling the input more than
triples the time (medians of three runs, the time of a page with no such shape taken off).

A failing mutant is written to .build/fuzz-failures/<case>/ as such a tree, with the command's
output; copy the folder into Tests/Fixtures/bad-input/fuzz/ once the bug is fixed.

    python3 Tests/fuzz/fuzz.py [--bin PATH] [--runs N] [--seed N] [--limit SECONDS]
"""
import argparse
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = REPO / "Tests/Fixtures/county/Content"
THEME = REPO / "Themes/default"
CORPUS = REPO / "Tests/Fixtures/bad-input"
FAILURES = REPO / ".build/fuzz-failures"
SCHOOLS = ["oak-first", "elm-high", "ash-first"]

# Pieces that once broke a reader or renderer, or are likely to: YAML aliases, tabs, unclosed
# quotes, odd line breaks, control bytes, deep nesting in Markdown and Mustache, self-including
# partials, unsafe links, huge numbers and lines.
TOKENS = [
    b"&a [x, x]\n", b"*a", b"<<: *a\n", b"\t", b": ", b"\"", b"'", b"---\n", b"\n---\n", b"\r\n", b"\r",
    "\u2028".encode(), "\u2029".encode(), "\u0085".encode(), b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
    b"[" * 200, b"> " * 300, b"*" * 500, b"- " * 300 + b"x\n", b"#" * 7 + b" h\n", b"|" * 100 + b"\n",
    b"[x](javascript:alert(1))", b"[x](file:///etc/passwd)", b"[x](../../../../etc/passwd)", b"![](x.png)",
    b"<script>alert(1)</script>", b"{{", b"}}", b"{{{", b"}}}", b"{{> footer}}", b"{{> layout}}",
    b"{{#school}}" * 50, b"{{/school}}" * 50, b"{{^x}}", b"{{=<% %>=}}", b"{{% CONTENT_TYPE: TEXT }}",
    b"99999999999999999999", b"-1", b"2026-02-30", b"0000-00", b"\\u0000", b"x" * 5000,
    b"levels: [", b"topics: all\n", b"agencies: all\n", b"draft: true\n", b"logo: ../../site.yml\n",
]


def text_files(content):
    return sorted(p for p in content.rglob("*") if p.is_file() and p.suffix in (".md", ".yml"))


def mutate(data, rng):
    """One to four edits of bytes, lines or tokens."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(8)
        at = rng.randint(0, len(data))
        if kind == 0 and data:                      # flip a byte
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:                             # insert a token
            data[at:at] = rng.choice(TOKENS)
        elif kind == 2 and data:                    # delete a span
            data[at:at + rng.randint(1, 64)] = b""
        elif kind == 3 and data:                    # repeat a span many times
            span = bytes(data[at:at + rng.randint(1, 32)])
            data[at:at] = span * rng.randint(2, 2000)
        elif kind == 4:                             # swap two lines
            lines = bytes(data).split(b"\n")
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                data = bytearray(b"\n".join(lines))
        elif kind == 5:                             # cut the file short
            data = data[:at]
        elif kind == 6:                             # a random byte
            data[at:at] = bytes([rng.randrange(256)])
        else:                                       # a line copied elsewhere
            lines = bytes(data).split(b"\n")
            line = rng.choice(lines)
            data[at:at] = line + b"\n"
    return bytes(data)


def plan(index, seed, content):
    """The overlay (relative path → bytes) of mutant `index`: the same for the same seed."""
    rng = random.Random(seed * 1_000_003 + index)
    overlay = {}
    if rng.random() < 0.3:
        # A school's footer note and own links (school.md), mutated.
        school = rng.choice(SCHOOLS)
        original = (content / "schools" / school / "school.md").read_bytes()
        settings = (b'footer_note: "See [our help page](https://www.example.org/help) & **ask** at the office."\n'
                    b"links:\n  - label: SEND information report\n    url: https://www.example.org/send\n")
        overlay[f"schools/{school}/school.md"] = mutate(original.replace(b"\n---\n", b"\n" + settings + b"---\n", 1), rng)
    else:
        files = text_files(content)
        for _ in range(rng.choice([1, 1, 1, 2])):
            file = rng.choice(files)
            relative = str(file.relative_to(content))
            overlay[relative] = mutate(overlay.get(relative, file.read_bytes()), rng)
    return overlay


class Worker:
    """A copy of the fixture that mutants are laid over, one at a time, and built."""

    def __init__(self, root, binary, limit):
        self.root = pathlib.Path(root)
        self.content = self.root / "Content"
        shutil.copytree(FIXTURE, self.content)
        self.binary = binary
        self.limit = limit

    def build(self, overlay):
        """Builds with `overlay` laid over the fixture, then puts the fixture back; returns a
        description of the failure, or None."""
        saved = {}
        for relative, data in overlay.items():
            path = self.content / relative
            saved[relative] = path.read_bytes() if path.exists() else None
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        try:
            return self.run()
        finally:
            for relative, data in saved.items():
                path = self.content / relative
                if data is None:
                    path.unlink()
                else:
                    path.write_bytes(data)
            for folder in self.content.glob("schools/*/templates"):
                if not any(folder.iterdir()):
                    folder.rmdir()

    def run(self):
        command = [str(self.binary), "build", "--no-pdf", "--content", "Content", "--theme", str(THEME), "--output", "Site"]
        process = subprocess.Popen(command, cwd=self.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = process.communicate(timeout=self.limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            return f"did not finish within {self.limit} s", out + err
        if process.returncode < 0:
            return f"was ended by signal {signal.Signals(-process.returncode).name}", out + err
        if process.returncode not in (0, 1):
            return f"exited with {process.returncode}", out + err
        return None


def corpus_cases():
    """(name, overlay) for every case of the bad-input corpus."""
    cases = []
    for file in sorted(CORPUS.glob("*")):
        if file.is_file():
            cases.append((f"bad-input/{file.name}", {"schools/oak-first/school.md": file.read_bytes()}))
    for folder in sorted(p for p in (CORPUS / "fuzz").glob("*") if p.is_dir()):
        overlay = {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file() and p.name != "README"}
        cases.append((f"bad-input/fuzz/{folder.name}", overlay))
    return cases


# Each family as (name, the text of one unit, units at the smaller size). The units are joined
# into one page; each stays within MarkdownBounds, so it is really parsed, except the last,
# which is refused, and must be refused in linear time too.
FAMILIES = [
    ("plain text", "A line of plain words about the breakfast club and its times.\n", 4000),
    ("pictures around empty links", "![[]()" * 150 + "\n\n", 200),
    ("nested brackets", "[" * 300 + "a" + "]" * 300 + "\n\n", 300),
    ("open brackets", "![a [b " * 140 + "\n\n", 250),
    ("emphasis runs", "*a_" * 2000 + "\n\n", 40),
    ("emphasis closers", "a** " * 1500 + "\n\n", 40),
    ("link reference definitions", "[label{n}]: /page-{n}\n[x][label{n}] ", 6000),
    ("backticks", "`" * 30 + "a " + "`" * 29 + "\n\n", 3000),
    ("tables", "|" + "a|" * 20 + "\n|" + "-|" * 20 + "\n" + ("|" + "b|" * 20 + "\n") * 200 + "\n", 10),
    ("web addresses", "www.example.org/a_b www.x.y ", 8000),
    ("angle brackets", "<a " * 2000 + "\n\n", 40),
    ("entities", "&#" * 2000 + "\n\n", 40),
    ("one paragraph of pictures around empty links (refused)", "![[]()", 80000),
]


def page(unit, count):
    return "---\ntitle: P\n---\n" + "".join(unit.replace("{n}", str(n)) for n in range(count))


def median_seconds(binary, content, text, runs=3):
    """The median processor time (user and system, every thread) of `signpost check` on the
    county with `text` as one of Oak First's pages: unlike the time on the clock, it does not
    grow when other programs share the machine."""
    (content / "schools/oak-first/pages/p.md").write_text(text)
    times = []
    for _ in range(runs):
        process = subprocess.Popen([str(binary), "check", "--content", str(content), "--theme", str(THEME)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        process.returncode = 0
        times.append(usage.ru_utime + usage.ru_stime)
    return sorted(times)[len(times) // 2]


def time_check(binary, temp):
    """Families whose time more than triples when their input doubles, as lines to report."""
    content = pathlib.Path(temp) / "timing/Content"
    shutil.copytree(FIXTURE, content)
    (content / "schools/oak-first/pages").mkdir(parents=True, exist_ok=True)
    base = median_seconds(binary, content, page("A line.\n", 1))
    slow = []
    for name, unit, count in FAMILIES:
        single = max(median_seconds(binary, content, page(unit, count)) - base, 0.0)
        double = max(median_seconds(binary, content, page(unit, 2 * count)) - base, 0.0)
        size = len(page(unit, count).encode()) // 1000
        print(f"fuzz: time of {name}: {size} KB {single:.2f} s, {2 * size} KB {double:.2f} s")
        # Below a third of a second the difference is the machine's noise, not the input (a
        # family measured at 0.05 s and 0.18 s in one run, 0.07 s and 0.12 s in the next);
        # a shape that really grows with the square, as `![[]()` did, takes seconds here.
        if double > 0.3 and double > 3 * max(single, 0.05):
            slow.append(f"{name}: {size} KB took {single:.2f} s beyond a plain check, {2 * size} KB {double:.2f} s")
    return slow


def save(name, overlay, why, output):
    folder = FAILURES / name.replace("/", "-")
    shutil.rmtree(folder, ignore_errors=True)
    for relative, data in overlay.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (folder / "README").write_text(f"The build {why}.\n\n" + output.decode("utf-8", "replace")[-4000:])
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.environ.get("SIGNPOST_BIN", str(REPO / ".build/debug/signpost")))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("FUZZ_RUNS", "200")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "14")))
    parser.add_argument("--limit", type=float, default=5.0, help="seconds each build may take")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--timing-only", action="store_true", help="only the time check")
    args = parser.parse_args()
    binary = pathlib.Path(args.bin).resolve()
    if not binary.is_file():
        sys.exit(f"fuzz: no signpost binary at {binary} (run `swift build --product signpost`)")

    start = time.time()
    if args.timing_only:
        with tempfile.TemporaryDirectory(prefix="signpost-fuzz-") as temp:
            slow = time_check(binary, temp)
        if slow:
            sys.exit("fuzz: slower than linear:\n" + "\n".join(slow))
        return
    with tempfile.TemporaryDirectory(prefix="signpost-fuzz-") as temp:
        workers = [Worker(pathlib.Path(temp) / f"w{n}", binary, args.limit) for n in range(args.jobs)]
        # Each worker builds the fixture once, so mutants are built over a published site
        # (which a school with errors keeps its pages from).
        for worker in workers:
            if worker.build({}) is not None or not (worker.root / "Site/index.html").is_file():
                sys.exit("fuzz: the county fixture does not build")
        base = workers[0].content
        cases = corpus_cases() + [(f"mutant-{args.seed}-{i}", plan(i, args.seed, base)) for i in range(args.runs)]

        def work(numbered):
            number, (name, overlay) = numbered
            failure = workers[number % len(workers)].build(overlay)
            return name, overlay, failure

        failures = []
        # Each worker takes every jobs-th case, in order, so a run is the same every time.
        lanes = [[(n, case) for n, case in enumerate(cases) if n % len(workers) == w] for w in range(len(workers))]
        with ThreadPoolExecutor(len(workers)) as pool:
            for results in pool.map(lambda lane: [work(item) for item in lane], lanes):
                for name, overlay, failure in results:
                    if failure:
                        why, output = failure
                        folder = save(name, overlay, why, output)
                        failures.append(f"{name}: the build {why}; the input is in {folder.relative_to(REPO)}")
        failures += [f"slower than linear: {line}" for line in time_check(binary, temp)]
    seconds = time.time() - start
    corpus = len(cases) - args.runs
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(f"fuzz: {len(failures)} of {len(cases)} builds crashed, hung or exited oddly ({seconds:.0f} s)")
    print(f"fuzz: {corpus} corpus cases and {args.runs} mutants (seed {args.seed}) built, none crashed or took over {args.limit:g} s ({seconds:.0f} s)")


if __name__ == "__main__":
    main()
