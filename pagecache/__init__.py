"""The shared page cache for anonymous readers, and the clock that invalidates it.

See ``middleware.py`` for what is cached and when, ``clock.py`` for how every
worker and instance learns at once that a page changed, and ``pages.py`` for
what views and the workflow call.
"""
