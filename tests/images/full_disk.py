"""A media storage on a nearly full disk: it takes ``room`` more bytes, then fails as a disk does.

The write that runs out leaves its first bytes behind, as ENOSPC does on a
real disk (Django's FileSystemStorage writes in place).
"""

import errno

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage


class NearlyFullStorage(FileSystemStorage):
    room = 0  # bytes left on the disk, shared by every instance (one disk)

    def _save(self, name, content):
        data = content.read()
        allowed = max(0, NearlyFullStorage.room)
        NearlyFullStorage.room -= len(data)
        if len(data) <= allowed:
            return super()._save(name, ContentFile(data))

        class Cut(ContentFile):
            def chunks(self, chunk_size=None):
                yield data[:allowed]
                raise OSError(errno.ENOSPC, "No space left on device")

        return super()._save(name, Cut(data))
