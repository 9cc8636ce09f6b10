/// The Python program that runs WeasyPrint for the PDF stage. It is kept in the binary, not
/// in a file beside it, so the protocol on both sides always comes from the same build.
///
/// Protocol (one JSON object per line): the driver first answers `{"ready": true, "engine":
/// "WeasyPrint 70.0"}` or `{"ready": false, "error": "…"}`; then for each job read from stdin
/// (`{"id", "root", "page", "pdf", "date", "site"}`) it writes the PDF and answers
/// `{"id", "ok": true, "pages": n}` or `{"id", "ok": false, "error": "…"}`. A fake engine
/// in the tests speaks the same protocol.
enum WeasyPrintDriver {
    static let source = #"""
import json, mimetypes, os, shutil, sys, tempfile, urllib.parse
from xml.sax.saxutils import escape

# Anything a library prints must not mix with the answers: they keep their own copy of stdout.
answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr
config = json.loads(sys.argv[1])
# Links inside the site resolve against this stand-in origin (.invalid never resolves) when
# the site has no web address: the PDF then keeps no link that would only work on this disk.
STAND_IN = "https://signpost.invalid/"


def say(message):
    answers.write(json.dumps(message) + "\n")
    answers.flush()


def start():
    """Only the fonts Signpost installs, so the PDFs do not change with what else is on the machine."""
    missing = [folder for folder in config["fonts"] if not os.path.isdir(folder)]
    if missing:
        return "the fonts it needs are not installed (" + ", ".join(missing) + " is missing)"
    folder = tempfile.mkdtemp(prefix="signpost-fonts-")
    import atexit
    atexit.register(shutil.rmtree, folder, True)
    dirs = "".join(f"<dir>{escape(font_dir)}</dir>" for font_dir in config["fonts"])
    families = "".join(
        f'<alias binding="same"><family>{escape(generic)}</family><prefer>'
        + "".join(f"<family>{escape(family)}</family>" for family in preferred) + "</prefer></alias>"
        for generic, preferred in config["families"].items())
    with open(os.path.join(folder, "fonts.conf"), "w", encoding="utf-8") as conf:
        conf.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
                   f"<fontconfig>{dirs}<cachedir>{escape(folder)}/cache</cachedir>{families}</fontconfig>")
    os.environ["FONTCONFIG_FILE"] = os.path.join(folder, "fonts.conf")
    sys.path.insert(0, config["path"])
    global weasyprint
    import logging
    import weasyprint
    import weasyprint.urls
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return None


def render(job):
    root = os.path.realpath(job["root"])
    origin = job.get("site") or STAND_IN

    class SiteOnly(weasyprint.urls.URLFetcher):
        """Loads the site's own files from the folder being built, and nothing from the network."""
        def fetch(self, url, headers=None):
            if url.startswith(origin):
                relative = urllib.parse.unquote(url[len(origin):].split("#")[0].split("?")[0])
                path = os.path.realpath(os.path.join(root, relative))
                if path.startswith(root + os.sep) and os.path.isfile(path):
                    with open(path, "rb") as file:
                        data = file.read()
                    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
                    return weasyprint.urls.URLFetcherResponse(url, data, {"Content-Type": kind})
            raise ValueError(f"{url} is not a file of the site")

    html = weasyprint.HTML(filename=os.path.join(root, job["page"]), base_url=origin + job["page"],
                           url_fetcher=SiteOnly())
    document = html.render(pdf_variant="pdf/ua-1")
    if job.get("date"):
        document.metadata.created = document.metadata.modified = job["date"]
    if not job.get("site"):
        for page in document.pages:
            page.links[:] = [link for link in page.links if not str(link[1]).startswith(STAND_IN)]
    # Written beside the target and renamed, so a failure never leaves half a PDF in the site.
    target = os.path.join(root, job["pdf"])
    try:
        document.write_pdf(target + ".part", pdf_variant="pdf/ua-1", pdf_identifier=True)
        os.replace(target + ".part", target)
    finally:
        if os.path.exists(target + ".part"):
            os.remove(target + ".part")
    return len(document.pages)


try:
    problem = start()
except Exception as error:
    problem = f"{type(error).__name__}: {error}".strip().splitlines()[0]
if problem:
    say({"ready": False, "error": problem})
    sys.exit(0)
say({"ready": True, "engine": f"WeasyPrint {weasyprint.__version__}"})
for line in sys.stdin:
    job = json.loads(line)
    try:
        say({"id": job["id"], "ok": True, "pages": render(job)})
    except Exception as error:
        say({"id": job["id"], "ok": False, "error": f"{type(error).__name__}: {error}".strip().splitlines()[0]})
"""#
}
