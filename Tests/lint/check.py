#!/usr/bin/env python3
"""Rules the code base keeps about its own source text, run by `make test` (`make lint`).

They were unit tests once; they read files, not behaviour, so they live here. Each rule
prints every place that breaks it and the script exits 1. `--self-test` runs each rule on a
made-up source tree that breaks it and fails unless the rule catches it.

Rules:
- no Swift file under Sources/ is longer than MAX_LINES lines (a newcomer reads a file in one go);
- at most MAX_UNCHECKED `@unchecked Sendable` (use `Mutex` from Synchronization instead);
- no compiled template gets stand-in names, and nothing reads an enum's case number from memory
  (issue 22: the code says what it does).
"""
import pathlib
import re
import sys
import tempfile

MAX_LINES = 400
MAX_UNCHECKED = 3
REPO = pathlib.Path(__file__).resolve().parents[2]

# Text that only a trick needs: reading a value's bytes to find an enum's case.
FORBIDDEN = [
    (re.compile(r"withUnsafeBytes\(of:\s*self\)"), "reads a value's bytes to find its case; switch over the cases instead"),
    (re.compile(r"\bShortNames\b"), "templates are compiled as written (issue 22)"),
]


def swift_files(root):
    return sorted((root / "Sources").rglob("*.swift"))


def code_lines(text):
    """Lines with their numbers, comments (`//` at the start) left out."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip().startswith("//"):
            yield number, line


def check(root):
    problems = []
    files = swift_files(root)
    if not files:
        problems.append(f"{root}/Sources: no Swift files found (run from the repository)")
    unchecked = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(root)
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if lines > MAX_LINES:
            problems.append(f"{relative}: {lines} lines; a source file may have at most {MAX_LINES}, split it by what its parts do")
        for number, line in code_lines(text):
            if "@unchecked Sendable" in line:
                unchecked.append(f"{relative}:{number}")
            for pattern, why in FORBIDDEN:
                if pattern.search(line):
                    problems.append(f"{relative}:{number}: {pattern.pattern}: {why}")
    if len(unchecked) > MAX_UNCHECKED:
        problems.append(f"{len(unchecked)} uses of @unchecked Sendable, at most {MAX_UNCHECKED}: use a Mutex (Synchronization) instead: "
                        + ", ".join(unchecked))
    return problems


def self_test():
    """Each rule, broken on purpose in a made-up tree, must be reported; a clean tree must not be."""
    def tree(files):
        folder = pathlib.Path(tempfile.mkdtemp(prefix="signpost-lint-"))
        for name, text in files.items():
            path = folder / "Sources" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return folder

    clean = {"A.swift": "struct A {}\n", "B.swift": "// @unchecked Sendable in a comment\n" + "let b = 1\n" * (MAX_LINES - 1)}
    cases = {
        "clean": (clean, None),
        "long file": ({**clean, "Long.swift": "let x = 1\n" * (MAX_LINES + 1)}, "Long.swift: 401 lines"),
        "unchecked": ({**clean, **{f"U{n}.swift": "final class U: @unchecked Sendable {}\n" for n in range(MAX_UNCHECKED + 1)}},
                      "uses of @unchecked Sendable"),
        "ordinal read": ({**clean, "E.swift": "var n: Int { withUnsafeBytes(of: self) { Int($0[0]) } }\n"}, "E.swift:1"),
        "short names": ({**clean, "T.swift": "let t = ShortNames.compact(text)\n"}, "T.swift:1"),
    }
    failed = []
    for name, (files, expected) in cases.items():
        found = check(tree(files))
        if expected is None and found:
            failed.append(f"{name}: a clean tree was reported: {found}")
        if expected is not None and not any(expected in problem for problem in found):
            failed.append(f"{name}: not caught (expected a problem mentioning {expected!r}, got {found})")
    for line in failed:
        print(f"lint self-test: {line}")
    print(f"lint self-test: {len(cases) - len(failed)} of {len(cases)} cases right")
    return not failed


def main():
    if "--self-test" in sys.argv[1:]:
        sys.exit(0 if self_test() else 1)
    root = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else REPO
    problems = check(root)
    for problem in problems:
        print(problem)
    print(f"lint: {len(swift_files(root))} Swift files, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
