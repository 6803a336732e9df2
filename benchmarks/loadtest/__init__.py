"""`make loadtest`: load and faults with nothing lost (see __main__.py and docs/loadtest.md)."""
