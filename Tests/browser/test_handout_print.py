"""The printed handout, for every seed school, as a family gets it: printed by Chromium
(DevTools Page.printToPDF from the test's browser, as the browser's own Print does) and as the
PDF the build makes (its own Chromium, with only the fonts Signpost installs). Checked on the built seed site (SIGNPOST_SITE, which has no base_url) and on the
same content built with a base_url (so with the offer's web address and its QR code):

- at most 2 A4 pages, and when there are 2, the second at least half used (balanced);
- no text smaller than 10pt (computed font sizes in print emulation, and the PDFs' fonts);
- no phone number split over two lines (one box per tel: link in print, and one printed
  line per number in each PDF);
- the school's own phone number printed once, and the school's services listed under it
  ("Ask us about");
- with a base_url, the offer's web address printed and its QR code shown;
- "last reviewed" and "next review" printed when school.md gives them (the two-counties
  fixture: the seeds give no dates);
- `signpost check` warns once, for the site, when base_url is missing.

The PDFs are kept in $SIGNPOST_ARTIFACTS for a person to look at."""
import base64
import io
import os
import pathlib
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from conftest import ARTIFACTS, REPO, SITE

BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()
SCHOOLS = sorted(p.name for p in (REPO / "Content" / "schools").iterdir() if (p / "school.md").is_file())
BASE_URL = "https://earlyhelp.example.org/"
A4 = (595.28, 841.89)
# The printed page's width less the handout's @page margins (12mm each side), in CSS pixels.
CONTENT_WIDTH = round((210 - 24) / 25.4 * 96)
TEN_POINT_PX = 10 * 96 / 72


def school_phone(school):
    text = (REPO / "Content" / "schools" / school / "school.md").read_text()
    return re.search(r'^phone:\s*"?([^"\n]+)"?', text, re.M).group(1).strip()


@pytest.fixture(scope="module")
def with_base_url(tmp_path_factory):
    """The seed content with a base_url, built with its PDFs."""
    project = tmp_path_factory.mktemp("with-base-url")
    shutil.copytree(REPO / "Content", project / "Content")
    settings = project / "Content" / "site.yml"
    text = re.sub(r"^#?\s*base_url:.*$", f"base_url: {BASE_URL}", settings.read_text(), flags=re.M)
    settings.write_text(text)
    result = subprocess.run([str(BIN), "build", "--content", str(project / "Content"), "--theme", str(REPO / "Themes" / "default"),
                             "--output", str(project / "Site")], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "Site"


@pytest.fixture(scope="module", params=["seed", "with-base-url"])
def site(request):
    return SITE if request.param == "seed" else request.getfixturevalue("with_base_url")


def print_pdf(driver, site, school, label=None):
    driver.get((site / school / "handout" / "index.html").as_uri())
    data = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    label = label or ("base-url" if site != SITE else "seed")
    (ARTIFACTS / f"{school}-{label}-handout-chromium.pdf").write_bytes(data)
    return data


def built_pdf(site, school):
    path = site / school / f"{school}-early-help-handout.pdf"
    assert path.is_file(), f"no {path}: the build made no PDF (is Chromium installed? `make pdf-engine`)"
    return path.read_bytes()


def lines_of(pdf):
    """Each printed line's text, page by page (poppler's pdftotext, which reads the columns)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    pages = []
    for page in out.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        lines = []
        for line in re.findall(r"<line [^>]*>(.*?)</line>", page, re.S):
            words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', line)
            if words:
                lines.append((float(words[0][0]), max(float(w[1]) for w in words), " ".join(w[2] for w in words)))
        pages.append((height, lines))
    return pages


def check_pages(pdf, school):
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 2 and abs(float(page.mediabox.height) - A4[1]) < 2, "not A4"
    assert len(reader.pages) <= 2, f"{school}: the handout prints on {len(reader.pages)} pages; it must fit both sides of one sheet"
    pages = lines_of(pdf)
    if len(pages) == 2:
        top = min(y for _, lines in pages for y, _, _ in lines[:1])
        height, lines = pages[1]
        used = (max(bottom for _, bottom, _ in lines) - top) / (height - 2 * top)
        assert used >= 0.5, f"{school}: page 2 is only {used:.0%} used; the handout should fill both sides or fit on one"


def check_phone_numbers(pdf, school, numbers):
    """Each number the handout shows is printed whole on one line, and the school's own once."""
    lines = [re.sub(r"\s+", " ", line) for _, page in lines_of(pdf) for _, _, line in page]
    for number in numbers:
        assert any(number in line for line in lines), f"{school}: {number!r} is not printed on one line"
    flat = " ".join(lines)
    own = school_phone(school)
    shown = re.sub(r"\D", "", own)
    count = len(re.findall(r"(?<!\d)" + r"\s?".join(shown) + r"(?!\d)", flat))
    assert count == 1, f"{school}: the school's own number {own} is printed {count} times"


def smallest_font(pdf):
    """The smallest size, in points, of any text the PDF prints."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            sizes.append(size * scale)

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return min(sizes)


PRINTED = """
// What a family sees on paper: computed in print emulation at the page's printed width.
const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const texts = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode, el = node.parentElement;
  if (node.textContent.trim() && el && shown(el)) texts.push([el.tagName + '.' + el.className, parseFloat(getComputedStyle(el).fontSize), node.textContent.trim().slice(0, 40)]);
}
const phones = [...document.querySelectorAll('a[href^="tel:"]')].filter(shown)
  .map(a => ({text: a.textContent, href: a.getAttribute('href'), boxes: a.getClientRects().length}));
return {texts, phones, qr: !!document.querySelector('.handout-qr svg'),
        web: [...document.querySelectorAll('.handout-online a')].filter(shown).map(a => a.textContent),
        ask: [...document.querySelectorAll('.handout-ask li')].filter(shown).map(li => li.textContent)};
"""


def printed(driver, site, school):
    driver.get((site / school / "handout" / "index.html").as_uri())
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": CONTENT_WIDTH, "height": 1123, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        return driver.execute_script(PRINTED)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_there_are_seed_schools():
    assert len(SCHOOLS) >= 3


@pytest.mark.parametrize("school", SCHOOLS)
def test_printed_text_is_10pt_or_more_and_no_number_is_split(driver, site, school):
    found = printed(driver, site, school)
    small = [t for t in found["texts"] if t[1] < TEN_POINT_PX - 0.01]
    assert not small, f"{school}: text under 10pt when printed: {small[:5]}"
    split = [p["text"] for p in found["phones"] if p["boxes"] != 1]
    assert not split, f"{school}: phone numbers split over two lines when printed: {split}"
    own = "tel:" + re.sub(r"\D", "", school_phone(school))
    assert [p["href"] for p in found["phones"]].count(own) == 1, f"{school}: the school's number must show once, with its contact"


def service_names(content, school):
    folder = content / "schools" / school / "services"
    return sorted(re.search(r"^name:\s*\"?([^\"\n]+)", p.read_text(), re.M).group(1).strip() for p in folder.glob("*.md"))


@pytest.mark.parametrize("school", SCHOOLS)
def test_the_schools_services_are_listed_under_its_contact(driver, school):
    found = printed(driver, SITE, school)
    names = service_names(REPO / "Content", school)
    assert names, f"{school} has no services"
    missing = [name for name in names if not any(item.startswith(name) for item in found["ask"])]
    assert not missing, f"{school}: services not under \"Ask us about\": {missing}"


@pytest.mark.parametrize("school", SCHOOLS)
def test_chromium_prints_the_handout_on_two_balanced_pages(driver, site, school):
    pdf = print_pdf(driver, site, school)
    check_pages(pdf, school)
    assert smallest_font(pdf) >= 9.99, f"{school}: Chromium prints text at {smallest_font(pdf):.1f}pt"
    check_phone_numbers(pdf, school, [p["text"] for p in printed(driver, site, school)["phones"]])


@pytest.mark.parametrize("school", SCHOOLS)
def test_the_build_makes_the_same_handout(driver, site, school):
    pdf = built_pdf(site, school)
    check_pages(pdf, school)
    assert smallest_font(pdf) >= 9.99, f"{school}: the PDF has text at {smallest_font(pdf):.1f}pt"
    check_phone_numbers(pdf, school, [p["text"] for p in printed(driver, site, school)["phones"]])


@pytest.mark.parametrize("school", SCHOOLS)
def test_the_handout_leads_back_to_the_offer_online(driver, with_base_url, school):
    found = printed(driver, with_base_url, school)
    address = BASE_URL.removeprefix("https://") + school
    assert found["qr"], f"{school}: no QR code on the handout, although the site has a base_url"
    assert address in found["web"], f"{school}: the offer's address is not printed ({found['web']})"
    for pdf in (print_pdf(driver, with_base_url, school), built_pdf(with_base_url, school)):
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
        assert address in text, f"{school}: the printed handout lacks {address}"


def check(project):
    return subprocess.run([str(BIN), "check", "--content", "Content"], cwd=project, capture_output=True, text=True, timeout=120)


def test_check_warns_once_when_base_url_is_missing(with_base_url, tmp_path):
    result = check(REPO)
    warnings = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "base_url" in line]
    assert len(warnings) == 1 and ": warning: " in warnings[0] and warnings[0].startswith("Content/site.yml:"), warnings
    assert "the handout cannot point families back to the site: set base_url in site.yml" in warnings[0]
    given = check(with_base_url.parent)
    assert "base_url" not in given.stdout + given.stderr, given.stdout


FIXTURE = REPO / "Tests" / "Fixtures" / "two-counties" / "Content"


@pytest.fixture(scope="module")
def two_counties(tmp_path_factory):
    """Tests/Fixtures/two-counties (review dates, teams, named contacts), built with its PDFs."""
    site = tmp_path_factory.mktemp("two-counties") / "Site"
    result = subprocess.run([str(BIN), "build", "--content", str(FIXTURE), "--theme", str(REPO / "Themes" / "default"),
                             "--output", str(site)], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pdf_text(pdf):
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize("school, reviewed, next_review", [("willow-primary", "October 2026", "October 2027"),
                                                          ("oak-first", "1 September 2026", "1 September 2027")])
def test_the_handout_says_when_the_offer_was_reviewed(driver, two_counties, school, reviewed, next_review):
    for pdf in (print_pdf(driver, two_counties, school, "two-counties"), built_pdf(two_counties, school)):
        check_pages(pdf, school)
        assert smallest_font(pdf) >= 9.99, f"{school}: text at {smallest_font(pdf):.1f}pt"
        text = pdf_text(pdf)
        assert f"last reviewed {reviewed}" in text and f"next review {next_review}" in text, text[:300]


@pytest.mark.parametrize("school", SCHOOLS)
def test_a_seed_handout_says_last_reviewed_only_when_school_md_gives_a_date(school):
    given = re.search(r"^reviewed:[ \t]*\S", (REPO / "Content" / "schools" / school / "school.md").read_text(), re.M)
    assert ("last reviewed" in pdf_text(built_pdf(SITE, school))) == bool(given)
