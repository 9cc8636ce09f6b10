"""Driving the A to Z search in Chromium: type a query into the box as a family would, and read
the results (each as its address within the school's folder) and what the page said."""
import pathlib
import posixpath

import yaml

from conftest import SITE

QUERIES_FILE = pathlib.Path(__file__).with_name("search_queries.yml")
QUERIES = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
STOP = set("my is the a an of to in at on and i me he she it his her for with be being been our we you".split())


def open_a_to_z(driver, base_url, school):
    driver.get(base_url + f"{school}/a-z/index.html")
    assert driver.execute_script("return !!window.signpostSearch"), f"{school}: the search script did not start"


def search(driver, query):
    """Types `query` into the search box and presses Enter; returns (results, status, weak)."""
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element("css selector", "#search-q")
    box.clear()
    box.send_keys(query + Keys.ENTER)
    return driver.execute_script("""
        const box = document.querySelector('[data-search-results]');
        const help = document.querySelector('[data-search-help]');
        const items = box.hidden ? [] : [...box.querySelectorAll('li')];
        return [items.map(li => li.querySelector('a').getAttribute('href')),
                document.getElementById('search-status').textContent, !help.hidden];
    """)


def within_school(school, href):
    """`../topics/bullying/index.html` or `../../<school>/topics/bullying/index.html` (links
    from the school's A to Z) are `topics/bullying`."""
    page = posixpath.normpath(posixpath.join(f"{school}/a-z", href))
    return posixpath.dirname(page).removeprefix(school + "/")


def with_a_typing_mistake(query):
    """The query with one typing mistake in its longest word (not its first letter): a letter
    left out, two swapped, one doubled or one changed, chosen by the query itself so the
    same mistakes are made every run."""
    words = query.split(" ")
    candidates = [w for w in words if w.lower() not in STOP and w.isalpha()] or words
    word = max(candidates, key=len)
    seed = sum(ord(c) for c in query)
    kind = seed % 4
    at = 1 + seed % max(1, len(word) - 2)
    if kind == 0:
        wrong = word[:at] + word[at + 1:]
    elif kind == 1 and at + 1 < len(word):
        wrong = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    elif kind == 2:
        wrong = word[:at] + word[at] + word[at:]
    else:
        letter = "abcdefghijklmnopqrstuvwxyz"[(seed // 4) % 26]
        if letter == word[at]:
            letter = "e" if letter != "e" else "a"
        wrong = word[:at] + letter + word[at + 1:]
    if wrong == word:  # two same letters swapped: leave one out instead
        wrong = word[:at] + word[at + 1:]
    words[words.index(word)] = wrong
    return " ".join(words)


def answer_pages(school, answers):
    return [a for a in answers if (SITE / school / a / "index.html").is_file()]
