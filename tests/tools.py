"""Where the outside referees live, and the rule for when one is missing.

`make referees` installs the Nu HTML checker (npm vnu-jar, run with Java) and
axe-core into .tools/. A test that needs a missing tool is skipped with the
reason, except where FILMSITE_REQUIRE_BROWSERS=1 (CI), where it fails: the
same rule as tests/browser/conftest.py applies to Chromium.
"""

import os
import shutil
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parent.parent / ".tools" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def require(available: bool, reason: str) -> None:
    if available:
        return
    if os.environ.get("FILMSITE_REQUIRE_BROWSERS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def java() -> str:
    path = shutil.which("java")
    require(path is not None, "Java not found; the Nu HTML checker needs Java 17 or newer")
    return path


def vnu_jar() -> Path:
    require(VNU_JAR.is_file(), f"{VNU_JAR} not found; run `make referees`")
    return VNU_JAR


def axe_js() -> Path:
    require(AXE_JS.is_file(), f"{AXE_JS} not found; run `make referees`")
    return AXE_JS
