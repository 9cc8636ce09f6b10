"""The signpost command as an office user meets it: exit codes, the message format,
`new`, `check --format json`, `explain`, and what `build --output` may replace.
`serve` has its own file, test_serve.py."""
import json
import shutil

import pytest

from cli_support import run


def test_build_prints_summary_and_exits_0(project):
    result = run("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("Built 3 schools, ")
    assert (project / "Site" / "index.html").is_file()


def test_usage_error_exits_2(project):
    assert run("build", "--no-such-option", cwd=project).returncode == 2
    assert run("new", "spaceship", "x", cwd=project).returncode == 2


def test_new_school_then_check_names_what_to_fill_in(project):
    result = run("new", "school", "St Example Primary", "--area", "worcestershire", cwd=project)
    assert result.returncode == 0, result.stderr
    school = project / "Content/schools/st-example-primary/school.md"
    assert school.is_file()
    # A new school is a draft: what it lacks is listed as warnings and blocks nobody.
    check = run("check", cwd=project)
    assert check.returncode == 0, check.stdout
    # The seed has no base_url: `check` says so once, for the site (issue 11).
    lines = [l for l in check.stdout.splitlines() if l.startswith("Content/") and not l.startswith("Content/site.yml:2:1: warning: the handout")]
    assert lines and all(l.startswith("Content/schools/st-example-primary/") and ": warning: " in l for l in lines), check.stdout
    # The empty name is reported on the line of the DSL's `- name: ""` in the new file.
    name_line = next(n for n, l in enumerate(school.read_text().splitlines(), 1) if l.startswith('  - name: ""'))
    assert any(f":{name_line}:" in l and "`name` is empty" in l for l in lines), check.stdout
    assert check.stdout.splitlines()[-1].endswith("in 4 schools")
    # Without `draft: true` (a line above it), the same gaps are errors.
    school.write_text(school.read_text().replace("draft: true\n", ""))
    check = run("check", cwd=project)
    assert check.returncode == 1
    assert any(f":{name_line - 1}:" in l and ": error: `name` is empty" in l for l in check.stdout.splitlines()), check.stdout


def test_check_json_matches_text(project):
    school = project / "Content/schools/westlands-first/school.md"
    school.write_text(school.read_text().replace("\nphone: ", "\nphnoe: ", 1))
    text = run("check", cwd=project)
    data = json.loads(run("check", "--format", "json", cwd=project).stdout)
    assert text.returncode == 1
    assert data["errors"] == 1 and data["findings"][0]["file"] == "Content/schools/westlands-first/school.md"
    finding = data["findings"][0]
    assert finding["suggestion"] == 'did you mean "phone"?'
    assert f'{finding["file"]}:{finding["line"]}:{finding["column"]}: error: unknown setting `phnoe`' in text.stdout


def test_failed_build_keeps_previous_site(project):
    assert run("build", cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "Site").rglob("*") if p.is_file()}
    (project / "Content/agencies/samaritans.md").write_text("---\nname: [broken\n---\n")
    result = run("build", cwd=project)
    assert result.returncode == 1
    assert "Content/agencies/samaritans.md:2:" in result.stderr
    after = {p: p.read_bytes() for p in (project / "Site").rglob("*") if p.is_file()}
    assert before == after


def test_build_refuses_to_overwrite_content(project):
    result = run("build", "--output", "Content", cwd=project)
    assert result.returncode == 1
    assert "refusing" in result.stderr
    assert (project / "Content/site.yml").is_file()


@pytest.mark.parametrize("folder", ["Sources", ".git", "Documents"])
def test_build_never_replaces_a_folder_it_did_not_make(project, folder):
    (project / folder / "sub").mkdir(parents=True)
    (project / folder / "sub" / "work.txt").write_text("someone's work")
    result = run("build", "--output", folder, cwd=project)
    assert result.returncode == 1
    assert f"refusing to replace {folder}" in result.stderr
    assert "choose an empty or new folder" in result.stderr
    assert (project / folder / "sub" / "work.txt").read_text() == "someone's work"
    assert sorted(p.name for p in (project / folder).iterdir()) == ["sub"]


def test_build_replaces_its_own_site_and_marks_it(project):
    assert run("build", "--output", "Out", cwd=project).returncode == 0
    marker = project / "Out" / ".signpost-site"
    assert marker.is_file()
    (project / "Out" / "stale.html").write_text("from an older build")
    assert run("build", "--output", "Out", cwd=project).returncode == 0
    assert not (project / "Out" / "stale.html").exists()
    assert marker.is_file()


def test_a_school_folder_named_like_a_site_wide_page_is_an_error(project):
    assert run("build", cwd=project).returncode == 0
    accessibility = (project / "Site/accessibility/index.html").read_bytes()
    # A copy: the school under the site-wide name is left out (never published), the others built as they were.
    shutil.copytree(project / "Content/schools/westlands-first", project / "Content/schools/accessibility")
    for command in ("check", "build"):
        result = run(command, cwd=project)
        assert result.returncode == 1
        output = result.stdout + result.stderr
        assert 'Content/schools/accessibility/school.md:1:1: error: the school folder is named "accessibility"' in output, output
        assert "rename the folder Content/schools/accessibility" in output
    assert (project / "Site/accessibility/index.html").read_bytes() == accessibility


def test_explain_names_the_file_of_each_field(project):
    result = run("explain", "droitwich-spa-high", "mentor-link", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Content/schools/droitwich-spa-high/agencies/mentor-link.md" in result.stdout
    assert "£200" in result.stdout
    assert run("explain", "droitwich-spa-high", "no-such-agency", cwd=project).returncode == 1


@pytest.mark.parametrize("args, created", [
    (["new", "agency", "Kidz Klub"], "Content/agencies/kidz-klub.md"),
    (["new", "agency", "Droitwich Food Bank", "--area", "worcestershire"], "Content/areas/worcestershire/agencies/droitwich-food-bank.md"),
    (["new", "service", "Homework Club", "--school", "westlands-first"], "Content/schools/westlands-first/services/homework-club.md"),
])
def test_new_agency_and_service_start_valid_files(project, args, created):
    result = run(*args, cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / created).is_file()
    check = run("check", cwd=project)
    findings = [l for l in check.stdout.splitlines() if l.startswith("Content/") and not l.startswith("Content/site.yml:2:1: warning: the handout")]
    # Only the blanks the office must fill in are reported, all in the new file (and, as the
    # seed has no base_url, the site's one warning about it).
    assert findings and all(l.startswith(created) for l in findings), check.stdout
    assert run(*args, cwd=project).returncode == 1, "creating it twice must not overwrite it"
