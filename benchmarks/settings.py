"""Production settings plus the benchmark-only URLconf (never routed in production)."""

from filmsite.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
