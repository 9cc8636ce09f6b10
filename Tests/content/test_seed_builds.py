"""Content checks: the seed content in Content/ builds to the same bytes however it is
built, and its sensitive pages carry "Exit this page". These read the live Content/ folder,
so an edit there can make them fail; the code's own tests use Tests/Fixtures instead."""
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()


def build(output, *flags):
    result = subprocess.run([str(BIN), "build", "--content", "Content", "--theme", "Themes/default",
                             "--output", str(output), *flags], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed") / "Site"
    return folder, build(folder)


def differing(a, b):
    return sorted(path for path in set(a) | set(b) if a.get(path) != b.get(path))


def test_sharing_on_and_off_write_the_same_bytes(seed_site, tmp_path):
    _, shared = seed_site
    alone = build(tmp_path / "Site", "--no-sharing")
    assert len(shared) > 200
    assert not differing(shared, alone), f"pages differ with sharing on and off: {differing(shared, alone)[:5]}"


def test_serial_and_parallel_builds_write_the_same_bytes(seed_site, tmp_path):
    _, parallel = seed_site
    serial = build(tmp_path / "Site", "--serial")
    assert not differing(parallel, serial), f"pages differ between serial and parallel builds: {differing(parallel, serial)[:5]}"


SENSITIVE = ["westlands-first/topics/domestic-abuse/index.html", "droitwich-spa-high/topics/sexual-violence/index.html",
             "stoke-prior-first/topics/fgm-honour-based-abuse/index.html", "droitwich-spa-high/topics/exploitation/index.html",
             "westlands-first/agencies/west-mercia-womens-aid/index.html",
             # The offer page, its levels and its A to Z list domestic-abuse and sexual-violence help.
             "westlands-first/index.html", "droitwich-spa-high/levels/specialist/index.html", "stoke-prior-first/a-z/index.html"]
ORDINARY = ["westlands-first/topics/bullying/index.html", "westlands-first/about.html", "index.html"]


@pytest.mark.parametrize("page", SENSITIVE)
def test_sensitive_seed_pages_offer_exit_this_page(seed_site, page):
    html = seed_site[1][page].decode()
    assert "Exit this page" in html and "exit-page.js" in html


@pytest.mark.parametrize("page", ORDINARY)
def test_other_seed_pages_do_not(seed_site, page):
    assert "exit-page.js" not in seed_site[1][page].decode()
