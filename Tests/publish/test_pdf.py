"""The PDFs a build makes, read from the built seed site (SIGNPOST_SITE, default Site/): these
test the theme's and the content's output through the real engine (Chromium, installed by
`make site`), not the stage's logic (the Swift tests do that with a fake engine).

Every seed school has its handout PDF, on at most 2 A4 pages, and its whole offer; the
handout's text holds every phone, email and web address its handout page shows, and the whole
offer's every one that any of the school's web pages shows, each also a working link; both are
tagged (PDF/UA-1), with the page's language and title, and fonts embedded; two builds give the
same bytes; the PDFs' dates come from the offer's review date and nowhere else."""
import html.parser
import io
import os
import pathlib
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

REPO = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("SIGNPOST_SITE", REPO / "Site")).resolve()
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()
SCHOOLS = sorted(p.name for p in (REPO / "Content" / "schools").iterdir() if (p / "school.md").is_file())
A4 = (595.28, 841.89)


def handout_pdf(site, school):
    return site / school / f"{school}-early-help-handout.pdf"


def offer_pdf(site, school):
    return site / school / f"{school}-early-help-offer.pdf"


PDFS = [handout_pdf, offer_pdf]


class HandoutPage(html.parser.HTMLParser):
    """The handout page's language, title, contact links (with the text they show) and review date."""

    def __init__(self, text):
        super().__init__()
        self.lang = self.title = self.reviewed = None
        self.links = []  # (href, shown text)
        self._in_title = False
        self._link = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title, self.title = True, ""
        elif tag == "a" and re.match(r"(tel|mailto|https?):", attrs.get("href") or ""):
            self._link = [attrs["href"], ""]
        elif tag == "time" and attrs.get("datetime"):
            self.reviewed = attrs["datetime"]

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "a" and self._link:
            self.links.append((self._link[0], self._link[1].strip()))
            self._link = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._link:
            self._link[1] += data


def page(site, school):
    return HandoutPage((site / school / "handout" / "index.html").read_text(encoding="utf-8"))


def reader(path):
    return PdfReader(io.BytesIO(path.read_bytes()))


def squeezed(text):
    """Text without any white space: the engine breaks long addresses across lines."""
    return re.sub(r"\s+", "", text)


def same_address(uri):
    """A web address as a browser writes it: `https://example.org` and `https://example.org/` are
    one address (an empty path is "/"), and Chromium prints the second."""
    return re.sub(r"^(https?://[^/?#]+)(?=$|[?#])", r"\1/", uri)


def uris(pdf):
    found = []
    for p in pdf.pages:
        for annotation in p.get("/Annots", []) or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                found.append(same_address(str(action["/URI"])))
    return found


def test_there_are_seed_schools():
    assert len(SCHOOLS) >= 3


@pytest.mark.parametrize("school", SCHOOLS)
def test_each_school_has_its_handout_on_at_most_two_a4_pages(school):
    path = handout_pdf(SITE, school)
    assert path.is_file(), f"no {path.relative_to(SITE)}: was the site built with PDFs (`make site`)?"
    pdf = reader(path)
    assert 1 <= len(pdf.pages) <= 2, f"{school}: the handout has {len(pdf.pages)} pages"
    for p in pdf.pages:
        assert abs(float(p.mediabox.width) - A4[0]) < 1 and abs(float(p.mediabox.height) - A4[1]) < 1


@pytest.mark.parametrize("school", SCHOOLS)
def test_handout_text_has_every_contact_the_page_shows(school):
    shown = page(SITE, school)
    text = "".join(p.extract_text() for p in reader(handout_pdf(SITE, school)).pages)
    flat = squeezed(text)
    phones = [(href, label) for href, label in shown.links if href.startswith("tel:")]
    others = [(href, label) for href, label in shown.links if not href.startswith("tel:")]
    assert phones and others, f"{school}: the handout page shows no contacts to look for"
    missing = []
    for href, label in phones:
        # The number as shown, and the same digits as the link dials.
        assert re.sub(r"\D", "", label) == re.sub(r"\D", "", href), (href, label)
        if squeezed(label) not in flat:
            missing.append(label)
    for href, label in others:
        if squeezed(label) not in flat:
            missing.append(label)
    assert not missing, f"{school}: the PDF's text lacks {missing}"


@pytest.mark.parametrize("school", SCHOOLS)
def test_handout_links_work_and_none_points_at_this_disk(school):
    shown = page(SITE, school)
    found = uris(reader(handout_pdf(SITE, school)))
    linked = set(same_address(href) for href, _ in shown.links)
    assert linked <= set(found), linked - set(found)
    assert all(re.match(r"(tel|mailto|https?):", uri) for uri in found), found
    assert not [uri for uri in found if "signpost.invalid" in uri], found


@pytest.mark.parametrize("school", SCHOOLS)
@pytest.mark.parametrize("document", ["handout", "whole-offer"])
def test_pdf_is_tagged_with_language_title_and_embedded_fonts(school, document):
    shown = HandoutPage((SITE / school / document / "index.html").read_text(encoding="utf-8"))
    pdf = reader((handout_pdf if document == "handout" else offer_pdf)(SITE, school))
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, "not a tagged PDF"
    assert str(root["/Lang"]) == shown.lang == "en-GB"
    assert pdf.metadata.title == shown.title.strip()
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(=\"|>)1", xmp), "not marked as PDF/UA-1"
    fonts = {}
    for p in pdf.pages:
        for font in p["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), f"fonts not embedded: {fonts}"
    assert all("Liberation" in name or "DejaVu" in name for name in fonts), f"fonts Signpost did not install: {list(fonts)}"


def build(content_root, output):
    result = subprocess.run([str(BIN), "build", "--output", str(output)], cwd=content_root,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_two_builds_give_the_same_pdfs_and_the_second_keeps_them(tmp_path):
    output = tmp_path / "Site"
    first = build(REPO, output)
    assert f"Made {2 * len(SCHOOLS)} PDFs" in first.stdout, first.stdout
    for school in SCHOOLS:
        for pdf in PDFS:
            assert pdf(output, school).read_bytes() == pdf(SITE, school).read_bytes(), school
    again = build(REPO, output)
    assert f"Made 0 PDFs, kept {2 * len(SCHOOLS)} unchanged" in again.stdout, again.stdout
    for school in SCHOOLS:
        for pdf in PDFS:
            assert pdf(output, school).read_bytes() == pdf(SITE, school).read_bytes(), school


def test_no_pdf_writes_none(tmp_path):
    result = subprocess.run([str(BIN), "build", "--no-pdf", "--output", str(tmp_path / "Site")], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert not list((tmp_path / "Site").rglob("*.pdf"))
    # Nothing hidden but the marker that lets the next build replace the folder: build state
    # (what each PDF was made from) lives in .signpost/ beside Content/.
    assert sorted(p.name for p in (tmp_path / "Site").rglob(".*")) == [".signpost-site"]


def test_dates_come_from_the_review_date_only(tmp_path):
    """The seeds give no review date, so their PDFs carry none; given one, it is the PDF's date."""
    for school in SCHOOLS:
        for pdf in PDFS:
            info = reader(pdf(SITE, school)).metadata
            reviewed = page(SITE, school).reviewed
            if reviewed is None:
                assert "/CreationDate" not in info and "/ModDate" not in info, info
            else:
                stamp = "D:" + reviewed.replace("-", "")
                assert str(info["/CreationDate"]).startswith(stamp) and str(info["/ModDate"]).startswith(stamp), info
    project = tmp_path / "project"
    shutil.copytree(REPO / "Content", project / "Content")
    shutil.copytree(REPO / "Themes", project / "Themes")
    school = SCHOOLS[0]
    for other in SCHOOLS[1:]:
        shutil.rmtree(project / "Content" / "schools" / other)
    settings = project / "Content" / "schools" / school / "school.md"
    text = settings.read_text()
    text = re.sub(r"^reviewed:.*\n", "", text, flags=re.M)
    settings.write_text(text.replace("\n---\n", "\nreviewed: 2025-09-01\n---\n", 1))
    build(project, project / "Site")
    for pdf in PDFS:
        info = reader(pdf(project / "Site", school)).metadata
        assert str(info["/CreationDate"]).startswith("D:20250901") and str(info["/ModDate"]).startswith("D:20250901"), info


def school_pages(site, school):
    """Every web page of the school but its pages to print (what a family reads online)."""
    folder = site / school
    return [p for p in sorted(folder.rglob("index.html"))
            if p.relative_to(folder).parts[0] not in ("handout", "whole-offer")]


@pytest.mark.parametrize("school", SCHOOLS)
def test_each_school_has_its_whole_offer_on_a4(school):
    path = offer_pdf(SITE, school)
    assert path.is_file(), f"no {path.relative_to(SITE)}: was the site built with PDFs (`make site`)?"
    pdf = reader(path)
    assert len(pdf.pages) > 2, f"{school}: the whole offer has only {len(pdf.pages)} pages"
    for p in pdf.pages:
        assert abs(float(p.mediabox.width) - A4[0]) < 1 and abs(float(p.mediabox.height) - A4[1]) < 1


@pytest.mark.parametrize("school", SCHOOLS)
def test_whole_offer_has_every_contact_any_of_the_schools_pages_shows(school):
    pdf = reader(offer_pdf(SITE, school))
    flat = squeezed("".join(p.extract_text() for p in pdf.pages))
    found = set(uris(pdf))
    pages = school_pages(SITE, school)
    assert len(pages) > 5, f"{school}: too few pages to look at"
    missing, unlinked, looked = set(), set(), 0
    for path in pages:
        for href, label in HandoutPage(path.read_text(encoding="utf-8")).links:
            if label == "Exit this page":
                continue  # the quick way off a sensitive page, not a contact: not printed
            looked += 1
            if same_address(href) not in found:
                unlinked.add(href)
            # Phones and emails as written; web addresses where the page shows the address.
            if href.startswith(("tel:", "mailto:")) or re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/\S*)?", label):
                if squeezed(label) not in flat:
                    missing.add(label)
    assert looked, f"{school}: its pages show no contacts to look for"
    assert not missing, f"{school}: the whole offer's text lacks {sorted(missing)}"
    assert not unlinked, f"{school}: the whole offer does not link {sorted(unlinked)}"
    assert all(re.match(r"(tel|sms|mailto|https?):", uri) for uri in found), sorted(found)
