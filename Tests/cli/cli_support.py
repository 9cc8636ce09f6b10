"""Plain helpers for the command-line checks (imported by name: pytest loads every
folder's conftest.py as a module named `conftest`, so helpers cannot live there)."""
import os
import pathlib
import socket
import subprocess
import time
import urllib.error
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()


def run(*args, cwd):
    return subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_for(condition, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False
