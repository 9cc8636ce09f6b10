#!/usr/bin/env bash
# Installs what the browser checks need, only when it is missing. Debian and PyPI only:
# Chromium and its driver from Debian (Selenium is pointed at /usr/bin/chromedriver so it
# never tries to download one), Java for the Nu HTML Checker, pinned Python packages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"

missing=()
for pair in chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver default-jre-headless:/usr/bin/java \
            fonts-liberation:/usr/share/fonts/truetype/liberation poppler-utils:/usr/bin/pdftoppm; do
  [ -e "${pair#*:}" ] || missing+=("${pair%%:*}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Each pinned list is installed when any package in it is missing or at another version.
for requirements in "$here/requirements.txt" "$here/../oruk/requirements.txt"; do
python3 - "$requirements" <<'PY' || python3 -m pip install -q --root-user-action=ignore -r "$requirements"
import sys, importlib.metadata as md
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if line:
        name, version = line.split("==")
        try:
            if md.version(name) != version:
                sys.exit(1)
        except md.PackageNotFoundError:
            sys.exit(1)
PY
done
python3 -c "import importlib.metadata as md; assert md.version('axe-playwright-python') == '0.1.8'" 2>/dev/null \
  || python3 -m pip install -q --root-user-action=ignore --no-deps axe-playwright-python==0.1.8
