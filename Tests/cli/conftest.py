"""Shared set-up for the command-line checks: the binary (SIGNPOST_BIN), a copy of the seed
content and theme for each test, and `signpost serve` started on a free port."""
import os
import pathlib
import resource
import shutil
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


@pytest.fixture()
def serve(project):
    """Starts `signpost serve` with extra arguments; returns (project, port, process)."""
    processes = []

    def start(*args, open_files=None):
        """`open_files`: the server's limit on open files (sockets included), as on a machine
        whose default is low."""
        def limit():
            if open_files:
                resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))

        port = free_port()
        process = subprocess.Popen([str(BIN), "serve", "--port", str(port), *args], cwd=project, preexec_fn=limit,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        processes.append(process)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if get(f"http://127.0.0.1:{port}/__signpost/status")[0] == 200:
                    return project, port, process
            except OSError:
                time.sleep(0.2)
        pytest.fail("serve did not start")

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture()
def server(serve):
    return serve()
