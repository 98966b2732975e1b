"""Conversation pages: the inbox, a thread (posting, filing and notes answer htmx in place)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import Access, access_to_thread, athlete_for, thread_for
from tagalong.accounts.models import User
from tagalong.errors import DomainError
from tagalong.messaging import comments, selectors, services
from tagalong.messaging.models import Attachment, Thread
from tagalong.messaging.uploads import checked_uploads


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


@rules.signed_in
def inbox(request: HttpRequest) -> HttpResponse:
    folder = request.GET.get("folder", "inbox")
    if folder not in selectors.FOLDERS:
        folder = "inbox"
    rows = selectors.inbox(_user(request), folder=folder)
    from tagalong.messaging.extras import items_for

    extras = items_for(_user(request)) if folder == "inbox" else []
    return render(
        request,
        "messaging/inbox.html",
        {"rows": rows, "folder": folder, "folders": selectors.FOLDERS, "extras": extras},
    )


def _thread_context(request: HttpRequest, thread: Thread, **extra: object) -> dict[str, object]:
    user = _user(request)
    can_write = access_to_thread(user, thread) is Access.WRITE
    is_coach = user.is_coach
    return {
        "thread": thread,
        "messages_list": selectors.messages_of(thread),
        "can_write": can_write,
        "is_coach": is_coach,
        "notes": selectors.notes_of(thread) if is_coach else [],
        "saved_replies": selectors.saved_replies_of(user) if is_coach and can_write else [],
        "error": None,
        "draft": "",
        **extra,
    }


@rules.signed_in
def thread_page(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = thread_for(request.user, thread_id)
    services.mark_read(thread=thread, user=_user(request))
    if _is_htmx(request) and request.htmx.target == "conversation-list":  # type: ignore[attr-defined]
        # The open page asks every few seconds (while visible): new messages appear in place.
        context = {"messages_list": selectors.messages_of(thread), "thread": thread}
        return render(request, "messaging/_messages.html", context)
    return render(request, "messaging/thread.html", _thread_context(request, thread))


@rules.signed_in
@require_POST
def post(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = thread_for(request.user, thread_id, write=True)
    text = request.POST.get("text", "")
    try:
        files = checked_uploads(request.FILES.getlist("files"))
        services.post_message(thread=thread, author=_user(request), text=text, files=files)
    except DomainError as error:
        context = _thread_context(request, thread, error=error.message, draft=text)
        if _is_htmx(request):  # htmx swaps 200s only: the form comes back with its error
            return render(request, "messaging/_conversation.html", context)
        return render(request, "messaging/thread.html", context, status=400)
    if _is_htmx(request):
        return render(request, "messaging/_conversation.html", _thread_context(request, thread))
    return redirect("messaging:thread", thread_id=thread.pk)


@rules.signed_in
@require_POST
def file_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = thread_for(request.user, thread_id)
    try:
        state = services.file_thread(
            thread=thread, user=_user(request), folder=request.POST.get("folder", "")
        )
    except DomainError as error:
        return HttpResponse(error.message, status=400)
    if _is_htmx(request):
        return render(request, "messaging/_folder.html", {"thread": thread, "state": state})
    messages.success(
        request, gettext("Moved to %(folder)s.") % {"folder": state.get_folder_display()}
    )
    return redirect("messaging:inbox")


@rules.coach
@require_POST
def add_note(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = thread_for(request.user, thread_id, write=True)
    error = None
    try:
        services.add_note(thread=thread, author=_user(request), text=request.POST.get("text", ""))
    except DomainError as exc:
        error = exc.message
    context = {"thread": thread, "notes": selectors.notes_of(thread), "note_error": error}
    if _is_htmx(request):
        return render(request, "messaging/_notes.html", context)
    if error:
        return render(
            request,
            "messaging/thread.html",
            _thread_context(request, thread, note_error=error),
            status=400,
        )
    return redirect("messaging:thread", thread_id=thread.pk)


@rules.signed_in
def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    found = Attachment.objects.select_related("message").filter(pk=attachment_id)
    item = found.first() if 0 < attachment_id < 2**63 else None
    if item is None:
        raise Http404("No such file")
    thread_for(request.user, item.message.thread_id)
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.name, content_type=item.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@rules.athlete_scoped
def with_athlete(request: HttpRequest, athlete_id: int) -> HttpResponse:
    """The conversation about this athlete: a coach's own thread (opened on first use), or
    for the athlete and read-only colleagues, the thread with their (first) coach."""
    athlete = athlete_for(request.user, athlete_id)
    user = _user(request)
    thread = selectors.thread_between(user, athlete) if user.is_coach else None
    if thread is None and user.is_coach:
        try:
            thread = services.open_thread(coach=user, athlete=athlete)
        except DomainError:
            thread = None
    if thread is None:
        thread = selectors.threads_of_athlete(athlete).first()
    if thread is None or access_to_thread(user, thread) is Access.NONE:
        messages.info(
            request,
            gettext("%(name)s has no conversation with a coach yet.") % {"name": athlete.name},
        )
        return redirect("messaging:inbox")
    return redirect("messaging:thread", thread_id=thread.pk)


@rules.athlete_scoped
def comment(request: HttpRequest, athlete_id: int, kind: str, subject_id: int) -> HttpResponse:
    """Comment on a symptom log, an activity or a calf check: it goes into the conversation
    with a link back to what it is about."""
    athlete = athlete_for(request.user, athlete_id, write=True)
    subject = comments.subject_of(athlete, kind, subject_id)
    error, text = None, ""
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            sent = comments.comment_on(
                author=_user(request), athlete=athlete, subject=subject, text=text
            )
        except DomainError as exc:
            error = exc.message
        else:
            names = ", ".join(
                m.thread.athlete_name if _user(request).is_coach else m.thread.coach_name
                for m in sent
            )
            messages.success(
                request,
                gettext("Comment sent to your conversation with %(names)s.") % {"names": names},
            )
            return redirect(subject.url)
    context = {"athlete": athlete, "subject": subject, "error": error, "draft": text}
    return render(request, "messaging/comment.html", context, status=400 if error else 200)
