"""The outside referees of the HTML: the W3C Nu checker and axe-core (`make referees`).

Missing tools skip the test with the reason, or fail it in CI
(FILMSITE_REQUIRE_BROWSERS=1), like a missing Chromium.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / ".tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _missing(reason):
    if os.environ.get("FILMSITE_REQUIRE_BROWSERS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def nu_errors(html: str) -> list[str]:
    """The Nu checker's errors (and warnings) for a document, as readable lines."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        _missing(f"The Nu checker needs java and {VNU_JAR}; run `make referees`")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--also-check-css", "-"],
        input=html.encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(result.stdout or b'{"messages": []}')["messages"]
    return [
        f"{m.get('type')}: {m.get('message')} (line {m.get('lastLine')}): {m.get('extract', '')}"
        for m in messages
        if m.get("type") in {"error", "non-document-error"} or m.get("subType") == "warning"
    ]


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as loaded (the context must bypass CSP)."""
    if not AXE_JS.is_file():
        _missing(f"axe-core is missing at {AXE_JS}; run `make referees`")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
    ]
