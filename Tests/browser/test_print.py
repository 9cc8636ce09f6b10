"""Printing: each school's handout fits one A4 sheet printed on both sides (2 pages),
printed inside the browser with the DevTools Page.printToPDF (Selenium's print_page
ignores @page and prints US Letter); every page hides navigation when printed; and each
printed link to another website whose text is words is followed by its address, checked on
the pages found (by reading their HTML) to have such links."""
import base64
import html.parser
import io

import pytest
from pypdf import PdfReader

from conftest import PAGES, SITE

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


class ExternalLinks(html.parser.HTMLParser):
    """Links to other websites inside <main> whose text is words, not the address itself
    (the "Exit this page" link excepted: it is hidden when printed)."""

    def __init__(self):
        super().__init__()
        self.depth, self.current, self.links = 0, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.depth += tag == "main"
        href = attrs.get("href") or ""
        if tag == "a" and self.depth and href.startswith("http") and "exit-this-page" not in (attrs.get("class") or ""):
            self.current = [href, ""]

    def handle_endtag(self, tag):
        self.depth -= tag == "main"
        if tag == "a" and self.current:
            href, text = self.current
            if href.removeprefix("https://").removeprefix("http://").rstrip("/") not in text:
                self.links.append(href)
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.current[1] += data


def pages_with_worded_links():
    found = {}
    for page in PAGES:
        parser = ExternalLinks()
        parser.feed((SITE / page).read_text())
        if parser.links:
            found[page] = parser.links
    return found


WORDED = pages_with_worded_links()
# The accessibility statement, a school's policy page and topic pages of each school.
LINK_PAGES = sorted({p for p in WORDED if "/topics/" not in p} | {p for p in WORDED if "/topics/" in p and "domestic-abuse" in p})

NAVIGATION = """
// Hidden by itself or by a parent: it takes no space on the printed page.
const hidden = el => el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden';
return [...document.querySelectorAll('nav, .skip-link, .exit-this-page')].every(hidden);
"""

LINK_ADDRESSES = """
// Every link to another website whose text is words: printed, it must be followed by its address.
const short = a => a.getAttribute('href').replace(/^https?:\\/\\//, '').replace(/\\/$/, '');
return [...document.querySelectorAll('main a[href^="http"]')]
  .filter(a => a.getClientRects().length > 0 && !a.textContent.includes(short(a)))
  .map(a => ({href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content}));
"""


def printed(driver, script):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        return driver.execute_script(script)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("page", [p for p in PAGES if "/agencies/" in p][:5] + [p for p in PAGES if p.count("/") == 1][:4]
                         + [p for p in PAGES if "/topics/domestic-abuse/" in p][:1])
def test_print_hides_navigation(driver, base_url, page):
    driver.get(base_url + page)
    assert printed(driver, NAVIGATION), f"{page}: navigation still shows when printed"


def test_the_link_check_has_pages_to_check():
    """Each kind of page that carries worded links to other websites is among those checked."""
    assert "accessibility/index.html" in LINK_PAGES
    assert any("/pages/" in p for p in LINK_PAGES) and any("/topics/" in p for p in LINK_PAGES), LINK_PAGES


@pytest.mark.parametrize("page", LINK_PAGES)
def test_print_shows_link_addresses(driver, base_url, page):
    driver.get(base_url + page)
    links = printed(driver, LINK_ADDRESSES)
    assert sorted({link["href"] for link in links}) == sorted(set(WORDED[page])), f"{page}: the browser saw other links than the page has"
    for link in links:
        assert link["href"] in link["after"], f"{page}: the printed link to {link['href']} is not followed by its address ({link['after']})"
