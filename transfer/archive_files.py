"""The container of a site archive: a .zip or .tar.gz with a manifest, read defensively.

An archive may come from anywhere, so nothing in it is trusted before it is
checked: member names must be plain relative paths (no ``..``, no absolute
or Windows paths, no links or devices), every member must be listed in the
manifest with its size and SHA-256, and sizes are bounded before anything is
decompressed (a zip whose members expand far beyond their compressed size
is refused as a bomb). Every problem is an ``ArchiveError`` with one line a
person can act on.
"""

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

FORMAT = "filmsite-site-archive"
VERSION = 1
MANIFEST = "manifest.json"

# Bounds on what an archive may unpack to. A picture's master is at most
# 3200 pixels wide, far below the member limit; the data files hold the
# whole site's text, hence their larger bound.
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_DATA_BYTES = 2 * 1024 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024 * 1024
MAX_MEMBERS = 1_000_000
# Real data compresses by 2 to 20 times; zeros by a thousand.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024


class ArchiveError(Exception):
    """Why an archive cannot be read or loaded, in one line."""


def checked_name(name: str) -> str:
    """``name`` if it is a safe relative member name, else ArchiveError."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or (path.parts and ":" in path.parts[0])
        or any(part in ("", ".", "..") for part in name.split("/"))
        or len(name) > 1000
    ):
        raise ArchiveError(f"The archive holds a file with an unsafe name: {name[:200]!r}.")
    return name


def limit_for(name: str) -> int:
    return MAX_DATA_BYTES if name.startswith("data/") or name == MANIFEST else MAX_MEMBER_BYTES


def _check_size(name: str, size: int) -> None:
    if size > limit_for(name):
        raise ArchiveError(
            f"“{name}” in the archive is too large ({size:,} bytes; "
            f"the limit is {limit_for(name):,})."
        )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Writing ------------------------------------------------------------------


class ArchiveWriter:
    """Writes members to ``path``: a .zip, or a .tar.gz (.tgz)."""

    def __init__(self, path: Path):
        self.path = path
        self.kind = kind_from_name(path)
        if self.kind is None:
            raise ArchiveError(f"“{path.name}” must end in .zip, .tar.gz or .tgz.")
        self.files: dict[str, dict] = {}
        self._partial = path.with_name(path.name + ".partial")
        if self.kind == "zip":
            self._archive = zipfile.ZipFile(self._partial, "w", zipfile.ZIP_DEFLATED)
        else:
            self._archive = tarfile.open(self._partial, "w:gz")  # noqa: SIM115 (closed in finish)

    def add(self, name: str, data: bytes) -> None:
        checked_name(name)
        if self.kind == "zip":
            self._archive.writestr(name, data)
        else:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            self._archive.addfile(info, io.BytesIO(data))
        if name != MANIFEST:
            self.files[name] = {"size": len(data), "sha256": sha256(data)}

    def finish(self, manifest: dict) -> None:
        """Write the manifest (with every member's size and hash) and move into place."""
        manifest = {**manifest, "files": dict(sorted(self.files.items()))}
        self.add(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
        self._archive.close()
        self._partial.replace(self.path)

    def abandon(self) -> None:
        self._archive.close()
        self._partial.unlink(missing_ok=True)


def kind_from_name(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".zip"):
        return "zip"
    if name.endswith((".tar.gz", ".tgz")):
        return "tar"
    return None


# Reading ------------------------------------------------------------------


class ArchiveReader:
    """The checked members of an archive, read by name.

    Opening checks the container, every member's name, type and size, and
    the manifest's format and version; ``read`` checks each member against
    the manifest's size and hash. Use it as a context manager.
    """

    def __init__(self, path: Path):
        self.path = path
        self._zip = None
        self._folder = None
        self.sizes: dict[str, int] = {}
        if not path.is_file():
            raise ArchiveError(f"There is no file at {path}.")
        try:
            if zipfile.is_zipfile(path):
                self._open_zip()
            elif _is_tar(path):
                self._open_tar()
            else:
                raise ArchiveError(f"“{path.name}” is not a .zip or .tar.gz site archive.")
        except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as error:
            self.close()
            raise ArchiveError(f"“{path.name}” is damaged ({error}).") from None
        except ArchiveError:
            self.close()
            raise
        try:
            self.manifest = self._read_manifest()
        except ArchiveError:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def _add(self, name: str, size: int) -> None:
        checked_name(name)
        _check_size(name, size)
        if name in self.sizes:
            raise ArchiveError(f"The archive holds “{name}” twice.")
        if len(self.sizes) >= MAX_MEMBERS:
            raise ArchiveError(f"The archive holds more than {MAX_MEMBERS:,} files.")
        self.sizes[name] = size
        if sum(self.sizes.values()) > MAX_TOTAL_BYTES:
            raise ArchiveError(f"The archive unpacks to more than {MAX_TOTAL_BYTES:,} bytes.")

    def _open_zip(self) -> None:
        self._zip = zipfile.ZipFile(self.path)
        for info in self._zip.infolist():
            if info.is_dir():
                checked_name(info.filename.rstrip("/"))
                continue
            if info.flag_bits & 0x1:
                raise ArchiveError(f"“{info.filename}” in the archive is encrypted.")
            self._add(info.filename, info.file_size)
            if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise ArchiveError(
                    f"“{info.filename}” in the archive expands {info.file_size:,} bytes from "
                    f"{info.compress_size:,}: refused as a possible zip bomb."
                )

    def _open_tar(self) -> None:
        # Read once, as a stream: each member's size is checked from its
        # header before its data is decompressed, and regular files are
        # copied to a private folder for reading by name.
        self._folder = Path(tempfile.mkdtemp(prefix="site-archive-"))
        self._tar_files: dict[str, Path] = {}
        with tarfile.open(self.path, "r|*") as archive:
            for member in archive:
                if member.isdir():
                    checked_name(member.name.rstrip("/"))
                    continue
                if not member.isfile():
                    raise ArchiveError(
                        f"“{member.name[:200]}” in the archive is a link or a device, not a file."
                    )
                self._add(member.name, member.size)
                target = self._folder / str(len(self._tar_files))
                with archive.extractfile(member) as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)
                self._tar_files[member.name] = target

    def _raw(self, name: str) -> bytes:
        if name not in self.sizes:
            raise ArchiveError(f"The archive is incomplete: “{name}” is missing.")
        limit = self.sizes[name]
        try:
            if self._zip is not None:
                with self._zip.open(name) as member:
                    data = member.read(limit + 1)
            else:
                data = self._tar_files[name].read_bytes()
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise ArchiveError(f"“{name}” in the archive is damaged ({error}).") from None
        if len(data) != limit:
            raise ArchiveError(f"“{name}” in the archive is damaged (its size is wrong).")
        return data

    def _read_manifest(self) -> dict:
        try:
            manifest = json.loads(self._raw(MANIFEST))
        except (ValueError, UnicodeDecodeError):
            raise ArchiveError(f"The archive's {MANIFEST} is not valid JSON.") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ArchiveError(f"“{self.path.name}” is not a filmsite site archive.")
        version = manifest.get("version")
        if version != VERSION:
            raise ArchiveError(
                f"The archive is format version {version!r}; this filmsite reads version "
                f"{VERSION} only."
            )
        files = manifest.get("files")
        if not isinstance(files, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("size"), int) for v in files.values()
        ):
            raise ArchiveError("The archive's manifest has no valid list of files.")
        for name in files:
            checked_name(name)
            if name not in self.sizes:
                raise ArchiveError(f"The archive is incomplete: “{name}” is missing.")
        for name in self.sizes:
            if name != MANIFEST and name not in files:
                raise ArchiveError(f"“{name}” in the archive is not listed in its manifest.")
        return manifest

    def names(self, under: str) -> list[str]:
        return sorted(name for name in self.manifest["files"] if name.startswith(under))

    def read(self, name: str) -> bytes:
        """The member ``name``, checked against the manifest's size and SHA-256."""
        expected = self.manifest["files"].get(name)
        if expected is None:
            raise ArchiveError(f"The archive is incomplete: “{name}” is missing.")
        data = self._raw(name)
        if len(data) != expected["size"] or sha256(data) != expected.get("sha256"):
            raise ArchiveError(f"“{name}” in the archive does not match its manifest.")
        return data

    def read_json(self, name: str):
        try:
            return json.loads(self.read(name))
        except (ValueError, UnicodeDecodeError):
            raise ArchiveError(f"“{name}” in the archive is not valid JSON.") from None


def _is_tar(path: Path) -> bool:
    try:
        return tarfile.is_tarfile(path)
    except (OSError, tarfile.TarError, EOFError):
        return False
