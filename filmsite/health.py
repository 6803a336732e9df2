"""/health/ for load balancers: is the database reachable, does the cache answer?

200 with ``{"database": "ok", "cache": "ok"}`` when both work; 503 naming the
one that failed otherwise. Never cached, and it says nothing about versions
or hosts. Exempt from the HTTPS redirect so a probe inside the network can
use plain HTTP.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database did not answer.")
        return False


def _cache_ok() -> bool:
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        answered = cache.get(key) == "ok"
        cache.delete(key)
        return answered
    except Exception:
        logger.exception("Health check: the cache did not answer.")
        return False


@never_cache
@require_safe
def health(request):
    checks = {
        "database": "ok" if _database_ok() else "failed",
        "cache": "ok" if _cache_ok() else "failed",
    }
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
