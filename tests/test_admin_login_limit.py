"""The admin's login is locked after repeated wrong passwords (django-axes, archive/settings/login.py)."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-and-right-passphrase-42"


@pytest.fixture
def curator():
    return User.objects.create_superuser("curator", "curator@example.org", PASSWORD)


def log_in(client, password, address="203.0.113.9"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "curator", "password": password},
        REMOTE_ADDR=address,
    )


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, curator):
    for n in range(30):
        assert log_in(client, f"guess-{n}").status_code in (200, 429)
    answer = log_in(client, PASSWORD)
    assert answer.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/", REMOTE_ADDR="203.0.113.9").status_code == 302  # still not logged in


def test_the_right_password_works_before_the_limit_and_from_elsewhere(client, curator):
    for n in range(3):
        log_in(client, f"guess-{n}")
    assert log_in(client, PASSWORD).status_code == 302
    other = type(client)()
    for n in range(30):
        log_in(other, f"guess-{n}", address="203.0.113.66")
    assert log_in(client, PASSWORD, address="203.0.113.10").status_code == 302
