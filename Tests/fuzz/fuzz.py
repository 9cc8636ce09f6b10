"""A bounded fuzz run of the real `signpost` binary (`make fuzz`, part of `make test`).

Each run is the same: a fixed seed, a fixed number of mutations of the county fixture
(Tests/Fixtures/county/Content, with the default theme) and of schools' own templates (copies
of the theme's templates, mutated). Each mutant is built with `signpost build --no-pdf` under a
time limit; the run fails when a build is ended by a signal (a crash), outlives the limit (a
hang) or exits with anything but 0 or 1. Content mistakes are expected: they exit with 1.

Before the mutations, every case of the bad-input corpus is built the same way:
- each file at the top of Tests/Fixtures/bad-input/ stands in for a school's school.md;
- each folder under Tests/Fixtures/bad-input/fuzz/ is a tree laid over the fixture's Content/
  (an input the fuzzer once found: it is saved there when it fails, so it stays a test).

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
        # A school's own template: a copy of one of the theme's, mutated.
        names = sorted(p.name for p in (THEME / "templates").glob("*.mustache"))
        name = rng.choice(names)
        original = (THEME / "templates" / name).read_bytes()
        overlay[f"schools/{rng.choice(SCHOOLS)}/templates/{name}"] = mutate(original, rng)
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
    args = parser.parse_args()
    binary = pathlib.Path(args.bin).resolve()
    if not binary.is_file():
        sys.exit(f"fuzz: no signpost binary at {binary} (run `swift build --product signpost`)")

    start = time.time()
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
    seconds = time.time() - start
    corpus = len(cases) - args.runs
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(f"fuzz: {len(failures)} of {len(cases)} builds crashed, hung or exited oddly ({seconds:.0f} s)")
    print(f"fuzz: {corpus} corpus cases and {args.runs} mutants (seed {args.seed}) built, none crashed or took over {args.limit:g} s ({seconds:.0f} s)")


if __name__ == "__main__":
    main()
