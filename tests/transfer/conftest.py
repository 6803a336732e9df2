import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.factories import EditorFactory, SuperuserFactory

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every import test stores its pictures in its own empty media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def markdown_folder(tmp_path):
    """A copy of the Markdown fixtures (with their pictures) that a test may change."""
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES / "markdown", folder)
    return folder


@pytest.fixture
def importer(db):
    return EditorFactory(username="importer")


@pytest.fixture
def administrator(db):
    return SuperuserFactory(username="administrator")


class Run:
    """What a management command printed, and whether it failed."""

    def __init__(self, out: str, err: str, error: str | None):
        self.out, self.err, self.error = out, err, error

    @property
    def lines(self):
        return [line for line in (self.out + self.err).splitlines() if line.strip()]


def run(command: str, *args) -> Run:
    out, err = StringIO(), StringIO()
    try:
        call_command(command, *[str(arg) for arg in args], stdout=out, stderr=err)
    except CommandError as error:
        return Run(out.getvalue(), err.getvalue(), str(error))
    return Run(out.getvalue(), err.getvalue(), None)
