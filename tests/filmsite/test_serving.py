"""gunicorn.conf.py serves the site, and oversized request bodies are refused unread."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORT = 8631


def test_oversized_body_is_refused_before_it_is_read(client, settings, db):
    settings.MAX_REQUEST_BYTES = 1024
    response = client.post(
        "/admin/login/", data=b"x" * 2048, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "the limit is" in response.content.decode()


def _wait_for(port, deadline):
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.2)
    return False


def test_gunicorn_config_serves_the_health_endpoint(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "a-throwaway-key-for-this-test-only-0123456789",
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "REDIS_URL": "",
        "WEB_CONCURRENCY": "1",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        if not _wait_for(PORT, time.monotonic() + 60):
            server.kill()
            pytest.fail(server.communicate()[0].decode()[-2000:])
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=30) as response:
            assert response.status == 200
            assert response.headers["Cache-Control"].startswith("max-age=0")
        request = urllib.request.Request(
            f"http://127.0.0.1:{PORT}/health/", headers={"X" * 9000: "long header"}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 431  # limit_request_field_size
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    # The access log is on, in the configured format.
    assert "GET /health/ HTTP/1.1" in output
