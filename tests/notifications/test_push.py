"""Push notifications: a per-person choice beside email; web push to each browser that agreed,
when the server has a VAPID key pair."""

from __future__ import annotations

import json

import pytest
import pywebpush

from tagalong.notifications.models import Notification, PushSubscription
from tagalong.notifications.push import send
from tagalong.notifications.services import notify
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

SUBSCRIPTION = {
    "endpoint": "https://push.example.org/send/abc",
    "keys": {"p256dh": "BNc-public-key", "auth": "auth-secret"},
}


@pytest.fixture
def vapid(settings):  # type: ignore[no-untyped-def]
    settings.VAPID_PUBLIC_KEY = "BPublicKey"
    settings.VAPID_PRIVATE_KEY = "private-key"
    settings.VAPID_SUBJECT = "mailto:ops@example.org"


def _browser(user, endpoint):  # type: ignore[no-untyped-def]
    return PushSubscription.objects.create(user=user, endpoint=endpoint, p256dh="k", auth="a")


def _post(client, url, body):  # type: ignore[no-untyped-def]
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_browsers_subscription_is_kept_and_turns_push_on(client_for):
    user = make_athlete().user
    response = _post(client_for(user), "/notifications/push/subscribe/", SUBSCRIPTION)
    assert response.status_code == 201
    user.refresh_from_db()
    assert user.push_notifications
    assert PushSubscription.objects.get(user=user).p256dh == "BNc-public-key"


def test_a_push_address_that_is_not_https_is_refused_naming_the_field(client_for):
    client = client_for(make_athlete().user)
    response = _post(
        client, "/notifications/push/subscribe/", {**SUBSCRIPTION, "endpoint": "http://x.org/1"}
    )
    assert response.status_code == 400 and response.json()["field"] == "endpoint"
    assert not PushSubscription.objects.exists()


def test_unsubscribing_removes_only_ones_own_browser(client_for):
    other = make_athlete().user
    PushSubscription.objects.create(
        user=other, endpoint=SUBSCRIPTION["endpoint"], p256dh="k", auth="a"
    )
    client = client_for(make_athlete().user)
    assert _post(client, "/notifications/push/unsubscribe/", SUBSCRIPTION).json() == {"removed": 0}
    assert PushSubscription.objects.filter(user=other).exists()


def test_send_pushes_to_each_browser_and_forgets_a_gone_one(vapid, monkeypatch):
    user = make_athlete().user
    user.push_notifications = True
    user.save()
    PushSubscription.objects.create(
        user=user, endpoint="https://push.example.org/1", p256dh="k", auth="a"
    )
    PushSubscription.objects.create(
        user=user, endpoint="https://push.example.org/2", p256dh="k", auth="a"
    )
    calls = []

    class Gone:
        status_code = 410

    def fake_webpush(*, subscription_info, data, vapid_private_key, vapid_claims, timeout):  # type: ignore[no-untyped-def]
        calls.append((subscription_info["endpoint"], json.loads(data), vapid_claims))
        if subscription_info["endpoint"].endswith("/2"):
            raise pywebpush.WebPushException("gone", response=Gone())

    monkeypatch.setattr(pywebpush, "webpush", fake_webpush)
    note = Notification.objects.create(
        user=user, kind="test", title="Session moved", url="/me/sessions/"
    )
    assert send(note) == 1
    assert calls[0][1] == {"title": "Session moved", "body": "", "url": "/me/sessions/"}
    assert calls[0][2] == {"sub": "mailto:ops@example.org"}
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [
        "https://push.example.org/1"
    ]


def test_nothing_is_pushed_to_someone_who_did_not_choose_it(vapid, monkeypatch):
    user = make_athlete().user
    PushSubscription.objects.create(
        user=user, endpoint="https://push.example.org/1", p256dh="k", auth="a"
    )
    monkeypatch.setattr(pywebpush, "webpush", lambda **kw: pytest.fail("pushed"))
    assert send(Notification.objects.create(user=user, kind="t", title="x")) == 0


def test_a_new_notification_is_pushed_when_chosen(
    vapid, monkeypatch, django_capture_on_commit_callbacks
):
    user = make_athlete().user
    user.push_notifications = True
    user.save()
    PushSubscription.objects.create(
        user=user, endpoint="https://push.example.org/1", p256dh="k", auth="a"
    )
    pushed = []
    monkeypatch.setattr(pywebpush, "webpush", lambda **kw: pushed.append(json.loads(kw["data"])))
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, kind="test", title="Hello")
    assert [p["title"] for p in pushed] == ["Hello"]


def test_the_open_tab_reads_new_notifications_when_there_is_no_push_service(client_for):
    user = make_athlete().user
    user.push_notifications = True
    user.save()
    first = Notification.objects.create(user=user, kind="t", title="Old")
    Notification.objects.create(user=user, kind="t", title="New")
    body = client_for(user).get(f"/notifications/latest.json?after={first.pk}").json()
    assert body["push"] is True and body["web_push"] is False
    assert [n["title"] for n in body["notifications"]] == ["New"]


def test_settings_offer_push_beside_email_and_save_the_choice(client_for):
    user = make_athlete().user
    client = client_for(user)
    html = client.get("/accounts/settings/").content.decode()
    assert 'id="notifications"' in html and "Email:" in html
    assert 'name="push_notifications"' in html
    assert "appear while a Tagalong tab is open" in html  # no VAPID keys on this server
    client.post("/accounts/settings/notifications/", {"push_notifications": "on"})
    user.refresh_from_db()
    assert user.push_notifications
    client.post("/accounts/settings/notifications/", {})
    user.refresh_from_db()
    assert not user.push_notifications


def test_the_cli_makes_a_vapid_key_pair_pywebpush_can_sign_with(capsys):
    from py_vapid import Vapid

    from tagalong.cli import main

    assert main(["vapid-keys"]) == 0
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    assert len(lines["TAGALONG_VAPID_PUBLIC_KEY"]) == 87  # 65 bytes, base64url
    signer = Vapid.from_string(private_key=lines["TAGALONG_VAPID_PRIVATE_KEY"])
    headers = signer.sign({"sub": "mailto:ops@example.org", "aud": "https://push.example.org"})
    assert headers["Authorization"].startswith("vapid t=")
