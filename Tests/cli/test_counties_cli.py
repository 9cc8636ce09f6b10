"""The commands for a second county, drafts and the field table, on the synthetic two-county
fixture (Tests/Fixtures/two-counties): `new area`, `new school` in it, `new`'s refusal of
names that are not ids, `build` leaving drafts out, `explain --format json`."""
import json
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()
FIXTURE = REPO / "Tests" / "Fixtures" / "two-counties" / "Content"
THEME = REPO / "Tests" / "Fixtures" / "two-areas" / "theme"


def run(*args, cwd):
    return subprocess.run([str(BIN), *args, *(["--theme", str(THEME)] if args[0] in ("build", "check") else [])],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "Content")
    return tmp_path


def files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_build_leaves_the_draft_out_in_one_line(project):
    result = run("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Left out 1 draft school: Hazel Primary School (remove `draft: true` from its school.md to publish it)" in result.stdout.splitlines()
    assert "hazel-primary" not in result.stderr
    assert not (project / "Site" / "hazel-primary").exists()
    assert (project / "Site" / "willow-primary" / "index.html").is_file()


def test_check_shows_the_drafts_gaps_as_warnings(project):
    result = run("check", cwd=project)
    assert result.returncode == 0, result.stdout
    hazel = [l for l in result.stdout.splitlines() if l.startswith("Content/schools/hazel-primary/")]
    assert hazel and all(": warning: " in l for l in hazel), result.stdout
    school = project / "Content/schools/hazel-primary/school.md"
    school.write_text(school.read_text().replace("draft: true\n", ""))
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert 'Content/schools/hazel-primary/school.md:8:30: error: unknown agency "samaritan"' in result.stdout


def test_new_area_then_a_school_in_it(project):
    result = run("new", "area", "Gloucestershire", cwd=project)
    assert result.returncode == 0, result.stderr
    area = project / "Content/areas/gloucestershire/area.md"
    assert "national: early-help" in area.read_text()
    result = run("new", "school", "St Example Primary", "--area", "gloucestershire", cwd=project)
    assert result.returncode == 0, result.stderr
    school = (project / "Content/schools/st-example-primary/school.md").read_text()
    assert "draft: true" in school and "area: gloucestershire" in school
    check = run("check", cwd=project)
    errors = [l for l in check.stdout.splitlines() if ": error: " in l]
    # Only the new area's blanks are errors; the new school is a draft.
    assert errors and all(l.startswith("Content/areas/gloucestershire/area.md:") for l in errors), check.stdout


def test_new_school_lists_the_areas(project):
    for args in (["new", "school", "X"], ["new", "school", "X", "--area", "gloucestershire"]):
        result = run(*args, cwd=project)
        assert result.returncode == 1
        assert "areas are: severnshire, worcestershire" in result.stderr, result.stderr


@pytest.mark.parametrize("args", [
    ["new", "agency", "Escape", "--area", "../../.."],
    ["new", "school", "Escape", "--area", "../.."],
    ["new", "service", "Escape", "--school", "../../.."],
    ["new", "agency", "../../..", "--area", "severnshire"],
])
def test_new_writes_nothing_for_a_name_that_is_not_an_id(project, args):
    before = files(project.parent)
    result = run(*args, cwd=project)
    assert result.returncode == 1, result.stdout
    assert files(project.parent) == before


def test_explain_json(project):
    result = run("explain", "willow-primary", "early-help-teams", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    teams = data["fields"]["teams"]
    assert teams["file"] == "Content/areas/severnshire/agencies/early-help-teams.md"
    assert [t["label"] for t in teams["value"]] == ["Ashdown", "Brookfield", "Castleford", "Dunmere", "Elmbridge", "Fernley"]
    assert teams["value"][0]["phones"][0]["display"] == "0117 496 0101"


def test_explain_lists_the_settings(project):
    text = run("explain", cwd=project)
    assert text.returncode == 0 and "- **`teams`** (a list of teams)" in text.stdout
    data = json.loads(run("explain", "--format", "json", cwd=project).stdout)
    assert "access" in [f["key"] for f in data["fields"]]
    assert {"id": "school-nurse", "words": "The school nurse can refer you", "who": "the school nurse"} in data["referral_kinds"]
    assert run("explain", "willow-primary", cwd=project).returncode == 2
