"""`make audit`: Lighthouse on the demo's article, home and topic pages, served as in production.

Builds a throwaway SQLite database in a temporary folder, loads the demo,
collects static files, serves the site with gunicorn (DEBUG off, WhiteNoise
with hashed file names) on 127.0.0.1:AUDIT_PORT, runs Lighthouse (npm, in
.tools/audit/) against the system Chromium, prints the four category scores
of each page and stops the server. Lighthouse's full HTML reports are left
in the folder printed at the end.

Environment: AUDIT_PORT (default 8023), CHROME_PATH (default
/usr/bin/chromium), AUDIT_PRESET=desktop for Lighthouse's desktop settings
(the default is its mobile emulation), AUDIT_PATHS (comma-separated paths,
default the article, the home page and a topic page).
"""

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
DEMO_PATH = "/articles/is-miracle-in-cell-no-7-a-true-story/"
AUDITED_PATHS = [DEMO_PATH, "/", "/topics/miracle-in-cell-no-7-every-version/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"the site did not come up at {url}")
        time.sleep(0.3)


def audit_page(url: str, report: Path) -> dict | None:
    """Lighthouse's JSON report on ``url`` (None if it failed three times)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(CHROME_FLAGS),
    ]
    if os.environ.get("AUDIT_PRESET") == "desktop":
        command.append("--preset=desktop")
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    # On a busy machine Lighthouse sometimes loses its trace (NO_NAVSTART)
    # and asks to be run again; it gets three tries.
    for attempt in range(1, 4):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, check=False)
        if run.returncode == 0:
            return json.loads(report.with_suffix(".report.json").read_text())
        print(f"Lighthouse failed on {url} (try {attempt} of 3).", file=sys.stderr)
    return None


def print_scores(url: str, result: dict) -> None:
    print(f"\nLighthouse {result['lighthouseVersion']} on {url}")
    failed = []
    for key in CATEGORIES:
        category = result["categories"][key]
        score = round((category["score"] or 0) * 100)
        print(f"  {category['title']:<16} {score:>3}")
        if key != "performance" and score < 100:
            failed += [
                f"{key}: {audit['id']} ({audit.get('title', '')})"
                for ref in category["auditRefs"]
                if ref["weight"]
                and (audit := result["audits"][ref["id"]])["score"] is not None
                and audit["score"] < 1
            ]
    for line in failed:
        print(f"  below 100 because of {line}")


def main() -> int:
    if not LIGHTHOUSE.exists():
        print(f"Lighthouse is not installed at {LIGHTHOUSE}; run `make audit`.", file=sys.stderr)
        return 2
    port = os.environ.get("AUDIT_PORT", "8023")
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="filmsite-audit-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "filmsite.settings",
        "DATA_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "SECRET_KEY": secrets.token_urlsafe(40),
        "SITE_URL": base,
        "LOG_LEVEL": "WARNING",
    }
    # SQLite in the work folder and the local-memory cache, whatever the shell says.
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    python = sys.executable
    manage = [python, str(ROOT / "manage.py")]
    # The demo loader publishes its article as a demo moderator, which needs DEBUG.
    demo_env = {**env, "DEBUG": "1"}
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=demo_env, check=True)
    subprocess.run([*manage, "load_demo"], env=demo_env, check=True, stdout=subprocess.DEVNULL)
    # The audited server stands in for a one-machine site, which serves its
    # own uploads (there is no object store here).
    production = {**env, "DEBUG": "0", "SERVE_MEDIA": "1"}
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=production, check=True)

    server = subprocess.Popen(
        [str(Path(python).with_name("gunicorn")), "filmsite.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT,
        env=production,
    )  # fmt: skip
    paths = [p for p in os.environ.get("AUDIT_PATHS", "").split(",") if p] or AUDITED_PATHS
    try:
        wait_until_up(base + DEMO_PATH)
        reports = [
            audit_page(base + path, workdir / f"lighthouse-{n}") for n, path in enumerate(paths)
        ]
    finally:
        server.terminate()
        server.wait(timeout=30)
    if None in reports:
        return 1
    for path, report in zip(paths, reports, strict=True):
        print_scores(base + path, report)
    print(f"Full reports: {workdir}/lighthouse-*.report.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
