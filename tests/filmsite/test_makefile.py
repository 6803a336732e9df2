"""The Makefile's promises: `make run PORT=N` links to the port it serves."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def dry_run(*args, env=None):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    return subprocess.run(
        ["make", "-n", "--always-make", *args],
        cwd=ROOT, capture_output=True, text=True, check=True, env=env,
    ).stdout  # fmt: skip


def test_serving_on_another_port_sets_a_matching_site_url():
    commands = dry_run("serve", "PORT=8111")
    assert "SITE_URL=http://127.0.0.1:8111" in commands
    assert "--bind 127.0.0.1:8111" in commands


def test_a_site_url_from_the_environment_wins():
    import os

    env = {**os.environ, "SITE_URL": "https://films.example"}
    assert "SITE_URL=https://films.example" in dry_run("serve", "PORT=8111", env=env)
