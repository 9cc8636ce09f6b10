"""The signpost command as an office user meets it: exit codes, the message format,
`new`, `check --format json`, `explain`, and `serve` (127.0.0.1 only, path safety,
many requests at once, rebuild on save, errors shown, Ctrl-C)."""
import concurrent.futures
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()


def run(*args, cwd):
    return subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(REPO / "Content", tmp_path / "Content")
    shutil.copytree(REPO / "Themes", tmp_path / "Themes")
    return tmp_path


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
    lines = [l for l in check.stdout.splitlines() if l.startswith("Content/")]
    assert lines and all(l.startswith("Content/schools/st-example-primary/") and ": warning: " in l for l in lines), check.stdout
    assert any(":23:" in l and "`name` is empty" in l for l in lines), check.stdout
    assert check.stdout.splitlines()[-1].endswith("in 4 schools")
    # Without `draft: true`, the same gaps are errors.
    school.write_text(school.read_text().replace("draft: true\n", ""))
    check = run("check", cwd=project)
    assert check.returncode == 1
    assert any(":22:" in l and ": error: `name` is empty" in l for l in check.stdout.splitlines()), check.stdout


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


def test_explain_names_the_file_of_each_field(project):
    result = run("explain", "droitwich-spa-high", "mentor-link", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Content/schools/droitwich-spa-high/agencies/mentor-link.md" in result.stdout
    assert "£200" in result.stdout
    assert run("explain", "droitwich-spa-high", "no-such-agency", cwd=project).returncode == 1


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def raw_get(port, path):
    """Sends the path exactly as given (urllib would normalise `..`)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1]), data


@pytest.fixture()
def server(project):
    port = free_port()
    process = subprocess.Popen([str(BIN), "serve", "--port", str(port)], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if get(f"http://127.0.0.1:{port}/__signpost/status")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("serve did not start")
    yield project, port, process
    if process.poll() is None:
        process.kill()


def wait_for(condition, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_serve_listens_on_loopback_only_and_injects_reload_script(server):
    project, port, _ = server
    status, page = get(f"http://127.0.0.1:{port}/westlands-first/")
    assert status == 200 and "__signpost/status" in page
    out = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout if shutil.which("ss") else ""
    listening = [l for l in out.splitlines() if f":{port} " in l]
    assert all("127.0.0.1:" in l for l in listening), listening
    # The reload script is for the preview only: never in Site/.
    assert run("build", cwd=project).returncode == 0
    assert "__signpost" not in (project / "Site/westlands-first/index.html").read_text()


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc/passwd",
                                  "/westlands-first/%00index.html", "/..\\..\\etc\\passwd"])
def test_serve_never_reads_outside_the_site(server, path):
    _, port, _ = server
    status, body = raw_get(port, path)
    assert status in (400, 404)
    assert b"root:" not in body


def test_serve_does_not_follow_symlinks_out_of_the_site(server, tmp_path):
    _, port, process = server
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    # Plant links inside the folder being served: one to a file outside, one to a folder outside.
    served = pathlib.Path(f"/tmp/signpost-serve-{process.pid}/site")
    assert served.is_dir()
    (served / "leak.txt").symlink_to(secret)
    (served / "outside").symlink_to(tmp_path, target_is_directory=True)
    for path in ("/leak.txt", "/outside/secret.txt"):
        status, body = raw_get(port, path)
        assert status == 404 and b"top secret" not in body, path


def test_serve_handles_many_requests_at_once(server):
    _, port, process = server
    urls = [f"http://127.0.0.1:{port}/westlands-first/"] * 200
    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(lambda u: get(u)[0], urls))
    assert statuses.count(200) == len(urls)
    assert process.poll() is None


def test_serve_rebuilds_on_save_and_shows_errors(server):
    project, port, _ = server
    status_url = f"http://127.0.0.1:{port}/__signpost/status"
    version = json.loads(get(status_url)[1])["version"]
    agency = project / "Content/agencies/samaritans.md"
    original = agency.read_text()
    agency.write_text(original.replace("Samaritans", "Samaritans Helpline", 1))
    assert wait_for(lambda: json.loads(get(status_url)[1])["version"] > version)
    assert "Samaritans Helpline" in get(f"http://127.0.0.1:{port}/westlands-first/agencies/samaritans/")[1]
    # A broken save: the error reaches the browser, the last good page stays.
    agency.write_text("---\nname: [broken\n---\n")
    assert wait_for(lambda: json.loads(get(status_url)[1])["errors"])
    errors = json.loads(get(status_url)[1])["errors"]
    assert any("Content/agencies/samaritans.md:2:" in e for e in errors)
    assert "Samaritans Helpline" in get(f"http://127.0.0.1:{port}/westlands-first/agencies/samaritans/")[1]


def test_serve_stops_cleanly_on_ctrl_c(server):
    _, _, process = server
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    assert "Stopped." in process.stdout.read()


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
    findings = [l for l in check.stdout.splitlines() if l.startswith("Content/")]
    # Only the blanks the office must fill in are reported, all in the new file.
    assert findings and all(l.startswith(created) for l in findings), check.stdout
    assert run(*args, cwd=project).returncode == 1, "creating it twice must not overwrite it"
