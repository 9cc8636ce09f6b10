"""The A to Z and the offer page, with and without a search, in every state the search can
leave them (results, only weak matches, nothing found): axe-core reports no violation and the
Nu HTML Checker no error on the page as the browser then shows it. The count is said in a
live region, the results are a list of links with headings, and a search that finds nothing
or only weak matches offers the school's phone, "Get help now" and the topics."""
import json
import pathlib
import re
import subprocess

import pytest

from conftest import REPO
from search_support import search
from test_axe import AXE, TAGS
from test_vnu import VNU

SCHOOL = "droitwich-spa-high"
STATES = {"no search": None, "results": "my child is being bullied", "weak matches": "nicco", "nothing found": "zzqx"}


def axe_violations(driver):
    driver.execute_script(AXE)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' + JSON.stringify(v.nodes.slice(0, 3).map(n => n.target)))))"
        ".catch(e => done(['axe-error: ' + e]));", TAGS)


def page_as_shown(driver):
    return "<!DOCTYPE html>\n" + driver.execute_script("return document.documentElement.outerHTML")


@pytest.fixture(scope="module")
def shown(driver, base_url):
    """Each state's page as the browser shows it, checked by axe as it is reached."""
    pages, violations = {}, {}
    driver.get(base_url + f"{SCHOOL}/a-z/index.html")
    for state, query in STATES.items():
        if query:
            search(driver, query)
        pages[f"a-z, {state}"] = page_as_shown(driver)
        violations[f"a-z, {state}"] = axe_violations(driver)
    driver.get(base_url + f"{SCHOOL}/index.html")
    pages["offer page"] = page_as_shown(driver)
    violations["offer page"] = axe_violations(driver)
    driver.find_element("css selector", "#search-q").send_keys("panic attacks")
    pages["offer page, search typed"] = page_as_shown(driver)
    violations["offer page, search typed"] = axe_violations(driver)
    return pages, violations


def test_axe_finds_nothing_in_any_state(shown):
    _, violations = shown
    assert len(violations) == 6
    found = {state: v for state, v in violations.items() if v}
    assert not found, json.dumps(found, indent=1)


def test_the_nu_checker_finds_nothing_in_any_state(shown, tmp_path):
    pages, _ = shown
    files = []
    for n, (state, text) in enumerate(pages.items()):
        path = tmp_path / f"state-{n}.html"
        path.write_text(text, encoding="utf-8")
        files.append((state, path))
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--no-langdetect"]
                         + [str(p) for _, p in files], capture_output=True, text=True)
    messages = json.loads(run.stderr)["messages"]
    names = {p.resolve(): state for state, p in files}
    errors = [f"{names.get(pathlib.Path(m.get('url', '').removeprefix('file:')).resolve(), '?')}: {m['message']}"
              for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, "\n".join(errors[:30])


def test_results_are_a_list_of_links_with_headings_and_the_count_is_announced(driver, base_url):
    driver.get(base_url + f"{SCHOOL}/a-z/index.html")
    results, status, help_shown = search(driver, "panic attacks")
    assert results and not help_shown
    facts = driver.execute_script("""
        const box = document.querySelector('[data-search-results]');
        const status = document.getElementById('search-status');
        const items = [...box.querySelectorAll('ol > li')];
        return {heading: box.querySelector('h2').textContent, role: status.getAttribute('role'),
                headed: items.every(li => li.querySelector('h3 > a[href]')),
                contacts: items.filter(li => li.querySelector('.card-contact a[href^="tel:"]')).length,
                count: items.length,
                lettersHidden: [...document.querySelectorAll('[data-search-group]')].every(g => g.hidden)};
    """)
    assert facts["role"] == "status"
    assert status.startswith(f"{facts['count']} results for \u2018panic attacks\u2019")
    assert facts["headed"] and facts["lettersHidden"]
    # An entry's own phone is shown with it.
    assert facts["contacts"] >= 3, facts
    # Cleared, the A to Z comes back.
    results, status, _ = search(driver, "")
    assert driver.execute_script("return [...document.querySelectorAll('[data-search-group]')].every(g => !g.hidden)")
    assert driver.execute_script("return document.querySelector('[data-search-results]').hidden")


def test_nothing_found_offers_the_schools_phone_get_help_now_and_the_topics(driver, base_url):
    driver.get(base_url + f"{SCHOOL}/a-z/index.html")
    results, status, help_shown = search(driver, "zzqx")
    assert results == [] and help_shown
    assert status.startswith("No results for \u2018zzqx\u2019")
    box = driver.execute_script("""
        const help = document.querySelector('[data-search-help]');
        return {tel: [...help.querySelectorAll('a[href^="tel:"]')].map(a => a.textContent),
                getHelp: !!help.querySelector('a[href="#get-help-now"]'),
                topics: help.querySelectorAll('a[href*="/topics/"]').length};
    """)
    phone = re.search(r'^phone:\s*"?([^"\n]+)', (REPO / "Content/schools" / SCHOOL / "school.md").read_text(), re.M).group(1)
    assert box["tel"] == [phone], box
    assert box["getHelp"] and box["topics"] >= 20


def test_weak_matches_say_so_and_offer_the_other_ways(driver, base_url):
    driver.get(base_url + f"{SCHOOL}/a-z/index.html")
    results, status, help_shown = search(driver, "nicco")
    assert results and help_shown
    assert status.startswith("No close matches for \u2018nicco\u2019")


def test_the_search_works_from_a_sub_folder(driver):
    # The site published under a folder of another site (https://example.org/early-help/…):
    # served here from the folder above it.
    import functools
    import http.server
    import threading

    from conftest import SITE, QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(SITE.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/{SITE.name}/{SCHOOL}/a-z/index.html?q=panic+attacks")
        results = driver.execute_script("return [...document.querySelectorAll('[data-search-results] li h3 a')].map(a => a.href)")
        assert results and all(f"/{SITE.name}/" in href for href in results), results
        assert "topics/mental-health" in results[0]
    finally:
        server.shutdown()
