"""Page structure that axe does not fully cover: language, one h1 and no skipped heading
levels, a skip link first, a main landmark, reflow at 320 px, and content with JS off."""
import pytest

from conftest import PAGES

STRUCTURE = """
const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
const focusable = [...document.querySelectorAll('a[href],button,input,select,textarea,[tabindex]:not([tabindex="-1"])')];
const first = focusable[0];
const target = first && first.getAttribute('href') && first.getAttribute('href').startsWith('#')
  ? document.getElementById(first.getAttribute('href').slice(1)) : null;
return {lang: document.documentElement.lang, headings,
        skip: first ? first.getAttribute('href') : null, skipTarget: !!target,
        main: document.querySelectorAll('main').length};
"""


@pytest.mark.parametrize("page", PAGES)
def test_page_structure(driver, base_url, page):
    driver.get(base_url + page)
    info = driver.execute_script(STRUCTURE)
    assert info["lang"] == "en-GB"
    assert info["headings"].count(1) == 1, f"{page}: {info['headings'].count(1)} h1 elements"
    skips = [(a, b) for a, b in zip(info["headings"], info["headings"][1:]) if b > a + 1]
    assert not skips, f"{page}: heading levels skipped {skips}"
    if page != "404.html":
        assert info["skip"] and info["skipTarget"], f"{page}: the first focusable element must be a skip link to the main content"
    assert info["main"] == 1


@pytest.fixture()
def narrow(driver):
    driver.set_window_size(320 + (driver.execute_script("return window.outerWidth - window.innerWidth") or 0), 900)
    yield driver
    driver.set_window_size(1280, 900)


@pytest.mark.parametrize("page", PAGES)
def test_reflows_at_320_css_pixels(narrow, base_url, page):
    narrow.get(base_url + page)
    width, scroll = narrow.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
    assert width <= 330, f"window is {width}px wide, not 320"
    assert scroll <= width + 1, f"{page}: scrolls sideways at 320px ({scroll} > {width})"


SAMPLE = [p for p in PAGES if p.count("/") <= 2][:12]


@pytest.mark.parametrize("page", SAMPLE)
def test_content_is_there_with_javascript_off(driver_without_js, base_url, page):
    driver_without_js.get(base_url + page)
    main_text = driver_without_js.execute_script("const m = document.querySelector('main'); return m ? m.innerText : ''")
    assert len(main_text.strip()) > 40, f"{page}: main content is empty without JavaScript"
