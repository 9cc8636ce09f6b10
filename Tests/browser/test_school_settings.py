"""A school's own footer note and links (`footer_note:`, `links:` in school.md), on the built
seed site: Droitwich Spa High gives both (from its Early Help Offer); they are on every one of
its pages, in the footer, reachable by keyboard, and on no other school's pages. axe and the
Nu checker run over every page in test_axe.py and test_vnu.py."""
import pytest

from conftest import PAGES, SITE

SCHOOL = "droitwich-spa-high"
LINK = ("https://website.droitwichspahigh.worcs.sch.uk/index.php/student-development-and-support/"
        "mental-health-wellbeing-and-safeguarding/support-for-students/")
OWN = [page for page in PAGES if page.startswith(SCHOOL + "/") and "handout" not in page and "offer-document" not in page
       and "/print/" not in page]
OTHERS = [page for page in PAGES if not page.startswith(SCHOOL + "/")]


def footer(page):
    html = (SITE / page).read_text(encoding="utf-8")
    assert '<footer class="site-footer">' in html, f"{page}: no footer"
    return html.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]


def test_the_seed_school_has_pages():
    assert len(OWN) > 20 and len(OTHERS) > 20


@pytest.mark.parametrize("page", OWN)
def test_the_schools_own_links_and_note_are_in_its_footer(page):
    text = footer(page)
    assert '<h2 class="footer-heading">More from Droitwich Spa High School</h2>' in text, page
    assert f'<a href="{LINK}">Support for students: mental health, wellbeing and safeguarding</a>' in text, page
    assert '<div class="footer-note"><p>See the school website for more interactive links for parents, carers and staff.</p>' in text, page


@pytest.mark.parametrize("page", [p for p in OTHERS if '<footer class="site-footer">' in (SITE / p).read_text(encoding="utf-8")])
def test_no_other_page_shows_them(page):
    text = footer(page)
    assert "More from" not in text and "footer-note" not in text and LINK not in text, page


def test_the_link_is_reached_by_keyboard_and_named(driver, base_url):
    driver.get(base_url + SCHOOL + "/index.html")
    found = driver.execute_script("""
        const links = [...document.querySelectorAll('footer a')].filter(a => a.href === arguments[0]);
        if (links.length !== 1) return {count: links.length};
        const a = links[0];
        a.focus();
        const box = a.getBoundingClientRect();
        return {count: 1, focused: document.activeElement === a, name: a.textContent.trim(),
                visible: box.width > 0 && box.height > 0, heading: a.closest('ul').previousElementSibling.textContent};
    """, LINK)
    assert found["count"] == 1, found
    assert found["focused"] and found["visible"], found
    assert found["name"] == "Support for students: mental health, wellbeing and safeguarding"
    assert found["heading"] == "More from Droitwich Spa High School"
