import pytest
from django.core.files.storage import default_storage


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test in this folder stores files in its own empty media directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files():
    """Every file in the default storage, as {name: bytes}."""
    found = {}
    if not default_storage.exists(""):
        return found

    def walk(path):
        directories, files = default_storage.listdir(path)
        for name in files:
            full = f"{path}/{name}" if path else name
            with default_storage.open(full) as handle:
                found[full] = handle.read()
        for directory in directories:
            walk(f"{path}/{directory}" if path else directory)

    walk("")
    return found
