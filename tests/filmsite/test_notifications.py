import pytest
from django.core import mail
from django.db import transaction

from filmsite.notifications import notify_after_commit


@pytest.mark.django_db(transaction=True)
def test_notification_is_sent_once_the_transaction_commits():
    with transaction.atomic():
        notify_after_commit(recipients=["mod@example.org", ""], subject="Review", body="Please")
        assert mail.outbox == []
    assert [message.to for message in mail.outbox] == [["mod@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_no_notification_for_a_rolled_back_change():
    with pytest.raises(RuntimeError), transaction.atomic():
        notify_after_commit(recipients=["mod@example.org"], subject="Review", body="Please")
        raise RuntimeError("the change failed")
    assert mail.outbox == []
