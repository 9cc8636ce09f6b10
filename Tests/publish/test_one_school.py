"""`signpost build --school <id> [--output DIR] [--zip]`: one school's site on its own, as a
school that hosts only its own offer uploads it. Built from the seed content with the real
binary (SIGNPOST_BIN) and, when installed, the real PDF engine."""
import html.parser
import os
import pathlib
import re
import subprocess
import zipfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()
SCHOOLS = sorted(p.name for p in (REPO / "Content" / "schools").iterdir() if (p / "school.md").is_file())


def run(*args, cwd=REPO):
    return subprocess.run([str(BIN), "build", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


class Links(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.links = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    school = SCHOOLS[0]
    root = tmp_path_factory.mktemp("one")
    result = run("--school", school, "--output", str(root / "web"), "--zip")
    assert result.returncode == 0, result.stdout + result.stderr
    return school, root, result


def test_only_that_school_with_its_offer_at_the_root(built):
    school, root, _ = built
    site = root / "web"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1>[^<]*Early Help Offer</h1>", index), index[:500]
    assert "All schools" not in index
    everything = files(site)
    assert "handout/index.html" in everything and "accessibility/index.html" in everything
    for other in SCHOOLS:
        assert not [f for f in everything if f.startswith(other + "/")], f"a folder of {other}"
    others = [s for s in SCHOOLS if s != school]
    for path in everything:
        if path.endswith(".html"):
            text = (site / path).read_text(encoding="utf-8")
            assert "All schools" not in text, path
            assert not [o for o in others if f"/{o}/" in text or f'"{o}/' in text], f"{path} names another school's pages"


def test_every_link_is_relative_and_leads_to_a_file_of_the_site(built):
    _, root, _ = built
    site = root / "web"
    broken = []
    for page in site.rglob("*.html"):
        for link in Links(page.read_text(encoding="utf-8")).links:
            if re.match(r"^[a-z]+:", link) or link.startswith("#"):
                continue  # web addresses, phones, emails; places on the page
            if page.name == "404.html" and link == "/":
                continue  # a host shows the 404 page at any address: its way home starts at the host's root
            assert not link.startswith("/"), f"{page.relative_to(site)}: {link} is not relative"
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} → {link}")
    assert not broken, broken[:10]


def test_the_zip_holds_the_folder_and_is_named_for_the_school(built):
    school, root, result = built
    zip_path = root / f"{school}-early-help-offer.zip"
    assert zip_path.is_file(), list(root.iterdir())
    assert f"Wrote {zip_path.name}" in result.stdout, result.stdout
    site = root / "web"
    with zipfile.ZipFile(zip_path) as z:
        assert z.testzip() is None
        names = sorted(z.namelist())
        assert names == [f for f in files(site) if not any(part.startswith(".") for part in pathlib.Path(f).parts)]
        assert "index.html" in names
        for name in names:
            assert z.read(name) == (site / name).read_bytes(), name


def test_pdfs_are_at_the_top_and_the_offer_links_them_with_their_sizes(built):
    school, root, result = built
    site = root / "web"
    # `make test` installs the PDF engine: a build without it fails here rather than skipping.
    assert "PDFs not made" not in result.stderr, result.stderr
    index = (site / "index.html").read_text(encoding="utf-8")
    for suffix in ("handout", "offer"):
        pdf = site / f"{school}-early-help-{suffix}.pdf"
        assert pdf.is_file()
        kb = max(1, round(pdf.stat().st_size / 1024))
        assert re.search(rf'href="{pdf.name}">[^<]*<span class="download-meta">\(PDF, {kb} KB', index), suffix


def test_the_default_folder_is_named_for_the_school(tmp_path):
    content = tmp_path / "project"
    content.mkdir()
    result = run("--school", SCHOOLS[-1], "--no-pdf", "--content", str(REPO / "Content"),
                 "--theme", str(REPO / "Themes" / "default"), cwd=content)
    assert result.returncode == 0, result.stderr
    assert (content / f"{SCHOOLS[-1]}-early-help-offer" / "index.html").is_file()
    assert not (content / "Site").exists() and not list(content.glob("*.zip"))


def test_an_unknown_school_is_an_error_naming_the_schools(tmp_path):
    result = run("--school", "no-such-school", "--no-pdf", "--output", str(tmp_path / "web"))
    assert result.returncode == 1
    assert 'there is no school called "no-such-school" to build on its own' in result.stderr, result.stderr
    assert ", ".join(SCHOOLS) in result.stderr
    assert not (tmp_path / "web").exists()


@pytest.mark.parametrize("args, words", [(["--zip"], "say which"), (["--school", "../up"], "is not a school's folder name")])
def test_usage_errors(tmp_path, args, words):
    result = run(*args, "--output", str(tmp_path / "web"))
    assert result.returncode == 2 and words in result.stderr, result.stderr
