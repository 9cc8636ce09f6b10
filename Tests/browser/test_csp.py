"""Every page carries the Content-Security-Policy (issue 25: pages sent none, and a picture from
another website was published), and nothing on a page breaks it: Chromium reports each blocked
script, style, picture or connection in its console, read here for one page of each kind."""
import re

import pytest

from conftest import PAGES, SITE, make_driver

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'self'")
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'


def test_every_page_carries_the_policy_in_its_head():
    missing = [page for page in PAGES if META not in (SITE / page).read_text().split("</head>")[0]]
    assert not missing, missing[:10]


def test_no_page_has_a_script_written_into_it():
    inline = [page for page in PAGES
              if re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", (SITE / page).read_text())
              or re.search(r"\son[a-z]+=", (SITE / page).read_text())]
    assert not inline, inline[:10]


def one_of_each_kind():
    """The site-wide pages, and one school's pages two folders deep: each template, the search,
    the handout and the whole offer."""
    school = next(page.split("/")[0] for page in PAGES if page.count("/") == 1 and page.endswith("/index.html")
                  and page.split("/")[0] not in ("accessibility", "assets"))
    theirs = [page for page in PAGES if page.startswith(school + "/") and page.count("/") <= 3]
    return ["index.html", "404.html", "accessibility/index.html"] + theirs[::max(1, len(theirs) // 30)]


@pytest.fixture(scope="module")
def logging_driver():
    browser = make_driver(logging=True)
    yield browser
    browser.quit()


@pytest.mark.parametrize("page", one_of_each_kind())
def test_nothing_on_the_page_breaks_the_policy(logging_driver, base_url, page):
    logging_driver.get(base_url + page)
    logging_driver.execute_script("return document.readyState")
    blocked = [entry["message"] for entry in logging_driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert not blocked, blocked
