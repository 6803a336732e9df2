"""gunicorn for `make bench`: the server the issue's figures are defined on.

Two sync workers, as in every earlier run, so figures compare across runs.
Not the production file (gunicorn.conf.py, which gunicorn would otherwise
read from the working directory): there, every request writes an access-log
line, which on two shared cores costs the benchmark as much as a page, and
workers are recycled every ~2,000 requests, which at 1,000 requests a second
restarts a worker every few seconds and empties its local-memory page cache
mid-run. Both are right for a site and wrong for measuring a page.
"""

wsgi_app = "filmsite.wsgi"
workers = 2
worker_class = "sync"
max_requests = 0
accesslog = None
errorlog = "-"
loglevel = "warning"
