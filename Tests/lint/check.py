#!/usr/bin/env python3
"""Rules the code base keeps about its own source text, run by `make test` (`make lint`).

They were unit tests once; they read files, not behaviour, so they live here. Each rule
prints every place that breaks it and the script exits 1. `--self-test` runs each rule on a
made-up source tree that breaks it and fails unless the rule catches it.

Rules:
- the pipeline's targets in Package.swift (read with `swift package dump-package`) depend only on
  the stages before them, in the order of STAGES, and nothing depends on a program on top (TOP);
- every `import Signpost…` in a target's sources is a dependency Package.swift declares for it
  (SwiftPM builds every module into one folder, so an undeclared import can compile by luck);
- the picture of the targets in ARCHITECTURE.md (between `<!-- targets -->` markers) is the
  package's, so the document cannot drift from Package.swift;
- at most MAX_UNCHECKED `@unchecked Sendable` (use `Mutex` from Synchronization instead);
- no compiled template gets stand-in names, and nothing reads an enum's case number from memory
  (issue 22: the code says what it does).
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

MAX_UNCHECKED = 3
# The generator's stages, each allowed to depend only on those before it (ARCHITECTURE.md).
STAGES = ["SignpostModel", "SignpostLoad", "SignpostResolve", "SignpostValidate", "SignpostRender",
          "SignpostWrite", "SignpostPublish", "SignpostPipeline", "SignpostAuthoring", "SignpostExport",
          "SignpostUpkeep"]
# What sits on top of the stages: the preview server, the link checker, the programs.
TOP = ["SignpostServe", "SignpostLinks", "signpost", "signpost-bench"]
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


def package_targets(root):
    """Each target of Package.swift with the targets it depends on, as SwiftPM reads it."""
    out = subprocess.run(["swift", "package", "--package-path", str(root), "dump-package"],
                         capture_output=True, text=True, check=True).stdout
    targets = {}
    for target in json.loads(out)["targets"]:
        names = []
        for dependency in target.get("dependencies", []):
            for kind in ("byName", "target"):
                if kind in dependency:
                    names.append(dependency[kind][0])
        targets[target["name"]] = names
    return targets


def stage_problems(targets, sources):
    """Back-links between stages, and imports a target's sources make without declaring them.
    `sources`: target name → [(file, text)]."""
    problems = []
    order = {name: index for index, name in enumerate(STAGES)}
    ours = [name for name in targets if name.startswith(("Signpost", "signpost")) and not name.endswith("Tests")]
    for name in ours:
        if name not in order and name not in TOP:
            problems.append(f"Package.swift: target {name} is neither a stage nor on top: add it to STAGES or TOP in Tests/lint/check.py")
    for name in ours:
        for dependency in targets[name]:
            if name in order and dependency in order and order[dependency] >= order[name]:
                problems.append(f"Package.swift: {name} depends on {dependency}, a later stage; move what it needs into an earlier stage")
            if name in order and dependency in TOP:
                problems.append(f"Package.swift: {name} depends on {dependency}, which sits on top of the stages")
        for path, text in sources.get(name, []):
            for number, line in enumerate(text.split("\n"), start=1):
                found = re.match(r"\s*(?:@testable\s+|@_exported\s+)?import\s+((?:S|s)ignpost\w*)", line)
                if found and found.group(1) not in targets[name]:
                    problems.append(f"{path}:{number}: imports {found.group(1)}, which Package.swift does not list among {name}'s dependencies")
    return problems


def picture(targets):
    """The targets from the programs down to the model, each with the targets it depends on."""
    shown = ["signpost", "signpost-bench", "SignpostServe", "SignpostLinks"] + STAGES[::-1]
    lines = []
    for name in shown:
        uses = [d for d in shown if d in targets.get(name, []) and d != "SignpostModel"]
        lines.append(f"{name:<18} ─▶ " + ", ".join(uses) if uses else name)
    return "\n".join(lines)


def picture_problems(root, targets):
    path = root / "ARCHITECTURE.md"
    if not path.exists():
        return []
    found = re.search(r"<!-- targets -->\n```\n(.*?)\n```\n<!-- /targets -->", path.read_text(encoding="utf-8"), re.S)
    expected = picture(targets)
    if not found or found.group(1) != expected:
        return ["ARCHITECTURE.md: the picture of the targets between <!-- targets --> markers is not Package.swift's; it should read:\n" + expected]
    return []


def target_sources(root, targets):
    sources = {}
    for name in targets:
        folder = root / "Sources" / name
        if folder.is_dir():
            sources[name] = [(path.relative_to(root), path.read_text(encoding="utf-8")) for path in sorted(folder.rglob("*.swift"))]
    return sources


def check(root, targets=None):
    problems = []
    if targets is not None:
        problems += stage_problems(targets, target_sources(root, targets))
        problems += picture_problems(root, targets)
    files = swift_files(root)
    if not files:
        problems.append(f"{root}/Sources: no Swift files found (run from the repository)")
    unchecked = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(root)
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

    clean = {"A.swift": "struct A {}\n", "B.swift": "// @unchecked Sendable in a comment\nlet b = 1\n",
             "SignpostRender/R.swift": "import SignpostModel\n"}
    stages = {"SignpostModel": [], "SignpostRender": ["SignpostModel"], "signpost": ["SignpostRender"]}
    cases = {
        "clean": (clean, None),
        "back-link": ((clean, {**stages, "SignpostModel": ["SignpostRender"]}), "SignpostModel depends on SignpostRender, a later stage"),
        "stage on a program": ((clean, {**stages, "SignpostRender": ["signpost"]}), "SignpostRender depends on signpost, which sits on top"),
        "unlisted target": ((clean, {**stages, "SignpostExtra": []}), "target SignpostExtra is neither"),
        "picture out of date": (({**clean, "../ARCHITECTURE.md": "<!-- targets -->\n```\nSignpostModel\n```\n<!-- /targets -->\n"}, stages),
                                "ARCHITECTURE.md: the picture"),
        "undeclared import": (({**clean, "SignpostModel/M.swift": "import Foundation\n@testable import SignpostRender\n"}, stages),
                              "M.swift:2: imports SignpostRender"),
        "unchecked": ({**clean, **{f"U{n}.swift": "final class U: @unchecked Sendable {}\n" for n in range(MAX_UNCHECKED + 1)}},
                      "uses of @unchecked Sendable"),
        "ordinal read": ({**clean, "E.swift": "var n: Int { withUnsafeBytes(of: self) { Int($0[0]) } }\n"}, "E.swift:1"),
        "short names": ({**clean, "T.swift": "let t = ShortNames.compact(text)\n"}, "T.swift:1"),
    }
    failed = []
    for name, (files, expected) in cases.items():
        files, targets = files if isinstance(files, tuple) else (files, stages)
        found = check(tree(files), targets)
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
    problems = check(root, package_targets(root))
    for problem in problems:
        print(problem)
    print(f"lint: {len(swift_files(root))} Swift files, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
