"""Printing: each school's handout fits one A4 sheet printed on both sides (2 pages),
printed inside the browser with the DevTools Page.printToPDF (Selenium's print_page
ignores @page and prints US Letter); every page hides navigation when printed."""
import base64
import io

import pytest
from pypdf import PdfReader

from conftest import PAGES

HANDOUTS = [p for p in PAGES if p.endswith("/handout/index.html")]
A4 = (595.28, 841.89)


def print_pdf(driver):
    data = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
    return base64.b64decode(data)


@pytest.mark.parametrize("page", HANDOUTS)
def test_handout_fits_two_a4_pages(driver, base_url, artifacts, page):
    driver.get(base_url + page)
    pdf = print_pdf(driver)
    (artifacts / (page.split("/")[0] + "-handout.pdf")).write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    size = reader.pages[0].mediabox
    assert abs(float(size.width) - A4[0]) < 2 and abs(float(size.height) - A4[1]) < 2, f"not A4: {size}"
    assert len(reader.pages) <= 2, f"{page} prints on {len(reader.pages)} pages; it must fit one sheet, both sides"
    text = "".join(p.extract_text() for p in reader.pages)
    assert "999" in text


def test_there_is_a_handout_per_school():
    schools = {p.split("/")[0] for p in PAGES if p.count("/") == 1 and p.endswith("/index.html") and p.split("/")[0] != "accessibility"}
    assert {p.split("/")[0] for p in HANDOUTS} == schools


PRINT_CHECK = r"""
// Hidden by itself or by a parent: it takes no space on the printed page.
const hidden = el => el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden';
const nav = [...document.querySelectorAll('nav, .skip-link, .exit-this-page')];
// A link whose text already is its address needs no repeat; check one whose text is words.
const short = a => a.getAttribute('href').replace(/^https?:\/\//, '').replace(/\/$/, '');
const link = [...document.querySelectorAll('main a[href^="http"]')].find(a => a.offsetParent && !a.textContent.includes(short(a)));
return {navHidden: nav.every(hidden), after: link ? getComputedStyle(link, '::after').content : null, href: link ? link.getAttribute('href') : null};
"""


@pytest.mark.parametrize("page", [p for p in PAGES if "/agencies/" in p][:5] + [p for p in PAGES if p.count("/") == 1][:4])
def test_print_hides_navigation_and_shows_link_addresses(driver, base_url, page):
    driver.get(base_url + page)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        info = driver.execute_script(PRINT_CHECK)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert info["navHidden"], f"{page}: navigation still shows when printed"
    if info["href"]:
        assert info["href"] in info["after"], f"{page}: a printed link should be followed by its address ({info['after']})"
