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


def test_a_title_with_a_line_break_still_sends_a_one_line_subject(
    django_capture_on_commit_callbacks, db
):
    from django.core import mail

    from filmsite.notifications import notify_after_commit

    with django_capture_on_commit_callbacks(execute=True):
        notify_after_commit(
            recipients=["editor@example.com"],
            subject="Reader correction: [ref][1]\n\n[1]: x\x01\r\nBcc: victim@example.com",
            body="Body",
        )
    (message,) = mail.outbox
    assert message.subject == "Reader correction: [ref][1] [1]: x Bcc: victim@example.com"
    assert message.bcc == []
