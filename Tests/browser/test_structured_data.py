"""Every agency and service page carries schema.org JSON-LD whose telephone, email, web
address and area served are what the page shows families: parsed with a JSON-LD processor
(PyLD), compared with the page's visible "How to get in touch" box."""
import json
import re

import lxml.html
import pytest
from pyld import jsonld

from conftest import PAGES, REPO, SITE

SCHEMA = "http://schema.org/"
ENTRY_PAGES = [p for p in PAGES if re.fullmatch(r"(?:[^/]+/)?(?:agencies|services)/[^/]+/index\.html", p)]
AREA_NAMES = {m.group(1).strip() for m in (re.search(r"^name:\s*(.+)$", p.read_text(), re.M)
                                           for p in (REPO / "Content" / "areas").glob("*/area.md")) if m}
# A national agency's file lives in Content/agencies/; its page says it serves the country.
NATIONAL = {p.stem for p in (REPO / "Content" / "agencies").glob("*.md")}


def local_context(url, options=None):
    """The schema.org context, without the internet: it maps every term into schema.org's
    vocabulary (as https://schema.org/docs/jsonldcontext.json does, with "@vocab")."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the JSON-LD names a context other than schema.org: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def values(node, term):
    return [v.get("@value", v.get("@id")) for v in node.get(SCHEMA + term, [])]


def structured(tree):
    blocks = tree.xpath('//script[@type="application/ld+json"]')
    assert len(blocks) == 1
    raw = blocks[0].text
    assert "<" not in raw and "&" not in raw.replace("\\u0026", "")
    expanded = jsonld.expand(json.loads(raw), {"documentLoader": local_context})
    assert len(expanded) == 1
    return expanded[0]


def links(elements, scheme):
    return [a.text_content().strip() for el in elements for a in el.xpath(f'.//a[starts-with(@href, "{scheme}")]')]


def visible(tree):
    box = tree.xpath('//section[contains(@class, "contact-box")]')
    assert len(box) == 1
    box = box[0]
    own = box.xpath('./ul[contains(@class, "contact-list")]') + box.xpath('./p[contains(@class, "contact-school")]')
    websites = [a.get("href") for ul in box.xpath('./ul[contains(@class, "contact-list")]') for a in ul.xpath('.//a[starts-with(@href, "http")]')]
    teams = [{"name": li.xpath('./h4')[0].text_content().strip(), "phones": links([li], "tel:"), "emails": links([li], "mailto:")}
             for li in box.xpath('./ul[contains(@class, "contact-teams")]/li')]
    return {"phones": links(own, "tel:"), "emails": links(own, "mailto:"), "websites": websites, "teams": teams}


def test_there_are_entry_pages():
    assert len(ENTRY_PAGES) > 100 and AREA_NAMES and NATIONAL
    assert any("/services/" in p for p in ENTRY_PAGES) and any("/agencies/" in p for p in ENTRY_PAGES)


@pytest.mark.parametrize("page", ENTRY_PAGES)
def test_structured_data_matches_the_visible_contact(page):
    tree = lxml.html.fromstring((SITE / page).read_bytes())
    node = structured(tree)
    shown = visible(tree)
    is_service = "/services/" in page
    assert node["@type"] == [SCHEMA + ("GovernmentService" if is_service else "Organization")]
    assert values(node, "name") == [tree.xpath("//h1")[0].text_content().strip()]
    assert sorted(values(node, "telephone")) == sorted(shown["phones"])
    assert sorted(values(node, "email")) == sorted(shown["emails"])
    assert values(node, "url") == shown["websites"][:1]
    assert sorted(values(node, "sameAs")) == sorted(shown["websites"][1:])
    points = [{"name": values(p, "name")[0], "phones": values(p, "telephone"), "emails": values(p, "email")}
              for p in node.get(SCHEMA + "contactPoint", [])]
    assert points == shown["teams"]
    served = node[SCHEMA + "areaServed"]
    assert len(served) == 1
    entry = page.split("/")[-2]
    if not is_service and entry in NATIONAL:
        assert served[0]["@type"] == [SCHEMA + "Country"] and values(served[0], "name") == ["United Kingdom"]
    else:
        assert served[0]["@type"] == [SCHEMA + "AdministrativeArea"] and values(served[0], "name")[0] in AREA_NAMES


def test_a_number_families_see_is_in_the_structured_data():
    """At least some pages have each kind of contact, so the comparisons above compare something
    (the seed has no teams: StructuredDataTests covers them on a fixture)."""
    seen = {"phones": 0, "emails": 0, "websites": 0}
    for page in ENTRY_PAGES:
        shown = visible(lxml.html.fromstring((SITE / page).read_bytes()))
        for key in seen:
            seen[key] += bool(shown[key])
    assert all(count > 0 for count in seen.values()), seen
