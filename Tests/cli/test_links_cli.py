"""`signpost check --links` from the command line, on a copy of the county fixture whose web
addresses all go through a proxy on 127.0.0.1 (http_proxy, which the link checker honours):
nothing reaches the internet. Each answer the proxy gives becomes a warning at the line the
address is written on; results are kept in .signpost/ beside Content/, so a second run within
a day asks nothing; plain `check` and `build` never ask anything."""
import http.server
import json
import re
import shutil
import subprocess
import threading

import pytest

from cli_support import BIN, REPO

HOST = "http://agency.signpost-test.invalid"


class Proxy(http.server.BaseHTTPRequestHandler):
    seen = []

    def log_message(self, *args):
        pass

    def answer(self):
        path = self.path.replace(HOST, "")
        Proxy.seen.append((self.command, path, self.headers.get("User-Agent", "")))
        status, headers = {
            "/ok": (200, {}), "/new-home": (200, {}),
            "/moved": (301, {"Location": HOST + "/new-home"}),
            "/missing": (404, {}), "/gone": (410, {}), "/error": (500, {}),
            "/no-head": (405 if self.command == "HEAD" else 200, {}),
        }.get(path, (404, {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = answer
    do_GET = answer


@pytest.fixture()
def county(tmp_path):
    content = tmp_path / "Content"
    shutil.copytree(REPO / "Tests" / "Fixtures" / "county" / "Content", content)
    for file in content.rglob("*.md"):
        text = re.sub(r"https?://[A-Za-z0-9.-]+(/[^\s)\">]*)?", HOST + "/ok", file.read_text())
        file.write_text(text)
    def change(path, old, new):
        file = content / path
        file.write_text(file.read_text().replace(old, new, 1))
    change("agencies/samaritans.md", HOST + "/ok", HOST + "/missing")
    change("areas/shire/agencies/camhs.md", HOST + "/ok", HOST + "/moved")
    change("agencies/nspcc.md", HOST + "/ok", HOST + "/no-head")
    change("schools/elm-high/school.md", HOST + "/ok", HOST + "/gone")
    return tmp_path


@pytest.fixture()
def proxy():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Proxy.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def run(project, proxy, *args):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project), "http_proxy": proxy, "no_proxy": ""}
    return subprocess.run([str(BIN), *args, "--theme", str(REPO / "Themes" / "default")], cwd=project,
                          capture_output=True, text=True, timeout=120, env=env)


def test_each_answer_is_a_warning_where_the_address_is_written(county, proxy):
    result = run(county, proxy, "check", "--links", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    links = [f for f in report["findings"] if "the web address" in f["message"]]
    by_file = {(f["file"], f["line"]): f for f in links}
    dead = by_file[("Content/agencies/samaritans.md", 11)]
    assert dead["severity"] == "warning"
    assert dead["message"] == f'the web address "{HOST}/missing" does not work: the page was not found (404)'
    gone = by_file[("Content/schools/elm-high/school.md", 6)]
    assert "taken down for good (410)" in gone["message"]
    moved = by_file[("Content/areas/shire/agencies/camhs.md", 23)]
    assert moved["suggestion"] == f'write "{HOST}/new-home"'
    assert len(links) == 3, links  # every /ok and the HEAD-refusing /no-head work
    assert ("GET", "/no-head") in [(m, p) for m, p, _ in Proxy.seen]
    assert all("Signpost" in agent for _, _, agent in Proxy.seen)
    saved = json.loads((county / ".signpost" / "links.json").read_text())
    assert saved["results"][HOST + "/missing"]["status"] == "dead"
    assert saved["results"][HOST + "/moved"]["movedTo"] == HOST + "/new-home"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", saved["results"][HOST + "/ok"]["checked"])


def test_a_second_run_within_a_day_asks_nothing(county, proxy):
    first = run(county, proxy, "check", "--links")
    asked = len(Proxy.seen)
    assert asked > 0
    second = run(county, proxy, "check", "--links")
    assert len(Proxy.seen) == asked
    assert "Checking 0 web addresses" in second.stdout
    warnings = lambda out: sorted(line for line in out.splitlines() if "the web address" in line)
    assert warnings(second.stdout) == warnings(first.stdout) and len(warnings(first.stdout)) == 3


def test_plain_check_and_build_never_ask(county, proxy):
    assert run(county, proxy, "check").returncode == 0
    assert run(county, proxy, "build", "--no-pdf", "--output", "Site").returncode == 0
    assert Proxy.seen == []
    assert not (county / ".signpost" / "links.json").exists()
    assert not list((county / "Site").rglob("links.json"))
