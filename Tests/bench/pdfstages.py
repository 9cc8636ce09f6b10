#!/usr/bin/env python3
"""Where a PDF's time goes in Chromium: each page of a built site loaded and printed as
Signpost's PDFWorker does it (one long-lived browser, `--remote-debugging-pipe`, every request
answered from the site's folder), with the wall time and the CPU time of each kind of the
browser's processes (browser, renderer, GPU, ...) for the load and for `Page.printToPDF`.
CPU time is the measure to compare on a shared machine; wall time only on a quiet one.

Usage: pdfstages.py [--as-before] SITE PAGE [PAGE...]
  PAGE: a page's path inside SITE, e.g. school-0000/whole-offer/index.html.
  --as-before: a tab in the foreground, styled for the screen (Signpost before issue 26's
  round 4), to compare with what Signpost does now (a background tab, styled for print).
Chromium from CHROMIUM (default Debian's /usr/lib/chromium/chromium)."""
import base64
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

FONTS = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"]
ORIGIN = "https://signpost.invalid/"
# As PDFEngine.flags.
FLAGS = ["--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-breakpad", "--no-pings",
         "--mute-audio", "--hide-scrollbars", "--disable-dev-shm-usage", "--blink-settings=scriptEnabled=false",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         "--font-render-hinting=none", "--lang=en-GB", "--renderer-process-limit=1",
         "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,"
         "CertificateTransparencyComponentUpdater"]
# As PDFWorker.render.
PRINT = {"printBackground": True, "preferCSSPageSize": True, "paperWidth": 8.27, "paperHeight": 11.69,
         "generateTaggedPDF": True, "generateDocumentOutline": True}
TYPES = {"html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "png": "image/png", "jpg": "image/jpeg"}


def cpu(group):
    """CPU seconds (user + system) so far of each kind of process in the browser's process group."""
    kinds = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            if int(fields[2]) != group:
                continue
            with open(f"/proc/{pid}/cmdline") as cmdline:
                words = cmdline.read().replace("\0", " ").split()
        except (OSError, ValueError, IndexError):
            continue
        kind = next((w.split("=", 1)[1] for w in words if w.startswith("--type=")), "browser")
        kinds[kind] = kinds.get(kind, 0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return kinds


class Browser:
    def __init__(self, work):
        conf = pathlib.Path(work) / "fonts.conf"
        conf.write_text('<?xml version="1.0"?><fontconfig>' + "".join(f"<dir>{d}</dir>" for d in FONTS)
                        + f"<cachedir>{work}/cache</cachedir><selectfont><rejectfont><glob>*/DejaVuMathTeXGyre*</glob>"
                        "</rejectfont></selectfont></fontconfig>")
        commands, self.to_browser = os.pipe()
        self.from_browser, answers = os.pipe()

        def fds():
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self.process = subprocess.Popen(
            [os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium"), *FLAGS, f"--user-data-dir={work}/profile", "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            env={"HOME": work, "PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(conf), "LANG": "C.UTF-8"})
        os.close(commands)
        os.close(answers)
        self.buffer, self.number, self.events = b"", 0, []

    def read(self):
        while b"\0" not in self.buffer:
            self.buffer += os.read(self.from_browser, 1 << 20)
        end = self.buffer.index(b"\0")
        message, self.buffer = json.loads(self.buffer[:end]), self.buffer[end + 1:]
        return message

    def post(self, method, params=None, session=None):
        self.number += 1
        message = {"id": self.number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.number

    def call(self, method, params=None, session=None):
        number = self.post(method, params, session)
        while True:
            message = self.read()
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            if "id" not in message:
                self.events.append(message)

    def event(self):
        return self.events.pop(0) if self.events else self.read()

    def close(self):
        os.write(self.to_browser, b'{"id":0,"method":"Browser.close","params":{}}\0')
        self.process.wait()


def load(browser, session, root, page):
    browser.events.clear()
    browser.post("Page.navigate", {"url": ORIGIN + page}, session)
    while True:
        event = browser.event()
        if event.get("method") == "Page.loadEventFired":
            return
        if event.get("method") != "Fetch.requestPaused":
            continue
        url, request = event["params"]["request"]["url"], event["params"]["requestId"]
        path = root / url[len(ORIGIN):].split("#")[0].split("?")[0]
        if url.startswith(ORIGIN) and path.is_file():
            browser.call("Fetch.fulfillRequest", {
                "requestId": request, "responseCode": 200, "body": base64.b64encode(path.read_bytes()).decode(),
                "responseHeaders": [{"name": "Content-Type", "value": TYPES.get(path.suffix[1:], "application/octet-stream")}]},
                session)
        else:
            browser.call("Fetch.failRequest", {"requestId": request, "errorReason": "BlockedByClient"}, session)


def spent(before, after):
    return {kind: after[kind] - before.get(kind, 0) for kind in after if after[kind] - before.get(kind, 0) >= 0.005}


def show(kinds):
    return f"{sum(kinds.values()):.2f} s CPU (" + ", ".join(f"{k} {v:.2f}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])) + ")"


def main():
    arguments = sys.argv[1:]
    before = "--as-before" in arguments
    arguments = [a for a in arguments if a != "--as-before"]
    if len(arguments) < 2:
        sys.exit(__doc__)
    root, pages = pathlib.Path(arguments[0]).resolve(), arguments[1:]
    with tempfile.TemporaryDirectory() as work:
        start = time.monotonic()
        browser = Browser(work)
        target = browser.call("Target.createTarget", {"url": "about:blank"} if before else {"url": "about:blank", "background": True})
        session = browser.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
        browser.call("Page.enable", session=session)
        if not before:
            browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session)
        browser.call("Fetch.enable", {"patterns": [{"urlPattern": "*", "requestStage": "Request"}]}, session)
        group = browser.process.pid
        print(f"started in {time.monotonic() - start:.2f} s, {show(cpu(group))}")
        totals = {"load": {}, "print": {}}
        for page in pages:
            first, began = cpu(group), time.monotonic()
            load(browser, session, root, page)
            loaded, load_wall = cpu(group), time.monotonic() - began
            began = time.monotonic()
            data = base64.b64decode(browser.call("Page.printToPDF", PRINT, session)["data"])
            printed, print_wall = cpu(group), time.monotonic() - began
            for stage, kinds in (("load", spent(first, loaded)), ("print", spent(loaded, printed))):
                for kind, seconds in kinds.items():
                    totals[stage][kind] = totals[stage].get(kind, 0) + seconds
            print(f"{page}: load {load_wall:.2f} s, {show(spent(first, loaded))}; "
                  f"print {print_wall:.2f} s, {show(spent(loaded, printed))}; {len(data):,} bytes")
        browser.close()
        for stage, kinds in totals.items():
            print(f"all {stage}s: {show(kinds)}")


if __name__ == "__main__":
    main()
