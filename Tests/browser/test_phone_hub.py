"""A parent on a phone (375 × 667 in Chromium, `phone.py`) finds help from every school's offer
page: the page is short, the topics are near the top, every agency and service is at most two
taps away, the search finds entries by name and topic (and the A to Z lists everything without
JavaScript), "Get help now" is one tap from the top of every page, and pages that list
domestic-abuse help offer "Exit this page". These run on the built seed site."""
import collections
import html.parser
import posixpath
import re
import time
import urllib.parse

import pytest

from conftest import PAGES, SITE
from phone import page_screens, phone, scrolls_sideways, top_screens

# Every school folder (the site's own folders are not schools).
SCHOOLS = sorted(d.name for d in SITE.iterdir()
                 if d.is_dir() and (d / "index.html").is_file() and d.name not in ("accessibility", "assets"))

MAX_OFFER_SCREENS = 10
MAX_FIRST_TOPIC_SCREENS = 2
MAX_TAPS = 2


def test_there_are_schools_to_measure():
    assert len(SCHOOLS) >= 3, f"expected the seed schools in {SITE}, found {SCHOOLS}"


class Page(html.parser.HTMLParser):
    """A page's links (resolved to site paths) and the classes of its links."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path, self.links, self.classes = path, [], collections.Counter()
        self.feed((SITE / path).read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "a" or not attrs.get("href"):
            return
        for name in (attrs.get("class") or "").split():
            self.classes[name] += 1
        href = attrs["href"]
        url = urllib.parse.urlsplit(href)
        if url.scheme or url.netloc or not url.path:
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), urllib.parse.unquote(url.path)))
        if url.path.endswith("/") or (SITE / target).is_dir():
            target = posixpath.join(target, "index.html")
        self.links.append(target)


def entry_pages(school):
    return sorted(str(p.relative_to(SITE)) for kind in ("agencies", "services") for p in (SITE / school / kind).glob("*/index.html"))


def taps_from_offer(school):
    """Each page reachable from the offer page by following links, with the fewest taps."""
    start = f"{school}/index.html"
    taps = {start: 0}
    queue = collections.deque([start])
    while queue:
        page = queue.popleft()
        if taps[page] == MAX_TAPS:
            continue
        for target in Page(page).links:
            # Pages only: the PDFs the offer page links to are documents, not pages to walk.
            if target not in taps and target.endswith(".html") and (SITE / target).is_file():
                taps[target] = taps[page] + 1
                queue.append(target)
    return taps


@pytest.mark.parametrize("school", SCHOOLS)
def test_offer_page_is_short_on_a_phone(driver, base_url, school):
    with phone(driver):
        driver.get(base_url + f"{school}/index.html")
        screens = page_screens(driver)
        assert screens <= MAX_OFFER_SCREENS, f"{school}'s offer page is {screens:.1f} screens long at 375 × 667 (at most {MAX_OFFER_SCREENS})"
        assert not scrolls_sideways(driver)


@pytest.mark.parametrize("school", SCHOOLS)
def test_first_topic_link_is_within_two_screens(driver, base_url, school):
    with phone(driver):
        driver.get(base_url + f"{school}/index.html")
        links = driver.find_elements("css selector", "main a[href*='topics/']")
        assert links, f"{school}'s offer page links to no topic"
        first = top_screens(driver, links[0])
        assert first <= MAX_FIRST_TOPIC_SCREENS, f"{school}: the first topic link starts {first:.2f} screens down (at most {MAX_FIRST_TOPIC_SCREENS})"
        # "Get help now" comes first.
        box = driver.find_element("css selector", "main #get-help-now")
        assert top_screens(driver, box) < first


@pytest.mark.parametrize("school", SCHOOLS)
def test_every_agency_and_service_is_at_most_two_taps_from_the_offer_page(school):
    taps = taps_from_offer(school)
    entries = entry_pages(school)
    assert entries
    far = [page for page in entries if page not in taps]
    assert not far, f"{len(far)} of {len(entries)} entry pages of {school} are more than {MAX_TAPS} taps from its offer page: {far[:5]}"


def visible_results(driver):
    """The search's results, best first (with JavaScript), else what the A to Z shows."""
    return driver.execute_script("""
        const results = document.querySelector('[data-search-results]');
        const items = results && !results.hidden ? results.querySelectorAll('li') : document.querySelectorAll('[data-search] > li');
        return [...items]
            .filter(li => li.offsetParent !== null)
            .map(li => li.querySelector('a'))
            .map(a => ({name: a.textContent.trim(), href: a.getAttribute('href')}));
    """)


def search_from_offer(driver, base_url, school, words):
    driver.get(base_url + f"{school}/index.html")
    box = driver.find_element("css selector", "#search-q")
    box.send_keys(words)
    box.submit()
    deadline = time.time() + 10
    status = ""
    while time.time() < deadline:
        if "/a-z/" in driver.current_url:
            status = driver.execute_script("const s = document.getElementById('search-status'); return s ? s.textContent : ''")
            if status:
                break
        time.sleep(0.1)
    return status, visible_results(driver)


@pytest.mark.parametrize("school", SCHOOLS)
def test_search_finds_samaritans(driver, base_url, school):
    with phone(driver):
        status, results = search_from_offer(driver, base_url, school, "samaritans")
        assert "?q=samaritans" in driver.current_url
        assert "Samaritans" in [r["name"] for r in results], results
        count = len(results)
        assert results[0]["name"] == "Samaritans", results
        assert status == f"{count} result{'' if count == 1 else 's'} for \u2018samaritans\u2019, best match first"
        assert driver.find_element("css selector", "#search-status").get_attribute("role") == "status"


@pytest.mark.parametrize("school", SCHOOLS)
def test_search_finds_the_bullying_topic_and_the_help_on_it(driver, base_url, school):
    with phone(driver):
        status, results = search_from_offer(driver, base_url, school, "bully")
        names = {r["name"] for r in results}
        topic = f"{school}/topics/bullying/index.html"
        on_topic = Page(topic)
        entries = {link for link in on_topic.links if "/agencies/" in link or "/services/" in link}
        found = {posixpath.normpath(posixpath.join(f"{school}/a-z", r["href"])) for r in results}
        assert any("bullying" in n.lower() for n in names), f"the bullying topic is not found: {names}"
        assert topic in found
        missing = entries - found
        assert not missing, f"searching 'bully' on {school} misses help listed on the bullying topic: {sorted(missing)}"
        assert "results for \u2018bully\u2019" in status


@pytest.mark.parametrize("school", SCHOOLS)
def test_search_works_straight_from_the_disk(driver, school):
    # Opened from file:// (a page saved or copied to a USB stick): nothing is fetched, so it still searches.
    driver.get((SITE / school / "a-z" / "index.html").as_uri() + "?q=samaritans")
    deadline = time.time() + 10
    while time.time() < deadline and not driver.execute_script("return document.getElementById('search-status').textContent"):
        time.sleep(0.1)
    names = [r["name"] for r in visible_results(driver)]
    assert "Samaritans" in names and len(names) < len(entry_pages(school)), names


@pytest.mark.parametrize("school", SCHOOLS)
def test_a_search_with_no_results_says_so(driver, base_url, school):
    status, results = search_from_offer(driver, base_url, school, "zzqx")
    assert results == []
    assert status.startswith("No results for \u2018zzqx\u2019")


@pytest.mark.parametrize("school", SCHOOLS)
def test_the_a_to_z_lists_everything_without_javascript(driver_without_js, base_url, school):
    # The offer page's search box leads here; without JavaScript the whole list shows.
    driver_without_js.get(base_url + f"{school}/a-z/index.html?q=samaritans")
    listed = {posixpath.normpath(posixpath.join(f"{school}/a-z", r["href"])) for r in visible_results(driver_without_js)}
    missing = [page for page in entry_pages(school) if page not in listed]
    assert not missing, f"the A to Z of {school} misses {missing[:5]}"
    form = driver_without_js.find_element("css selector", "form[role=search]")
    assert form.get_attribute("method") == "get"


def sample_pages():
    """One page of each kind per school, and the pages of no school."""
    pages = ["index.html", "404.html", "accessibility/index.html"]
    for school in SCHOOLS:
        pages += [f"{school}/{within}" for within in ("index.html", "a-z/index.html", "about.html", "how-help-works/index.html")]
        for kind in ("levels", "topics", "agencies", "services", "pages"):
            pages += [str(p.relative_to(SITE)) for p in sorted((SITE / school / kind).glob("*/index.html"))[:1]]
    return pages


# The handout and the whole offer are print documents: their "Get help now" is a section of
# the document, not the box every screen page shares.
SCREEN_PAGES = [p for p in PAGES if not p.endswith(("handout/index.html", "whole-offer/index.html"))]


@pytest.mark.parametrize("page", SCREEN_PAGES)
def test_get_help_now_is_in_the_same_place_on_every_page(page):
    source = (SITE / page).read_text(encoding="utf-8")
    bar = source.find('<div class="help-link-bar">')
    header_end = source.find("</header>")
    assert bar != -1 and header_end != -1 and source[header_end:bar].strip() == "</header>", \
        f"{page}: the 'Get help now' bar is not straight after the header"
    # The A to Z's "other ways to find help", shown when a search finds nothing, leads there too.
    bar_links = re.sub(r'<section class="search-help".*?</section>', "", source, flags=re.S)
    assert bar_links.count('href="#get-help-now"') == 1
    assert source.count('id="get-help-now"') == 1


@pytest.mark.parametrize("page", sample_pages())
def test_get_help_now_leads_to_the_box(driver, base_url, page):
    with phone(driver):
        driver.get(base_url + page)
        link = driver.find_element("css selector", "a.help-link[href='#get-help-now']")
        assert top_screens(driver, link) < 0.3, f"{page}: the link is not at the top"
        link.click()
        time.sleep(0.2)
        inside = driver.execute_script(
            "const r = document.getElementById('get-help-now').getBoundingClientRect();"
            "return location.hash === '#get-help-now' && r.top < window.innerHeight && r.bottom > 0 && r.top > -5;")
        assert inside, f"{page}: 'Get help now' does not bring the box into view"


@pytest.mark.parametrize("page", sample_pages())
def test_no_page_scrolls_sideways_on_a_phone(driver, base_url, page):
    with phone(driver):
        driver.get(base_url + page)
        assert not scrolls_sideways(driver), f"{page} scrolls sideways at 375 px"


@pytest.mark.parametrize("school", SCHOOLS)
def test_exit_this_page_on_the_offer_level_and_a_to_z_pages(school):
    pages = [f"{school}/index.html", f"{school}/a-z/index.html"]
    pages += [str(p.relative_to(SITE)) for p in sorted((SITE / school / "levels").glob("*/index.html"))]
    assert len(pages) > 3
    for page in pages:
        assert Page(page).classes["exit-this-page"] == 1, f"{page} has no 'Exit this page'"
