"""The queue page (coach home and roster default), its API, CSV export and bulk messages."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tagalong.athletes.models import AthleteGroup
from tagalong.attention.models import RedFlag, Signal
from tagalong.attention.outreach import send_bulk_message
from tagalong.audit.models import AuditEntry
from tagalong.messaging.models import Message
from tagalong.notifications.models import Notification
from tagalong.triage import SEVERITY
from tests.attention.helpers import refresh
from tests.factories import World, allow_colleague, make_athlete


def _signal(athlete, kind: str, *, days_open: int = 1, words: str = "") -> Signal:  # type: ignore[no-untyped-def]
    return Signal.objects.create(
        athlete=athlete,
        kind=kind,
        severity=SEVERITY[kind],
        words=words or f"{kind} words",
        evidence_id="attention.no_data",
        url=f"/athletes/{athlete.pk}/",
        opened_at=timezone.now() - dt.timedelta(days=days_open),
    )


def _coach_client(world: World) -> Client:
    client = Client()
    client.force_login(world.coach_a)
    return client


def test_the_queue_sorts_red_flags_first_then_severity_then_longest_open(world: World) -> None:
    calm = make_athlete(coach=world.coach_a)
    old_shoes = make_athlete(coach=world.coach_a)
    new_shoes = make_athlete(coach=world.coach_a)
    _signal(old_shoes, "worn_shoes", days_open=9)
    _signal(new_shoes, "worn_shoes", days_open=2)
    _signal(world.athlete_a, "retest_overdue")
    RedFlag.objects.create(athlete=world.athlete_a, source="intake", red_flags=["chest_pain"])
    refresh(world.athlete_a)
    pain = make_athlete(coach=world.coach_a)
    _signal(pain, "pain_rising", days_open=1)
    rows = _coach_client(world).get("/coach/athletes/").context["rows"]
    assert [r.athlete for r in rows] == [world.athlete_a, pain, old_shoes, new_shoes]
    assert calm not in [r.athlete for r in rows]


def test_the_coach_home_is_the_queue(world: World) -> None:
    _signal(world.athlete_a, "no_data", words="Nothing recorded for 9 days.")
    page = _coach_client(world).get("/")
    assert page.templates[0].name == "attention/queue.html"
    assert "Nothing recorded for 9 days." in page.content.decode()


def test_snoozed_reasons_leave_the_queue_but_stay_on_everyone(world: World) -> None:
    signal = _signal(world.athlete_a, "no_data")
    signal.state, signal.snoozed_until = "snoozed", timezone.localdate() + dt.timedelta(days=3)
    signal.save()
    client = _coach_client(world)
    assert list(client.get("/coach/athletes/").context["rows"]) == []
    everyone = client.get("/coach/athletes/?show=all").content.decode()
    assert "snoozed to" in everyone


def test_filter_by_reason_and_group(world: World) -> None:
    other = make_athlete(coach=world.coach_a)
    _signal(world.athlete_a, "no_data")
    _signal(other, "worn_shoes")
    client = _coach_client(world)
    rows = client.get("/coach/athletes/?kind=worn_shoes").context["rows"]
    assert [r.athlete for r in rows] == [other]
    group = AthleteGroup.objects.create(coach=world.coach_a, name="Tuesday")
    group.members.add(world.athlete_a)
    rows = client.get(f"/coach/athletes/?group={group.pk}").context["rows"]
    assert [r.athlete for r in rows] == [world.athlete_a]


def test_filter_by_coach_in_the_practice_and_sort_page_and_api_alike(world: World) -> None:
    theirs = make_athlete(coach=world.colleague)  # shared with the practice: coach_a sees it
    allow_colleague(theirs, world.coach_a)  # and the runner let coach_a look
    theirs.user.full_name = "Aaron Shared"
    theirs.user.save()
    _signal(world.athlete_a, "no_data", days_open=1)
    _signal(theirs, "worn_shoes", days_open=5)
    client = _coach_client(world)
    rows = client.get(f"/coach/athletes/?coach={world.colleague.pk}").context["rows"]
    assert [r.athlete for r in rows] == [theirs]
    api = client.get(f"/api/attention?coach={world.coach_a.pk}").json()["items"]
    assert [r["athlete_id"] for r in api] == [world.athlete_a.pk]
    by_severity = [r.athlete for r in client.get("/coach/athletes/").context["rows"]]
    assert by_severity == [world.athlete_a, theirs]  # no data (8) before worn shoes (10)
    waiting = [r.athlete for r in client.get("/coach/athletes/?sort=waiting").context["rows"]]
    assert waiting == [theirs, world.athlete_a]  # open 5 days before open 1 day
    by_name = client.get("/api/attention?sort=name").json()["items"]
    assert by_name[0]["athlete_id"] == theirs.pk
    bad = client.get("/api/attention?sort=shoe_size")
    assert bad.status_code == 422 and "sort" in bad.content.decode()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_page_and_api_queries_do_not_grow_with_athletes(world: World) -> None:
    client = _coach_client(world)
    for _ in range(3):
        _signal(make_athlete(coach=world.coach_a), "no_data")
    urls = ("/coach/athletes/", "/api/attention", "/api/athletes")
    few = [_queries(client, url) for url in urls]
    for _ in range(15):
        athlete = make_athlete(coach=world.coach_a)
        _signal(athlete, "no_data")
        _signal(athlete, "worn_shoes")
    many = [_queries(client, url) for url in urls]
    assert few == many


def test_api_attention_is_paginated_with_evidence(world: World) -> None:
    for _ in range(55):
        _signal(make_athlete(coach=world.coach_a), "no_data")
    client = _coach_client(world)
    body = client.get("/api/attention").json()
    assert body["count"] == 55 and body["pages"] == 2 and len(body["items"]) == 50
    reason = body["items"][0]["reasons"][0]
    assert reason["kind"] == "no_data" and reason["evidence"]["id"] == "attention.no_data"
    assert len(client.get("/api/attention?page=2").json()["items"]) == 5
    assert client.get("/api/attention?kind=gossip").status_code == 422


def test_csv_export_lists_rows_and_defuses_formulas(world: World) -> None:
    world.athlete_a.user.full_name = "=HYPERLINK(evil)"
    world.athlete_a.user.save()
    _signal(world.athlete_a, "no_data", words="Nothing recorded for 9 days.")
    response = _coach_client(world).get("/coach/athletes/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Athlete" and rows[1][0] == "'=HYPERLINK(evil)"
    assert "No data: Nothing recorded for 9 days." in rows[1][4]


def test_bulk_message_tells_the_selected_athletes_in_the_app_and_by_email(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    second = make_athlete(coach=world.coach_a)
    client = _coach_client(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/coach/athletes/message/",
            {
                "athletes": [world.athlete_a.pk, second.pk],
                "subject": "Easy week",
                "message": "Keep it easy.",
            },
        )
    assert response.status_code == 302
    # Into each one's conversation with the coach (where they can answer), told in the app.
    posted = Message.objects.filter(author=world.coach_a).select_related("thread")
    assert {m.thread.athlete_id for m in posted} == {world.athlete_a.pk, second.pk}
    assert all(m.text == "Easy week\n\nKeep it easy." for m in posted)
    assert set(Notification.objects.filter(kind="message").values_list("user_id", flat=True)) == {
        world.athlete_a.user_id,
        second.user_id,
    }
    audited = AuditEntry.objects.filter(action="attention.bulk_message")
    assert set(audited.values_list("athlete_id", flat=True)) == {world.athlete_a.pk, second.pk}


def test_without_the_messaging_app_a_bulk_message_is_a_notice_and_an_email(
    world: World, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    settings.TAGALONG_BULK_SENDER = "tagalong.attention.outreach.notify_and_email"
    with django_capture_on_commit_callbacks(execute=True):
        sent = send_bulk_message(
            coach=world.coach_a, athletes=[world.athlete_a], subject="Hi", message="Easy."
        )
    assert sent == 1 and mail.outbox[0].to == [world.athlete_a.user.email]
    assert Notification.objects.get(kind="coach_message").user == world.athlete_a.user


def test_bulk_message_refuses_athletes_of_other_coaches(world: World) -> None:
    client = _coach_client(world)
    response = client.post(
        "/coach/athletes/message/",
        {"athletes": [world.athlete_b.pk], "subject": "Hi", "message": "Hello"},
        follow=True,
    )
    assert "not one of the available choices" in response.content.decode()
    assert not Notification.objects.filter(kind="coach_message").exists()


def test_the_athlete_page_shows_evidence_and_lets_the_coach_snooze(world: World) -> None:
    signal = _signal(world.athlete_a, "no_data")
    client = _coach_client(world)
    page = client.get(f"/athletes/{world.athlete_a.pk}/attention/").content.decode()
    assert "No run, check-in or test for 7 days" in page  # the evidence statement
    past = client.post(
        f"/athletes/{world.athlete_a.pk}/attention/{signal.pk}/snooze/",
        {"until": (timezone.localdate() - dt.timedelta(days=1)).isoformat(), "reason": "away"},
        follow=True,
    )
    assert "must end after today" in past.content.decode()
    signal.refresh_from_db()
    assert signal.state == "open"


def test_the_api_refuses_a_snooze_that_ends_today_or_before_naming_the_field(
    world: World,
) -> None:
    signal = _signal(world.athlete_a, "no_data")
    client = _coach_client(world)
    url = f"/api/athletes/{world.athlete_a.pk}/attention/{signal.pk}/snooze"
    for until in (timezone.localdate(), timezone.localdate() - dt.timedelta(days=30)):
        answer = client.post(
            url, {"until": until.isoformat(), "reason": "away"}, content_type="application/json"
        )
        assert answer.status_code == 400 and answer.json()["error"]["field"] == "until"
    signal.refresh_from_db()
    assert signal.state == "open"
    ok = client.post(
        url,
        {"until": (timezone.localdate() + dt.timedelta(days=2)).isoformat(), "reason": "away"},
        content_type="application/json",
    )
    assert ok.status_code == 200


def test_sorting_by_a_signal_puts_its_worst_first_on_the_page_the_api_and_the_csv(
    world: World,
) -> None:
    mild, bad = make_athlete(coach=world.coach_a), make_athlete(coach=world.coach_a)
    _signal(world.athlete_a, "no_data", days_open=9)  # more urgent than shoes, no shoe signal
    for athlete, km in ((mild, 820.0), (bad, 1100.0)):
        signal = _signal(athlete, "worn_shoes", days_open=2)
        signal.level = km
        signal.save()
    client = _coach_client(world)
    expected = [bad, mild, world.athlete_a]
    page = client.get("/coach/athletes/?sort=worn_shoes")
    assert [r.athlete for r in page.context["rows"]] == expected
    assert "Worn shoes: worst first" in page.content.decode()
    api = client.get("/api/attention?sort=worn_shoes").json()["items"]
    assert [r["athlete_id"] for r in api] == [a.pk for a in expected]
    rows = list(
        csv.reader(
            io.StringIO(client.get("/coach/athletes/export.csv?sort=worn_shoes").content.decode())
        )
    )
    names = [row[0] for row in rows[1:]]
    assert names == [a.name for a in expected]


def test_the_api_sends_a_bulk_message_into_each_thread_and_refuses_strangers(
    world: World,
) -> None:
    second = make_athlete(coach=world.coach_a)
    client = _coach_client(world)
    url = "/api/attention/bulk-message"
    body = {"athlete_ids": [world.athlete_a.pk, second.pk], "subject": "Hi", "message": "Easy."}
    sent = client.post(url, body, content_type="application/json")
    assert sent.status_code == 200 and sent.json() == {"sent": 2}
    assert Message.objects.filter(author=world.coach_a).count() == 2
    stranger = {**body, "athlete_ids": [world.athlete_b.pk]}
    refused = client.post(url, stranger, content_type="application/json")
    assert refused.status_code == 404 and "athlete_ids" in refused.json()["error"]["message"]
    empty = client.post(url, {**body, "message": " "}, content_type="application/json")
    assert empty.status_code == 400 and empty.json()["error"]["field"] == "message"
    assert Message.objects.count() == 2
