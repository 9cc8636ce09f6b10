#!/usr/bin/env python3
"""`make bench`: Signpost against Hugo on a synthetic county, plus the floor (cmark-gfm and
writing only), the seed content, incremental rebuilds and scaling. Prints a table; times
are medians of BENCH_RUNS runs (default 3), each into an empty output folder."""
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
# BENCH_BUILD: the Swift build folder holding release/ (default .build; for `--scratch-path` builds).
BUILD = REPO / os.environ.get("BENCH_BUILD", ".build")
SIGNPOST = BUILD / "release" / "signpost"
BENCH = BUILD / "release" / "signpost-bench"
# Seconds to wait after emptying an output folder, before a timed run. On ext4 without a
# journal, a new file skips every inode freed in the last 5 s (300 s while its inode table
# block is still dirty, hence the sync): without the wait, a run that follows a deletion of
# 20,000 files spends much of its time in the kernel's `recently_deleted` (seen with perf).
SETTLE = float(os.environ.get("BENCH_SETTLE", "6"))
HUGO = pathlib.Path(os.environ.get("HUGO", REPO / ".build-bench" / "hugo" / "hugo" / "binaries" / "hugo"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# The county comparison (Signpost, Hugo, the floor) runs in more rounds: the disk here is noisy
# (the same build has taken 5 to 10 s), so ratios are taken round by round and their median shown.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SCHOOLS = int(os.environ.get("BENCH_SCHOOLS", "200"))
SCALING = [int(n) for n in os.environ.get("BENCH_SCALING", "50,200,800").split(",") if n]
# Publishing: a county built with its PDFs (a handout and a whole offer per school).
PUBLISH_SCHOOLS = int(os.environ.get("BENCH_PUBLISH_SCHOOLS", "20"))
WORK = pathlib.Path(os.environ.get("BENCH_DIR", tempfile.mkdtemp(prefix="signpost-bench-")))
# Scaling is also measured with the output in memory (tmpfs), where the file system's own
# costs, which grow with the number of files on this kind of disk, do not hide Signpost's.
MEMORY = pathlib.Path(os.environ.get("BENCH_MEMORY_DIR", "/dev/shm"))


def timed(command, cpu=None):
    """Runs a command under /usr/bin/time -v: (wall seconds, peak MB, stdout); appends user+sys seconds to `cpu`."""
    result = subprocess.run(["/usr/bin/time", "-v", *map(str, command)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    if cpu is not None:
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", result.stderr).group(1))
        system = float(re.search(r"System time \(seconds\): ([\d.]+)", result.stderr).group(1))
        cpu.append((user, system))
    return seconds, peak, result.stdout


def median_run(make_command, output, settle=True):
    times, peaks = [], []
    for _ in range(RUNS):
        empty(output, settle)
        seconds, peak, _ = timed(make_command())
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def interleaved(contenders, settle=True, rounds=None):
    """Runs each contender once per round, round after round, so that all meet the file
    system in the same state (on this kind of machine, creating and deleting tens of
    thousands of files makes later runs slower, and by seconds). A contender is
    (command maker, output folder) or (command maker, output folder, time from stdout).
    Returns per contender: median seconds, peak MB, median user and median system seconds."""
    results = {name: ([], [], []) for name in contenders}
    for _ in range(rounds or RUNS):
        for name, (make_command, output, *parse) in contenders.items():
            empty(output, settle)
            times, peaks, cpu = results[name]
            seconds, peak, stdout = timed(make_command(), cpu)
            times.append(parse[0](stdout) if parse else seconds)
            peaks.append(peak)
    summary = {name: (statistics.median(t), max(p), statistics.median(u for u, _ in c), statistics.median(s for _, s in c))
               for name, (t, p, c) in results.items()}
    return summary, {name: t for name, (t, _, _) in results.items()}


def paired(times, a, b):
    """The median of a's time over b's, round by round: both met the disk in the same state."""
    return statistics.median(x / y for x, y in zip(times[a], times[b]))


def pages(folder):
    return sum(1 for _ in pathlib.Path(folder).rglob("*.html"))


def generate(schools):
    folder = WORK / f"county-{schools}"
    if not folder.exists():
        subprocess.run([sys.executable, REPO / "Tests/bench/generate.py", folder, "--schools", str(schools)], check=True)
        check(folder / "signpost" / "Content")
    return folder


def check(content):
    """The generated county must be valid content: `signpost check` finds no errors."""
    result = subprocess.run([SIGNPOST, "check", "--content", content], capture_output=True, text=True)
    summary = (result.stdout + result.stderr).strip().splitlines()
    if result.returncode != 0:
        sys.exit(f"the generated content in {content} has errors:\n" + "\n".join(summary[-20:]))
    print(f"signpost check, {content.parent.parent.name}: {summary[-1] if summary else 'no problems'}")


def empty(folder, settle=True):
    """Removes a previous run's output and lets the file system settle (see SETTLE)."""
    shutil.rmtree(folder, ignore_errors=True)
    if settle:
        subprocess.run(["sync"])
        time.sleep(SETTLE)


def signpost(content, output):
    return lambda: [SIGNPOST, "build", "--no-pdf", "--content", content, "--theme", REPO / "Themes/default", "--output", output]


def row(name, count, seconds, peak):
    return f"| {name} | {count:,} | {seconds:.2f} s | {count / seconds:,.0f} | {peak:,.0f} MB |"


def main():
    print(f"Benchmark: {RUNS} run(s) each, median; machine: {os.cpu_count()} cores; work folder {WORK}\n")
    county = generate(SCHOOLS)
    for n in SCALING:
        generate(n)
    generate(PUBLISH_SCHOOLS)
    subprocess.run(["sync"])
    content = county / "signpost" / "Content"
    out = WORK / "out"

    floor_pages = 0

    def floor_seconds(stdout):
        nonlocal floor_pages
        _, count, seconds = stdout.split()
        floor_pages = int(count)
        return float(seconds)

    both, rounds = interleaved({
        "signpost": (signpost(content, out / "signpost"), out / "signpost"),
        "hugo": (lambda: [HUGO, "--source", county / "hugo", "--destination", out / "hugo", "--quiet"], out / "hugo"),
        "floor": (lambda: [BENCH, "floor", content, out / "floor"], out / "floor", floor_seconds),
    }, rounds=ROUNDS)
    sp_time, sp_peak, sp_user, sp_sys = both["signpost"]
    hugo_time, hugo_peak, hugo_user, hugo_sys = both["hugo"]
    floor_time = both["floor"][0]
    sp_pages = pages(out / "signpost")
    hugo_pages = pages(out / "hugo")
    seed_time, seed_peak = median_run(signpost(REPO / "Content", out / "seed"), out / "seed")
    seed_pages = pages(out / "seed")

    print(f"## Synthetic county: {SCHOOLS} schools, 2 areas, 60 national + 160 area agencies\n")
    print("| build | pages | wall time | pages/s | peak memory | CPU user | CPU system |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(row("Signpost", sp_pages, sp_time, sp_peak) + f" {sp_user:.1f} s | {sp_sys:.1f} s |")
    print(row(f"Hugo {hugo_version()}", hugo_pages, hugo_time, hugo_peak) + f" {hugo_user:.1f} s | {hugo_sys:.1f} s |")
    print(f"| floor: cmark-gfm + write only | {int(floor_pages):,} | {floor_time:.2f} s | {int(floor_pages) / floor_time:,.0f} | |")
    print(row("Signpost, seed content (3 schools)", seed_pages, seed_time, seed_peak))
    ratio = paired(rounds, "signpost", "hugo")
    floor_ratio = paired(rounds, "signpost", "floor")
    print(f"\n{ROUNDS} rounds, each Signpost, Hugo, floor in turn; per round, Signpost / Hugo: "
          + ", ".join(f"{x / y:.2f}" for x, y in zip(rounds["signpost"], rounds["hugo"]))
          + "; Signpost / floor: " + ", ".join(f"{x / y:.2f}" for x, y in zip(rounds["signpost"], rounds["floor"])))
    print(f"Median of the rounds: Signpost / Hugo {ratio:.2f} (wall; CPU {(sp_user + sp_sys) / (hugo_user + hugo_sys):.2f}), "
          f"Signpost / floor {floor_ratio:.2f}")
    if MEMORY.is_dir() and os.access(MEMORY, os.W_OK):
        # The same builds with the output in memory: what is left without the disk.
        target = MEMORY / "signpost-bench-out"
        memory, memory_rounds = interleaved({
            "signpost": (signpost(content, target / "signpost"), target / "signpost"),
            "hugo": (lambda: [HUGO, "--source", county / "hugo", "--destination", target / "hugo", "--quiet"], target / "hugo"),
            "floor": (lambda: [BENCH, "floor", content, target / "floor"], target / "floor", floor_seconds),
        }, settle=False)
        shutil.rmtree(target, ignore_errors=True)
        print(f"Output in memory ({MEMORY}): Signpost {memory['signpost'][0]:.2f} s, Hugo {memory['hugo'][0]:.2f} s, "
              f"floor {memory['floor'][0]:.2f} s; Signpost / Hugo {paired(memory_rounds, 'signpost', 'hugo'):.2f}, "
              f"Signpost / floor {paired(memory_rounds, 'signpost', 'floor'):.2f}")
    print()

    incremental = {}
    for name, folder, agency in [("seed content", REPO / "Content", REPO / "Content/agencies/samaritans.md"),
                                 (f"{SCHOOLS}-school county", content, content / "agencies/national-05.md")]:
        results = []
        for _ in range(RUNS):
            empty(out / "incremental")
            _, _, stdout = timed([BENCH, "incremental", folder, REPO / "Themes/default", out / "incremental", agency])
            _, count, seconds, _ = stdout.split()
            results.append((float(seconds), int(count)))
        seconds, count = sorted(results)[len(results) // 2]
        incremental[name] = seconds
        print(f"Saving one agency file, {name}: {count} pages re-rendered in {seconds * 1000:.0f} ms")

    print("\n## Scaling (Signpost)\n")
    in_memory = MEMORY.is_dir() and os.access(MEMORY, os.W_OK)
    print("| schools | pages | on disk | per page | in memory | per page | peak memory |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    scaling = {}
    for n in SCALING:
        folder = generate(n)
        if n == SCHOOLS:
            seconds, peak, count = sp_time, sp_peak, sp_pages
        else:
            seconds, peak = median_run(signpost(folder / "signpost" / "Content", out / f"scale-{n}"), out / f"scale-{n}")
            count = pages(out / f"scale-{n}")
            shutil.rmtree(out / f"scale-{n}", ignore_errors=True)
        memory_seconds = None
        if in_memory:
            target = MEMORY / f"signpost-bench-scale-{n}"
            memory_seconds, memory_peak = median_run(signpost(folder / "signpost" / "Content", target), target, settle=False)
            peak = max(peak, memory_peak)
            shutil.rmtree(target, ignore_errors=True)
        scaling[n] = (seconds / count, peak, memory_seconds / count if memory_seconds else None)
        memory_cells = f"{memory_seconds:.2f} s | {memory_seconds / count * 1e6:,.0f} µs" if memory_seconds else "– | –"
        print(f"| {n} | {count:,} | {seconds:.2f} s | {seconds / count * 1e6:,.0f} µs | {memory_cells} | {peak:,.0f} MB |")

    publish_seconds, publish_made, publish_peak = publishing(PUBLISH_SCHOOLS, out)

    print("\n## Targets\n")
    # Flatness is judged in memory when it was measured there: on disk, creating each file
    # costs more as the output grows (printed above), which is the file system, not Signpost.
    judged_in_memory = all(v[2] for v in scaling.values())
    per_page = [v[2] if judged_in_memory else v[0] for v in scaling.values()]
    targets = [
        ("Signpost ≤ Hugo on the county (ratio ≤ 1.0)", ratio <= 1.0, f"{ratio:.2f}"),
        ("within 2× of the cmark-gfm + write floor", floor_ratio <= 2, f"{floor_ratio:.2f}×"),
        ("time per page flat from smallest to largest county (±25%" + (", output in memory)" if judged_in_memory else ")"),
         max(per_page) <= 1.25 * min(per_page),
         " / ".join(f"{p * 1e6:.0f} µs" for p in per_page)),
        ("peak memory under 1 GB at the largest county", max(v[1] for v in scaling.values()) < 1024,
         f"{max(v[1] for v in scaling.values()):.0f} MB"),
        ("seed content builds in under 0.5 s", seed_time < 0.5, f"{seed_time:.2f} s"),
        ("one saved agency, seed content: under 100 ms", incremental["seed content"] < 0.1, f"{incremental['seed content'] * 1000:.0f} ms"),
        (f"one saved agency, {SCHOOLS}-school county: under 1 s", incremental[f"{SCHOOLS}-school county"] < 1.0,
         f"{incremental[f'{SCHOOLS}-school county'] * 1000:.0f} ms"),
        (f"{PUBLISH_SCHOOLS}-school county with its {publish_made} PDFs, cold: at most {PUBLISH_SCHOOLS} s",
         publish_seconds <= PUBLISH_SCHOOLS, f"{publish_seconds:.1f} s"),
        ("publishing: peak memory of all processes under 2 GB", publish_peak < 2048, f"{publish_peak:,.0f} MB (PSS)"),
    ]
    for name, ok, value in targets:
        print(f"- {'PASS' if ok else 'MISS'}  {name}: {value}")
    shutil.rmtree(out, ignore_errors=True)


class TreeMemory:
    """Samples the memory of a process and everything it starts (the PDF engines start their
    own process groups, so the tree is followed by parent, not by group), five times a second:
    the peak of the sum of proportional set sizes (shared pages counted once, by share) and of
    resident set sizes (shared pages counted in every process: an upper bound)."""

    def __init__(self, pid):
        self.pid, self.peak_pss, self.peak_rss = pid, 0, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def tree(self):
        parents = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as stat:
                        parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
                except OSError:
                    pass
        found, todo = set(), [self.pid]
        while todo:
            pid = todo.pop()
            found.add(pid)
            todo += [child for child, parent in parents.items() if parent == pid and child not in found]
        return found

    def run(self):
        while not self.stop.is_set():
            pss = rss = 0
            for pid in self.tree():
                try:
                    with open(f"/proc/{pid}/smaps_rollup") as rollup:
                        for line in rollup:
                            if line.startswith("Pss:"):
                                pss += int(line.split()[1]) * 1024
                            elif line.startswith("Rss:"):
                                rss += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            self.stop.wait(0.2)

    def finish(self):
        self.stop.set()
        self.thread.join()
        return self.peak_pss / 2**20, self.peak_rss / 2**20


def publish(content, output, *extra):
    """One `signpost build` with PDFs: (wall seconds, PDFs made, PDFs kept, peak MB (PSS, RSS) of all processes)."""
    start = time.monotonic()
    process = subprocess.Popen([SIGNPOST, "build", "--quiet", "--content", content, "--theme", REPO / "Themes/default",
                                "--output", output, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    stdout, stderr = process.communicate()
    seconds = time.monotonic() - start
    pss, rss = memory.finish()
    if process.returncode != 0:
        sys.exit(f"failed: signpost build {content}\n{stdout[-2000:]}\n{stderr[-2000:]}")
    made = re.search(r"Made (\d+) PDFs?(?:, kept (\d+) unchanged)?(; (\d+) not made)?", stdout)
    if not made or made.group(3):
        sys.exit(f"PDFs missing in the publishing round:\n{stdout}\n{stderr[-3000:]}")
    return seconds, int(made.group(1)), int(made.group(2) or 0), pss, rss


def publishing(schools, out):
    """The county with its PDFs, cold (no PDFs to keep) and after one library agency is saved
    (every school that lists it changes, so its PDFs are made again); against the same build
    without PDFs. Returns the cold run's (seconds, PDFs, peak PSS MB)."""
    content = generate(schools) / "signpost" / "Content"
    # In memory when possible: the PDFs are work for the cores, and on this kind of disk
    # replacing a site of thousands of files can take longer than making its PDFs (see above).
    target = (MEMORY if MEMORY.is_dir() and os.access(MEMORY, os.W_OK) else out) / "signpost-bench-publish"
    plain, _ = median_run(signpost(content, target), target)
    cold = []
    for _ in range(RUNS):
        empty(target)
        cold.append(publish(content, target))
    seconds, made, _, pss, rss = sorted(cold)[len(cold) // 2]
    peak_pss, peak_rss = max(run[3] for run in cold), max(run[4] for run in cold)
    agency = content / "agencies" / "national-05.md"
    original = agency.read_text()
    saved = []
    try:
        for round in range(RUNS):
            agency.write_text(original + f"\nSaved again ({round}).\n")
            saved.append(publish(content, target))
    finally:
        agency.write_text(original)
    saved_seconds, saved_made, saved_kept, saved_pss, _ = sorted(saved)[len(saved) // 2]
    shutil.rmtree(target, ignore_errors=True)
    print(f"\n## Publishing: {schools} schools with their PDFs (a handout and a whole offer each), output in {target.parent}\n")
    print("| build | PDFs made | wall time | PDFs/s | peak memory, all processes (PSS / RSS) | × the build without PDFs |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(f"| without PDFs (`--no-pdf`) | 0 | {plain:.2f} s | | | 1 |")
    print(f"| cold: every PDF made | {made} | {seconds:.2f} s | {made / seconds:.1f} | {peak_pss:,.0f} / {peak_rss:,.0f} MB | {seconds / plain:.0f} |")
    print(f"| one library agency saved | {saved_made} (kept {saved_kept}) | {saved_seconds:.2f} s | "
          f"{saved_made / saved_seconds:.1f} | {saved_pss:,.0f} MB | {saved_seconds / plain:.0f} |")
    per_school = seconds / schools
    print(f"\nAbout {per_school:.2f} s a school on {os.cpu_count()} cores: 200 schools ≈ {per_school * 200 / 60:.1f} min, "
          f"800 ≈ {per_school * 800 / 60:.1f} min (cold).")
    return seconds, made, peak_pss


def hugo_version():
    version = subprocess.run([HUGO, "version"], capture_output=True, text=True).stdout
    match = re.search(r"v(\d+\.\d+\.\d+)", version)
    return match.group(1) if match else ""


if __name__ == "__main__":
    if sys.argv[1:] == ["publishing"]:
        # Only the publishing round (e.g. BENCH_PUBLISH_SCHOOLS=200 python3 Tests/bench/run.py publishing).
        publishing(PUBLISH_SCHOOLS, WORK / "out")
    else:
        main()
