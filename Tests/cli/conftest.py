"""Fixtures for the command-line checks: a copy of the seed content and theme for each
test, and `signpost serve` started on a free port. Helpers are in cli_support.py."""
import os
import resource
import shutil
import signal
import subprocess
import time

import pytest

from cli_support import BIN, REPO, free_port, get


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(REPO / "Content", tmp_path / "Content")
    shutil.copytree(REPO / "Themes", tmp_path / "Themes")
    return tmp_path


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
        # Its own temporary folder, so a test can find the preview folder serve makes there.
        (project / "tmp").mkdir(exist_ok=True)
        process = subprocess.Popen([str(BIN), "serve", "--port", str(port), *args], cwd=project, preexec_fn=limit,
                                   env={**os.environ, "TMPDIR": str(project / "tmp")},
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
            # Ctrl-C, so serve removes its preview folder; killed, it would stay in /tmp.
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture()
def server(serve):
    return serve()
