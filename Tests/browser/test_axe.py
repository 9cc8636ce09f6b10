"""axe-core 4.12.1 on every page in a real headless Chromium: WCAG 2.0/2.1/2.2 A and AA
and best practice, zero violations."""
import pathlib

import axe_playwright_python
import pytest

from conftest import PAGES

AXE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def test_axe_is_the_pinned_version(driver, base_url):
    driver.get(base_url)
    driver.execute_script(AXE)
    assert driver.execute_script("return axe.version") == "4.12.1"


@pytest.mark.parametrize("page", PAGES)
def test_no_axe_violations(driver, base_url, page):
    driver.get(base_url + page)
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))).catch(e => done([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}]));",
        TAGS)
    assert not result, f"{page}:\n" + "\n".join(f"  {v['id']} ({v['impact']}): {v['help']} — {v['nodes']}" for v in result)
