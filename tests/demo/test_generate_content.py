"""manage.py generate_content: synthetic articles in exactly the workflow's state."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles import workflow
from articles.models import Article, Publication, Revision

pytestmark = pytest.mark.django_db


def test_generated_content_keeps_the_workflows_invariants(client):
    out = StringIO()
    call_command("generate_content", articles=60, films=12, stdout=out)
    assert "the workflow's invariants hold" in out.getvalue()
    assert Article.objects.count() == 60
    assert workflow.check_invariants() == []
    statuses = set(Revision.objects.values_list("status", flat=True))
    assert {"approved", "pending"} <= statuses
    live = Revision.objects.live().first()
    response = client.get(reverse("articles:article", kwargs={"slug": live.slug}))
    assert response.status_code == 200
    assert live.title in response.content.decode()


def test_the_invariant_check_notices_a_wrong_publication_state():
    call_command("generate_content", articles=20, stdout=StringIO())
    publication = Publication.objects.live().first()
    Publication.objects.filter(pk=publication.pk).update(updated_at=None)
    assert any(str(publication.pk) in problem for problem in workflow.check_invariants())


def test_bad_input_is_one_readable_line():
    with pytest.raises(CommandError, match="--articles must be at least 1"):
        call_command("generate_content", articles=0)
    call_command("generate_content", articles=5, stdout=StringIO())
    with pytest.raises(CommandError, match="already in this database"):
        call_command("generate_content", articles=5)
