"""Every internal link and #anchor resolves; nothing is loaded from another site; no
`javascript:` links. Parsed from the files (fast), not fetched."""
import html.parser
import posixpath
import re
import urllib.parse

import pytest

from conftest import PAGES, SITE


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.loads, self.inline_css = set(), [], [], []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        for attribute in ("src", "srcset", "poster", "data"):
            if attrs.get(attribute):
                self.loads.append(attrs[attribute])
        if tag == "link" and attrs.get("href"):
            self.loads.append(attrs["href"])
        if attrs.get("style"):
            self.inline_css.append(attrs["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


_cache = {}


def parse(page):
    if page not in _cache:
        parser = PageParser()
        parser.feed((SITE / page).read_text(encoding="utf-8"))
        _cache[page] = parser
    return _cache[page]


def resolve(page, href):
    url = urllib.parse.urlsplit(href)
    if url.scheme or url.netloc:
        return None, None
    path = urllib.parse.unquote(url.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if path.endswith("/") or (SITE / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target, urllib.parse.unquote(url.fragment)


EXTERNAL = re.compile(r"^(https?:)?//", re.I)


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_and_anchors_resolve(page):
    broken = []
    for href in parse(page).links:
        if href.lower().startswith(("http:", "https:", "mailto:", "tel:", "sms:")):
            continue
        assert not href.lower().strip().startswith(("javascript:", "data:", "file:", "vbscript:")), f"{page}: unsafe link {href}"
        if href.startswith("/"):
            # Only the 404 page may link from the site root: it is served at any depth.
            assert page == "404.html", f"{page}: {href} only works at the root of a domain; links must be relative"
            href = href.lstrip("/") or "index.html"
            page_for_link = "index.html"
        else:
            page_for_link = page
        target, anchor = resolve(page_for_link, href)
        if target.startswith("..") or not (SITE / target).is_file():
            broken.append(f"{href} → {target} (no such page)")
        elif anchor and target.endswith(".html") and anchor not in parse(target).ids:
            broken.append(f"{href} → #{anchor} is not on {target}")
    assert not broken, f"{page}:\n  " + "\n  ".join(broken)


@pytest.mark.parametrize("page", PAGES)
def test_nothing_is_loaded_from_another_site(page):
    parsed = parse(page)
    outside = [u for u in parsed.loads if EXTERNAL.match(u.strip())]
    for css in parsed.inline_css:
        outside += re.findall(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^'\")\s]+)", css)
    assert not outside, f"{page} loads {outside}"
    for url in parsed.loads:
        if not EXTERNAL.match(url) and not url.startswith("data:"):
            target, _ = resolve(page, url.split("?")[0])
            assert target and (SITE / target).is_file(), f"{page}: {url} does not exist"


def test_stylesheets_load_nothing_from_another_site():
    for css in SITE.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        outside = re.findall(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^'\")\s]+)", text)
        assert not outside, f"{css.relative_to(SITE)} loads {outside}"


def test_scripts_make_no_requests_elsewhere():
    for script in SITE.rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"(fetch|XMLHttpRequest|importScripts|sendBeacon)\s*\(", text), f"{script.relative_to(SITE)} makes requests"
