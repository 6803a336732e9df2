"""The answer while the database is unreachable: 503 with Retry-After, not a 500.

A restart of PostgreSQL, a failover or a network cut makes every query fail
for a few seconds. That is not a bug in the page, and a load balancer, a
crawler or a reader's browser should be told to come back shortly: 503
with ``Retry-After``. Any other error is still the ordinary 500 page.

Django calls ``handler500`` inside the ``except`` block that caught the
error, so the error is still at hand (``sys.exc_info``).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error

# Seconds a client is asked to wait: about how long a database restart takes.
RETRY_AFTER = 10


def database_unreachable(error) -> bool:
    # psycopg's connection failures reach Django as these two.
    return isinstance(error, (OperationalError, InterfaceError))


@requires_csrf_token
def server_error_or_outage(request, template_name="500.html"):
    if not database_unreachable(sys.exc_info()[1]):
        return server_error(request, template_name)
    body = loader.get_template("503.html").render()
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
