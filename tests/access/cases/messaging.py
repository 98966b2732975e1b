from __future__ import annotations

from tagalong.messaging.models import Attachment, SavedReply, Thread
from tagalong.messaging.replylinks import reply_token
from tagalong.messaging.services import post_message
from tests.access.matrix import LOGIN, Case, statuses


def _thread(world) -> Thread:  # type: ignore[no-untyped-def]
    return Thread.objects.get(athlete=world.athlete_a, coach=world.coach_a)


def _thread_a(world):  # type: ignore[no-untyped-def]
    return {"thread_id": _thread(world).pk}


def _attachment_a(world):  # type: ignore[no-untyped-def]
    from tagalong.messaging.files import check_file

    png = check_file("calf.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    message = post_message(thread=_thread(world), author=world.coach_a, text="", files=[png])
    return {"attachment_id": Attachment.objects.get(message=message).pk}


def _reply_a(world):  # type: ignore[no-untyped-def]
    reply = SavedReply.objects.create(coach=world.coach_a, title="Easy", text="Keep it easy.")
    return {"reply_id": reply.pk}


def _athlete_token(world):  # type: ignore[no-untyped-def]
    return {"token": reply_token(thread_id=_thread(world).pk, user_id=world.athlete_a.user_id)}


def _athlete_a(world):  # type: ignore[no-untyped-def]
    return {"athlete_id": world.athlete_a.pk}


def _symptom_log_a(world):  # type: ignore[no-untyped-def]
    from datetime import date

    from tagalong.symptoms.models import SymptomLog

    log = SymptomLog.objects.create(athlete=world.athlete_a, day=date(2026, 1, 5))
    return {"athlete_id": world.athlete_a.pk, "kind": "symptom_log", "subject_id": log.pk}


# Those who may change the athlete's record comment; read-only viewers are told; others 404.
COMMENT = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=403, staff=403)


SIGNED_IN = statuses(200, anonymous=LOGIN)
# The thread's runner and coach read; the practice colleague reads; nobody else knows it exists.
READ = statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, colleague=200)
WRITE = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=403)
FILE = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=302)
COACH_ONLY = statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)

PAGES = {
    "messaging:inbox": Case(SIGNED_IN),
    "messaging:thread": Case(READ, kwargs=_thread_a),
    "messaging:post": Case(
        WRITE, method="post", kwargs=_thread_a, data=lambda w: {"text": "How was the run?"}
    ),
    "messaging:file": Case(
        FILE, method="post", kwargs=_thread_a, data=lambda w: {"folder": "later"}
    ),
    "messaging:note": Case(
        statuses(
            404,
            anonymous=LOGIN,
            athlete_a=403,
            athlete_b=403,
            coach_a=302,
            colleague=403,
            staff=403,
        ),
        method="post",
        kwargs=_thread_a,
        data=lambda w: {"text": "Watch the left calf."},
    ),
    "messaging:attachment": Case(READ, kwargs=_attachment_a),
    # The signed link is the permission: anyone holding it may answer, as its owner, once.
    "messaging:email_reply": Case(statuses(200), kwargs=_athlete_token),
    # Everyone who may see the athlete lands on a thread (or the inbox when they have none).
    "messaging:with_athlete": Case(
        statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, colleague=302, staff=302),
        kwargs=_athlete_a,
    ),
    "messaging:comment": Case(COMMENT, kwargs=_symptom_log_a),
    "messaging:saved_replies": Case(COACH_ONLY),
    "messaging:delete_reply": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404),
        method="post",
        kwargs=_reply_a,
    ),
}

API_READ = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200)
API_FILE = statuses(404, anonymous=401, athlete_a=200, coach_a=200, colleague=200)
API_COACH = statuses(403, anonymous=401, coach_a=200, colleague=200, coach_other=200)

API = {
    "GET /api/threads": Case(statuses(200, anonymous=401)),
    # Only the runner's own coach opens a thread; colleagues are told why, outsiders get 404.
    "POST /api/threads": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=400, coach_other=404),
        method="post",
        data=lambda w: {"athlete_id": w.athlete_a.pk},
    ),
    "GET /api/threads/{thread_id}": Case(API_READ, kwargs=_thread_a),
    "POST /api/threads/{thread_id}/messages": Case(
        statuses(404, anonymous=401, athlete_a=201, coach_a=201, colleague=403),
        method="post",
        kwargs=_thread_a,
        data=lambda w: {"text": "Easy 30 minutes today."},
    ),
    # No file sent: the thread's people are told to attach one; the colleague may not write.
    "POST /api/threads/{thread_id}/attachments": Case(
        statuses(404, anonymous=401, athlete_a=400, coach_a=400, colleague=403),
        method="post",
        kwargs=_thread_a,
    ),
    "POST /api/threads/{thread_id}/read": Case(API_READ, method="post", kwargs=_thread_a),
    "POST /api/threads/{thread_id}/state": Case(
        API_FILE, method="post", kwargs=_thread_a, data=lambda w: {"folder": "done"}
    ),
    "GET /api/threads/{thread_id}/notes": Case(
        statuses(
            404, anonymous=401, athlete_a=403, athlete_b=403, coach_a=200, colleague=200, staff=403
        ),
        kwargs=_thread_a,
    ),
    "POST /api/threads/{thread_id}/notes": Case(
        statuses(
            404, anonymous=401, athlete_a=403, athlete_b=403, coach_a=201, colleague=403, staff=403
        ),
        method="post",
        kwargs=_thread_a,
        data=lambda w: {"text": "Watch the left calf."},
    ),
    "POST /api/athletes/{athlete_id}/comments/{kind}/{subject_id}": Case(
        statuses(404, anonymous=401, athlete_a=201, coach_a=201, colleague=403, staff=403),
        method="post",
        kwargs=_symptom_log_a,
        data=lambda w: {"text": "Sore after the hills."},
    ),
    "GET /api/saved-replies": Case(API_COACH),
    "POST /api/saved-replies": Case(
        statuses(403, anonymous=401, coach_a=201, colleague=201, coach_other=201),
        method="post",
        data=lambda w: {"title": "Easy", "text": "Keep it easy."},
    ),
    "DELETE /api/saved-replies/{reply_id}": Case(
        statuses(403, anonymous=401, coach_a=200, colleague=404, coach_other=404),
        method="delete",
        kwargs=_reply_a,
    ),
}
