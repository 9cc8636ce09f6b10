"""Every working phone number, email and web address in each seed document
reaches that school's published pages, shown and linked (tel:, mailto:, https:).
The expected contacts are the committed fixture Tests/Fixtures/seed-contacts/,
extracted from the seeds by extract_contacts.py, so this runs on any clone."""
import html
import json
import os
import pathlib
import re

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("SIGNPOST_SITE", REPO / "Site"))
FIXTURES = REPO / "Tests" / "Fixtures" / "seed-contacts"
SCHOOLS = sorted(p.stem for p in FIXTURES.glob("*.json"))
HREF = re.compile(r'href="([^"]+)"')


def normalise_url(url):
    url = re.sub(r"^https?:/*", "", url, flags=re.I)
    url = re.sub(r"^www\.", "", url, flags=re.I)
    host, _, path = url.partition("/")
    return (host.lower() + ("/" + path if path else "")).rstrip("/")


def published(school):
    folder = SITE / school
    if not folder.is_dir():
        pytest.fail(f"{folder} was not built")
    phones, emails, urls, text = set(), set(), [], []
    for page in folder.rglob("*.html"):
        source = page.read_text(encoding="utf-8")
        text.append(source)
        for href in (html.unescape(h) for h in HREF.findall(source)):
            if href.startswith(("tel:", "sms:")):
                phones.add(re.sub(r"\D", "", href))
            elif href.startswith("mailto:"):
                emails.add(href[7:].lower())
            elif href.lower().startswith(("http://", "https://")):
                urls.append(normalise_url(href).lower())
    return phones, emails, urls, "\n".join(text)


@pytest.mark.parametrize("school", SCHOOLS)
def test_every_working_contact_is_published_and_linked(school):
    expected = json.loads((FIXTURES / f"{school}.json").read_text(encoding="utf-8"))
    phones, emails, urls, _ = published(school)
    missing = [f"phone {p}" for p in expected["phones"] if p not in phones]
    missing += [f"email {e}" for e in expected["emails"] if e not in emails]
    # A seed address broken across lines by the Word extraction is a prefix of the repaired one.
    missing += [f"web {u}" for u in expected["urls"] if not any(p.startswith(u.lower()) for p in urls)]
    total = len(expected["phones"]) + len(expected["emails"]) + len(expected["urls"])
    assert not missing, f"{len(missing)} of {total} contacts from the seed are not linked on {school}'s pages:\n  " + "\n  ".join(missing)


@pytest.mark.parametrize("school", SCHOOLS)
def test_broken_links_are_not_published(school):
    expected = json.loads((FIXTURES / f"{school}.json").read_text(encoding="utf-8"))
    _, _, _, text = published(school)
    leaked = [d["value"] for d in expected["not_published"] if html.escape(d["value"]) in text or d["value"] in text]
    assert not re.search(r'href="(file:|[A-Za-z]:\\)', text)
    assert not leaked, f"links that cannot work for a family were published: {leaked}"
