"""Shared set-up for the browser checks: the built site (SIGNPOST_SITE, default Site/),
served on 127.0.0.1 by a small thread, and one headless Chromium for the whole run."""
import functools
import http.server
import os
import pathlib
import threading

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("SIGNPOST_SITE", REPO / "Site")).resolve()
ARTIFACTS = pathlib.Path(os.environ.get("SIGNPOST_ARTIFACTS", "/tmp/signpost-artifacts"))


def site_pages():
    if not (SITE / "index.html").is_file():
        raise RuntimeError(f"no built site at {SITE}: run `make site` or set SIGNPOST_SITE")
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html"))


PAGES = site_pages()


def pytest_report_header(config):
    return f"site: {SITE} ({len(PAGES)} pages)"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url():
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def make_driver(javascript=True, logging=False):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=en-GB"):
        options.add_argument(argument)
    if logging:
        # The console, where Chromium reports what the Content-Security-Policy blocked.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # The Debian driver: Selenium Manager would otherwise try to download one.
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    browser.set_script_timeout(60)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def driver_without_js():
    browser = make_driver(javascript=False)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
