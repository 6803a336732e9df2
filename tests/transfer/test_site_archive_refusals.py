"""Bad archives and wrong databases: one readable line, and nothing imported."""

import io
import json
import tarfile
import zipfile

import pytest
from django.contrib.auth import get_user_model

from articles.models import Article, Revision
from films.models import Film
from images.models import Image
from images.storage import store_upload
from tests.factories import ArticleFactory, FilmFactory, publish
from tests.transfer.conftest import FIXTURES, run
from tests.transfer.site_archive_helpers import empty_site, rewrite_zip
from transfer import archive_files
from transfer.site_archive import CONTENT_FILE

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(tmp_path, media):
    """A small site (a film with a poster, a published article) exported, then emptied."""
    poster = store_upload(data=(FIXTURES / "markdown" / "images" / "hero.png").read_bytes())
    poster.alt_text = "A poster"
    poster.save()
    publish(ArticleFactory(film=FilmFactory(poster=poster)))
    path = tmp_path / "site.zip"
    assert run("export_site", path).error is None
    empty_site(media)
    return path


def media_files(media):
    return sorted(p for p in media.rglob("*") if p.is_file())


def nothing_imported(media):
    return (
        not Film.objects.exists()
        and not Image.objects.exists()
        and not get_user_model().objects.exists()
        and media_files(media) == []
    )


def refused(*args):
    result = run("import_site", *args)
    assert result.error is not None, result.out
    assert "\n" not in result.error and result.error.startswith("Nothing was imported: ")
    return result.error


def test_a_file_that_is_no_archive(tmp_path, media):
    path = tmp_path / "notes.zip"
    path.write_text("just some notes")
    assert "“notes.zip” is not a .zip or .tar.gz site archive" in refused(path)
    assert "There is no file at" in refused(tmp_path / "missing.zip")
    assert nothing_imported(media)


def test_another_kind_of_zip(tmp_path, media):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as other:
        other.writestr("manifest.json", json.dumps({"format": "something else"}))
    assert "is not a filmsite site archive" in refused(path)


def test_a_newer_format_version(archive, tmp_path, media):
    bad = rewrite_zip(archive, tmp_path / "v2.zip", manifest_fields={"version": 2})
    assert "format version 2; this filmsite reads version 1 only" in refused(bad)
    assert nothing_imported(media)


def test_a_newer_schema(archive, tmp_path, media):
    newer = {"schema": {"articles": "9999_from_the_future"}}
    bad = rewrite_zip(archive, tmp_path / "newer.zip", manifest_fields=newer)
    assert "follows migration 9999_from_the_future, which this database has not applied" in (
        refused(bad)
    )
    assert nothing_imported(media)


def test_a_missing_picture_file(archive, tmp_path, media):
    with zipfile.ZipFile(archive) as source:
        picture = next(n for n in source.namelist() if n.startswith("media/"))
    bad = rewrite_zip(archive, tmp_path / "missing.zip", drop=[picture])
    assert f"The archive is incomplete: “{picture}” is missing." in refused(bad)
    assert nothing_imported(media)


def test_a_changed_member(archive, tmp_path, media):
    with zipfile.ZipFile(archive) as source:
        rows = json.loads(source.read(CONTENT_FILE))
    rows[0]["fields"]["alt_text"] = "Changed on the way"
    bad = rewrite_zip(
        archive, tmp_path / "tampered.zip",
        replace={CONTENT_FILE: json.dumps(rows).encode()}, fix_manifest=False,
    )  # fmt: skip
    assert f"“{CONTENT_FILE}” in the archive does not match its manifest" in refused(bad)
    assert nothing_imported(media)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "media/../../evil", "C:/evil"])
def test_a_member_name_that_leaves_the_archive(archive, tmp_path, media, name):
    bad = rewrite_zip(archive, tmp_path / "traversal.zip", add={name: b"evil"})
    assert "The archive holds a file with an unsafe name" in refused(bad)
    assert nothing_imported(media)
    assert not (tmp_path / "evil.txt").exists()


def test_a_link_inside_a_tar_archive(tmp_path, media):
    path = tmp_path / "link.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        link = tarfile.TarInfo("media/images/x/320w.webp")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    assert "is a link or a device, not a file" in refused(path)


def test_a_zip_bomb(archive, tmp_path, media):
    zeros = bytes(60 * 1024 * 1024)
    bad = rewrite_zip(archive, tmp_path / "bomb.zip", add={"media/images/x/320w.webp": zeros})
    assert "refused as a possible zip bomb" in refused(bad)
    assert nothing_imported(media)


def test_an_oversized_member(archive, tmp_path, media, monkeypatch):
    # A tar.gz declares each member's size before its data: refused unread.
    path = tmp_path / "big.tar.gz"
    with tarfile.open(path, "w:gz") as target:
        info = tarfile.TarInfo("media/images/x/1600w.webp")
        info.size = 3000
        target.addfile(info, io.BytesIO(bytes(3000)))
    monkeypatch.setattr(archive_files, "MAX_MEMBER_BYTES", 2000)
    assert "is too large (3,000 bytes; the limit is 2,000)" in refused(path)


def test_a_picture_file_no_picture_names(archive, tmp_path, media):
    bad = rewrite_zip(archive, tmp_path / "stray.zip", add={"media/stray.txt": b"hello"})
    assert "“media/stray.txt” in the archive belongs to no picture" in refused(bad)
    assert nothing_imported(media)


def test_a_row_with_a_control_character(archive, tmp_path, media):
    with zipfile.ZipFile(archive) as source:
        rows = json.loads(source.read(CONTENT_FILE))
    film = next(row for row in rows if row["model"] == "films.film")
    film["fields"]["title"] = "Bad\x01title"
    bad = rewrite_zip(
        archive, tmp_path / "control.zip", replace={CONTENT_FILE: json.dumps(rows).encode()}
    )
    error = refused(bad)
    assert (
        f"films.film {film['pk']} in the archive is invalid: title: Remove the invisible" in error
    )
    assert nothing_imported(media)


def test_a_picture_row_naming_a_file_outside_the_media_folder(archive, tmp_path, media):
    with zipfile.ZipFile(archive) as source:
        rows = json.loads(source.read(CONTENT_FILE))
    next(row for row in rows if row["model"] == "images.image")["fields"]["file"] = "../x.png"
    bad = rewrite_zip(
        archive, tmp_path / "outside.zip", replace={CONTENT_FILE: json.dumps(rows).encode()}
    )
    assert "The archive holds a file with an unsafe name: '../x.png'." in refused(bad)
    assert nothing_imported(media)


def test_a_row_missing_its_fields(archive, tmp_path, media):
    rows = [{"model": "films.film", "pk": 1}]
    bad = rewrite_zip(
        archive, tmp_path / "fields.zip", replace={CONTENT_FILE: json.dumps(rows).encode()}
    )
    assert "A row in the archive cannot be loaded" in refused(bad)
    assert nothing_imported(media)


def test_revisions_that_break_the_workflow_leave_nothing_behind(archive, tmp_path, media):
    """The failure comes after the pictures were written: they are removed again."""
    with zipfile.ZipFile(archive) as source:
        rows = json.loads(source.read(CONTENT_FILE))
    revision = next(row for row in rows if row["model"] == "articles.revision")
    revision["fields"]["number"] = 5
    bad = rewrite_zip(
        archive, tmp_path / "numbers.zip", replace={CONTENT_FILE: json.dumps(rows).encode()}
    )
    assert "revision numbers are not 1, 2, 3" in refused(bad)
    assert nothing_imported(media)
    assert not Revision.objects.exists()


def test_a_database_with_content_is_refused(archive, media):
    FilmFactory(title="Already here")
    error = refused(archive)
    assert "This database already has content (1 films)" in error
    assert list(Film.objects.values_list("title", flat=True)) == ["Already here"]
    assert not Article.objects.exists()


def test_an_existing_account_is_kept_as_it_is(archive, media, django_user_model):
    """An administrator made here to run the import keeps their password and rights."""
    with zipfile.ZipFile(archive) as source:
        accounts = json.loads(source.read("data/accounts.json"))
    username = accounts["users"][0]["username"]
    django_user_model.objects.create_user(username=username, password="a long passphrase 1")
    result = run("import_site", archive)
    assert result.error is None
    assert f"Kept 1 accounts that already existed here, unchanged ({username})" in result.out
    assert django_user_model.objects.get(username=username).check_password("a long passphrase 1")


def test_export_refuses_to_overwrite(archive):
    assert "already exists; choose a new file name" in run("export_site", archive).error
    assert (
        "must end in .zip, .tar.gz or .tgz" in run("export_site", archive.with_suffix(".rar")).error
    )
