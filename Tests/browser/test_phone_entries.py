"""Every entry shows a way to reach it, for every seed school:

- on every agency and service page, at 375 × 667 (a phone), the first line of the entry's
  own first phone, email or website, or for an entry reached only through a referral who to
  ask, is on the first screen, above its longer text and the "Get help now" box (the seed
  schools, and the two-counties fixture for teams, named contacts and referral routes);
- every card on every page, and every agency's line on the handout, shows a phone, an email,
  a website, its teams or who can refer (read from the pages' HTML);
- web links in cards and on entry pages say where they go, not the raw address."""
import html.parser
import os
import pathlib
import subprocess

import pytest

from conftest import PAGES, REPO, SITE
from phone import HEIGHT, phone

BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()

ENTRY_PAGES = [p for p in PAGES if "/agencies/" in p or "/services/" in p]

FIRST_CONTACT = """
// The entry's first way in: where its first printed line ends, and where the page's longer
// text ("More information") and the "Get help now" box start, in CSS pixels from the top.
const top = el => el ? el.getBoundingClientRect().top + window.scrollY : null;
const box = document.querySelector('.contact-box');
if (!box) return null;
const first = box.querySelector('a[href^="tel:"], a[href^="sms:"], a[href^="mailto:"], a[href^="http"], .contact-referral');
if (!first) return null;
const line = first.getClientRects()[0], style = getComputedStyle(first);
const height = parseFloat(style.lineHeight) || 1.25 * parseFloat(style.fontSize);
return {text: first.textContent.trim(), lineEnd: line.top + window.scrollY + Math.min(line.height, height),
        about: top(document.getElementById('about-title')), help: top(document.querySelector('.get-help-now'))};
"""


def test_every_school_has_entry_pages():
    schools = {p.split("/")[0] for p in ENTRY_PAGES}
    assert len(schools) >= 3 and len(ENTRY_PAGES) > 100, schools


def check_first_screen(driver, url, page):
    with phone(driver):
        driver.get(url)
        first = driver.execute_script(FIRST_CONTACT)
    assert first is not None, f"{page}: no phone, email, website or referral route in its contact box"
    assert first["lineEnd"] <= HEIGHT, \
        f"{page}: the entry's first contact ({first['text']!r}) ends {first['lineEnd'] / HEIGHT:.2f} screens down on a phone"
    for name in ("about", "help"):
        assert first[name] is None or first["lineEnd"] <= first[name], f"{page}: {name} comes before the entry's own contact"


@pytest.mark.parametrize("page", ENTRY_PAGES)
def test_the_entrys_own_contact_is_on_the_first_screen(driver, base_url, page):
    check_first_screen(driver, base_url + page, page)


@pytest.fixture(scope="module")
def two_counties(tmp_path_factory):
    """Tests/Fixtures/two-counties (teams, named contacts, referral-only entries), built."""
    site = tmp_path_factory.mktemp("two-counties") / "Site"
    result = subprocess.run([str(BIN), "build", "--content", str(REPO / "Tests" / "Fixtures" / "two-counties" / "Content"),
                             "--theme", str(REPO / "Themes" / "default"), "--output", str(site), "--no-pdf"],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


FIXTURE_ENTRIES = ["willow-primary/agencies/early-help-teams/index.html", "willow-primary/agencies/police/index.html",
                   "willow-primary/agencies/community-paediatrics/index.html", "willow-primary/agencies/cyps/index.html",
                   "oak-first/agencies/national-centre-for-domestic-violence/index.html"]


@pytest.mark.parametrize("page", FIXTURE_ENTRIES)
def test_teams_contacts_and_referral_routes_are_on_the_first_screen(driver, two_counties, page):
    check_first_screen(driver, (two_counties / page).as_uri(), page)


def test_the_fixtures_cards_and_handout_show_a_way_to_each_entry(two_counties):
    pages = [str(p.relative_to(two_counties)) for p in two_counties.rglob("*.html")]
    silent = [(page, " ".join(text.split())[:60]) for page in pages
              for way, text in items(page, is_card, two_counties) + items(page, in_handout_list, two_counties) if not way]
    assert not silent, silent
    teams = [text for way, text in items("willow-primary/handout/index.html", in_handout_list, two_counties) if "Early Help Teams" in text]
    assert len(teams) == 1 and all(f"{place}: 0117 496 010{n}" in teams[0] for n, place in
                                   enumerate(["Ashdown", "Brookfield", "Castleford", "Dunmere", "Elmbridge", "Fernley"], 1)), teams


class Items(html.parser.HTMLParser):
    """The `li` items whose class is one of `classes` (or, with `inside`, every `li` inside an
    element with that class): for each, whether it holds a way in, and its text."""

    WAYS = ("tel:", "sms:", "mailto:", "http://", "https://")

    def __init__(self, match):
        super().__init__()
        self.match, self.stack, self.items = match, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag in ("br", "wbr", "img", "meta", "link", "input"):
            return
        opened = tag == "li" and self.match(classes, self.stack)
        self.stack.append((tag, classes, [False, ""] if opened else None))
        current = next((entry[2] for entry in reversed(self.stack) if entry[2] is not None), None)
        if current is not None:
            href = attrs.get("href") or ""
            if (tag == "a" and (href.startswith(self.WAYS) or href.endswith("#teams"))) or \
                    {"card-referral", "handout-referral"} & set(classes):
                current[0] = True

    def handle_endtag(self, tag):
        while self.stack:
            opened, _, item = self.stack.pop()
            if item is not None:
                self.items.append(item)
            if opened == tag:
                break

    def handle_data(self, data):
        for entry in self.stack:
            if entry[2] is not None:
                entry[2][1] += data


def items(page, match, site=SITE):
    parser = Items(match)
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser.items


def is_card(classes, stack):
    return "card-entry" in classes


def in_handout_list(classes, stack):
    return any("handout-list" in entry[1] for entry in stack)


def test_the_card_and_handout_checks_find_items():
    cards = sum(len(items(p, is_card)) for p in PAGES)
    lines = sum(len(items(p, in_handout_list)) for p in PAGES if p.endswith("handout/index.html"))
    assert cards > 300 and lines > 100, (cards, lines)


@pytest.mark.parametrize("page", [p for p in PAGES if "/agencies/" not in p and "/services/" not in p])
def test_every_card_and_handout_line_shows_a_way_to_reach_its_entry(page):
    silent = [" ".join(text.split())[:60] for way, text in items(page, is_card) + items(page, in_handout_list) if not way]
    assert not silent, f"{page}: no phone, email, website, teams or referral route shown for: {silent}"


def test_an_email_only_entry_shows_its_email_on_cards_and_the_handout():
    pages = [p for p in PAGES if p.endswith("/topics/home-education/index.html") or p.endswith("/handout/index.html")]
    assert pages
    for page in pages:
        text = (SITE / page).read_text(encoding="utf-8")
        if "Home Education Network" in text:
            assert "mailto:info@worcestershire-home-educators.co.uk" in text, page


class WebLinks(html.parser.HTMLParser):
    """Links to other websites in cards and contact boxes, with the words they show."""

    VOID = ("br", "wbr", "img", "meta", "link", "input", "hr")

    def __init__(self):
        super().__init__()
        self.stack, self.current, self.links = [], None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        classes = set((attrs.get("class") or "").split())
        self.stack.append((tag, bool({"card-entry", "contact-box"} & classes)))
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("http") and any(inside for _, inside in self.stack):
            self.current = [href, ""]

    def handle_endtag(self, tag):
        if tag == "a" and self.current:
            self.links.append(tuple(self.current))
            self.current = None
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.current:
            self.current[1] += data


@pytest.mark.parametrize("page", [p for p in PAGES if not p.endswith("handout/index.html")])
def test_web_links_say_where_they_go(page):
    parser = WebLinks()
    parser.feed((SITE / page).read_text(encoding="utf-8"))
    raw = [(href, text) for href, text in parser.links
           if href.removeprefix("https://").removeprefix("http://").rstrip("/") in text or text.strip().startswith(("http", "www."))
           or "website website" in text.lower()]
    assert not raw, f"{page}: links that show the raw address (or say \"website\" twice): {raw[:3]}"
