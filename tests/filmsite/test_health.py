"""/health/ tells a load balancer whether the database and the cache answer."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthy(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "version" not in response.content.decode().lower()


def test_names_a_failed_cache(client):
    with mock.patch("filmsite.health.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failed"}
    assert "redis down" not in response.content.decode()


def test_names_a_failed_database(client):
    with mock.patch(
        "filmsite.health.connection.cursor", side_effect=OperationalError("no such host")
    ):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"database": "failed", "cache": "ok"}


def test_only_reads(client):
    assert client.post("/health/").status_code == 405
    assert client.head("/health/").status_code == 200
