"""Moving articles in and out of filmsite: Markdown files and WordPress exports.

Everything that reaches the site goes through ``transfer.importing``, which
saves the working copy and hands it to ``articles.workflow`` like an
editor's change; everything that leaves it is written by ``transfer.exporting``.
"""
