"""Demo content for `manage.py load_demo`: facts in films.py, texts in content.py
and draft.py, and the loading logic in loader.py."""
