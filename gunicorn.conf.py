"""gunicorn's production defaults for filmsite (`make serve` uses this file).

Every value can be changed from the environment or the command line
(command-line flags win), so one file serves a laptop and a server.
"""

import multiprocessing
import os

wsgi_app = "filmsite.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Threads serve the many requests that wait on the database or the cache;
# processes use the cores. gunicorn's own advice is 2 × cores + 1 processes;
# capped, since each process holds its own connections.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"

# A request that takes longer than this is a bug or an attack: the worker is
# restarted. Markdown is bounded (writing/limits.py), so no edit comes near it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGHUP or a deploy, finish what is in flight before stopping.
graceful_timeout = 30
keepalive = 5
# Restart each worker now and then, staggered, so a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200

# Only trust X-Forwarded-* from the proxy in front (its address; "*" only
# when nothing else can reach the port).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Bounded request heads. The body is capped by Django (MAX_REQUEST_BYTES in
# settings: the image upload limit plus room for the form's other fields),
# which answers 413 before reading it.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = "-"
errorlog = "-"
# Client, time, request, status, size, referrer, user agent, duration (µs).
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(B)s "%(f)s" "%(a)s" %(D)s'
