"""The search's budgets: the words every school's A to Z carries for it stay small (the largest
school's, gzipped, is printed), and a query is answered, results shown, in under 50 ms in
Chromium with the CPU slowed four times."""
import gzip
import html
import re
import statistics

import pytest

from conftest import SITE
from search_support import QUERIES, open_a_to_z

MAX_GZIPPED = 40 * 1024
MAX_QUERY_MS = 50
SCHOOLS = sorted(QUERIES)


def search_data(school):
    """What the A to Z carries for the search: its lists' data-search attributes, as JSON."""
    page = (SITE / school / "a-z" / "index.html").read_text(encoding="utf-8")
    return "".join(html.unescape(value) for value in re.findall(r'data-search="([^"]*)"', page)).encode()


def test_the_largest_schools_search_data_is_small(capsys):
    sizes = {school: (len(search_data(school)), len(gzip.compress(search_data(school), 9))) for school in SCHOOLS}
    largest = max(sizes, key=lambda s: sizes[s][1])
    raw, packed = sizes[largest]
    script = (SITE / "assets" / "search.js").read_bytes()
    with capsys.disabled():
        print(f"\nsearch data: largest school {largest}, {raw / 1024:.1f} KB, {packed / 1024:.1f} KB gzipped "
              f"(search.js {len(gzip.compress(script, 9)) / 1024:.1f} KB gzipped, once for the site)")
    assert all(raw > 1000 for raw, _ in sizes.values())
    assert packed <= MAX_GZIPPED, f"{largest}'s search data is {packed} bytes gzipped (at most {MAX_GZIPPED})"


@pytest.fixture
def slow_cpu(driver):
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4})
    yield driver
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 1})


def test_a_query_answers_in_under_50_ms_with_the_cpu_slowed_four_times(slow_cpu, base_url, capsys):
    driver = slow_cpu
    school = max(SCHOOLS, key=lambda s: len(search_data(s)))
    open_a_to_z(driver, base_url, school)
    queries = [item["q"] for item in QUERIES[school]][:40] + ["bulying", "anx", "paediatrician", "zzqx", "my child is being bullied at school and is very anxious"]
    # Each query is answered as the box answers it (scoring, results shown, status), three
    # times; the quickest of the three is its time, so a busy machine's pauses do not count.
    times = driver.execute_script("""
        const times = [];
        for (const q of arguments[0]) {
            let best = Infinity;
            for (let i = 0; i < 3; i += 1) {
                window.signpostSearch.run('');
                const start = performance.now();
                window.signpostSearch.run(q);
                document.body.offsetHeight;
                best = Math.min(best, performance.now() - start);
            }
            times.push(best);
        }
        return times;
    """, queries)
    slowest = max(times)
    with capsys.disabled():
        print(f"\nsearch speed, CPU slowed 4x, {school}, {len(queries)} queries: median {statistics.median(times):.1f} ms, "
              f"slowest {slowest:.1f} ms ({queries[times.index(slowest)]!r})")
    assert slowest < MAX_QUERY_MS, f"'{queries[times.index(slowest)]}' took {slowest:.1f} ms (at most {MAX_QUERY_MS})"
