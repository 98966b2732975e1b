"""Programme pages: the coach's (list, create, edit, cohort), the public landing page, gift and
claim pages, and the runner's own programme page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import own_place, place_for, programme_for, public_programme
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.programmes import selectors, services
from tagalong.programmes.announcements import read_on_page
from tagalong.programmes.forms import (
    AboutYouForm,
    AnnouncementForm,
    ClaimForm,
    FreePlaceForm,
    GiftForm,
    LeaderboardNameForm,
    PaymentForm,
    ProgrammeForm,
    SignUpForm,
)
from tagalong.programmes.models import (
    NEXT_STAGE,
    PlaceStatus,
    PlanUpdate,
    Programme,
    Source,
    Stage,
    UpdateStatus,
)
from tagalong.web.security import client_ip

FORM_FIELDS = services.FIELDS


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _add_error(form: Any, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


# --- coach -------------------------------------------------------------------------------


@rules.coach
def coach_list(request: HttpRequest) -> HttpResponse:
    programmes = Programme.objects.filter(coach=request.user).select_related("template")
    now = timezone.now()
    rows = [(p, services.places_left(p, now)) for p in programmes]
    return render(request, "programmes/coach_list.html", {"rows": rows})


def _default_zone(coach: User) -> str:
    availability = getattr(coach, "availability", None)
    return availability.time_zone if availability is not None else coach.time_zone


# What the coach reads after moving a programme on (the stage names in a whole sentence).
STAGE_REACHED = {
    Stage.PUBLISHED: gettext_lazy("The programme is published now."),
    Stage.RUNNING: gettext_lazy("The programme is running now."),
    Stage.FINISHED: gettext_lazy("The programme is finished now."),
}


@rules.coach
def create(request: HttpRequest) -> HttpResponse:
    coach = _user(request)
    form = ProgrammeForm(
        request.POST or None,
        coach=coach,
        initial={"weeks": 8, "capacity": 20, "time_zone": _default_zone(coach)},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        session_types = list(data.pop("session_types"))
        try:
            programme = services.create_programme(coach=coach, session_types=session_types, **data)
        except DomainError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("Programme saved as a draft. Publish it when it is ready."))
            return redirect("programmes:cohort", programme_id=programme.pk)
    return render(request, "programmes/edit.html", {"form": form, "programme": None})


@rules.coach
def edit(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id, write=True)
    initial = {k: getattr(programme, k) for k in FORM_FIELDS}
    initial["session_types"] = list(programme.session_types.all())
    form = ProgrammeForm(request.POST or None, coach=_user(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        session_types = list(data.pop("session_types"))
        try:
            services.update_programme(
                programme=programme, by=_user(request), session_types=session_types, **data
            )
        except DomainError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("Programme saved."))
            return redirect("programmes:cohort", programme_id=programme.pk)
    return render(request, "programmes/edit.html", {"form": form, "programme": programme})


@rules.coach
def cohort(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id)
    now = timezone.now()
    today = timezone.localdate()
    places = programme.places.select_related("athlete__user", "gift").order_by(
        "status", "waitlist_position", "created_at"
    )
    sessions = selectors.session_times(
        selectors.group_sessions(programme, after=now), programme.time_zone, limit=4
    )
    return render(
        request,
        "programmes/cohort.html",
        {
            "programme": programme,
            "members": selectors.cohort(programme, today),
            "others": places.exclude(status__in=[PlaceStatus.ACTIVE, PlaceStatus.FINISHED]),
            "gifts": places.filter(source=Source.GIFT),
            "places_left": services.places_left(programme, now),
            "next_stage": NEXT_STAGE.get(Stage(programme.stage)),
            "sessions": sessions,
            "announcements": programme.announcements.all()[:10],
            "announce_form": AnnouncementForm(),
            "free_form": FreePlaceForm(),
            "payment_choices": PaymentForm.base_fields["payment"].choices,  # type: ignore[attr-defined]
            "updates": PlanUpdate.objects.filter(
                place__programme=programme, status=UpdateStatus.PROPOSED
            ).select_related("place__athlete__user"),
            "public_url": request.build_absolute_uri(
                reverse("programmes:public", kwargs={"slug": programme.slug})
            ),
            "leaderboard": selectors.leaderboard(programme, today)
            if programme.leaderboard_enabled
            else None,
        },
    )


def _done(
    request: HttpRequest, programme: Programme, error: DomainError | None, ok: str
) -> HttpResponse:
    if error is not None:
        messages.error(request, error.message)
    else:
        messages.success(request, ok)
    return redirect("programmes:cohort", programme_id=programme.pk)


@rules.coach
@require_POST
def stage(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id, write=True)
    to = request.POST.get("to", "")
    try:
        services.advance(programme=programme, by=_user(request), to=to, today=timezone.localdate())
    except DomainError as error:
        return _done(request, programme, error, "")
    return _done(request, programme, None, str(STAGE_REACHED.get(to, "")))


@rules.coach
@require_POST
def archive(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id, write=True)
    try:
        services.archive(programme=programme, by=_user(request))
    except DomainError as error:
        return _done(request, programme, error, "")
    return _done(request, programme, None, _("Archived: its members keep their plans."))


@rules.coach
@require_POST
def delete(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id, write=True)
    try:
        services.delete_programme(programme=programme, by=_user(request))
    except DomainError as error:
        return _done(request, programme, error, "")
    messages.success(request, _("%(title)s was deleted.") % {"title": programme.title})
    return redirect("programmes:coach_list")


@rules.coach
@require_POST
def announce(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id, write=True)
    try:
        services.announce(programme=programme, by=_user(request), text=request.POST.get("text", ""))
    except DomainError as error:
        return _done(request, programme, error, "")
    return _done(request, programme, None, _("Sent to every member."))


@rules.coach
@require_POST
def free_place(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id, write=True)
    try:
        place = services.give_free_place(
            programme=programme,
            by=_user(request),
            email=request.POST.get("email", ""),
            now=timezone.now(),
        )
    except DomainError as error:
        return _done(request, programme, error, "")
    return _done(
        request,
        programme,
        None,
        _("A free place is kept for %(email)s; the link is on its way.") % {"email": place.email},
    )


@rules.coach
@require_POST
def payment(request: HttpRequest, programme_id: int, place_id: int) -> HttpResponse:
    programme = programme_for(request.user, programme_id, write=True)
    place = place_for(request.user, programme, place_id)
    try:
        services.set_payment(
            place=place, by=_user(request), payment=request.POST.get("payment", "")
        )
    except DomainError as error:
        return _done(request, programme, error, "")
    return _done(
        request, programme, None, _("Payment recorded for %(email)s.") % {"email": place.email}
    )


@rules.coach
@require_POST
def follow(request: HttpRequest, programme_id: int) -> HttpResponse:
    from django.db import transaction

    from tagalong.programmes.tasks import follow_template

    programme = programme_for(request.user, programme_id, write=True)
    user_id = request.user.pk
    transaction.on_commit(lambda: follow_template.enqueue(programme.pk, user_id))
    return _done(
        request,
        programme,
        None,
        _(
            "Members' sessions not yet done are following the template now; where a member's "
            "plan was changed, the change waits for you below."
        ),
    )


@rules.coach
@require_POST
def decide(request: HttpRequest, programme_id: int, update_id: int) -> HttpResponse:
    from django.http import Http404

    from tagalong.programmes.memberplan import decide_update

    programme = programme_for(request.user, programme_id, write=True)
    update = PlanUpdate.objects.filter(pk=update_id, place__programme=programme).first()
    if update is None:
        raise Http404("No such change")
    try:
        decide_update(
            update=update,
            by=_user(request),
            make=request.POST.get("make") == "yes",
            today=timezone.localdate(),
        )
    except DomainError as error:
        return _done(request, programme, error, "")
    return _done(request, programme, None, _("Decided."))


# --- public ------------------------------------------------------------------------------


def _public_context(request: HttpRequest, programme: Programme) -> dict[str, Any]:
    now = timezone.now()
    tz_name = selectors.visible_zone(request.GET.get("tz"), programme.time_zone)
    url = request.build_absolute_uri(reverse("programmes:public", kwargs={"slug": programme.slug}))
    return {
        "programme": programme,
        "places_left": services.places_left(programme, now),
        "tz_name": tz_name,
        "tz_given": bool(request.GET.get("tz")),
        "sessions": selectors.session_times(
            selectors.group_sessions(programme, after=now), tz_name, limit=8
        ),
        "og_url": url,
        "coach_bio": getattr(getattr(programme.coach, "coach_profile", None), "bio", ""),
    }


@rules.public
def public(request: HttpRequest, slug: str) -> HttpResponse:
    programme = public_programme(request.user, slug)
    form = SignUpForm(request.POST or None)
    user = request.user if request.user.is_authenticated else None
    place = selectors.programme_for_member(user, slug) if isinstance(user, User) else None
    if request.method == "POST":
        now = timezone.now()
        try:
            if isinstance(user, User):
                if not user.is_athlete:
                    raise DomainError(_("Only runners' accounts can join a programme."))
                athlete = AthleteProfile.objects.filter(user=user).first()
                if athlete is None:
                    raise DomainError(_("Only runners' accounts can join a programme."))
                place = services.join(programme=programme, athlete=athlete, now=now)
                if place.status == PlaceStatus.WAITLISTED:
                    messages.info(
                        request,
                        _("Every place is taken: you are number %(position)s on the waiting list.")
                        % {"position": place.waitlist_position},
                    )
                else:
                    messages.success(
                        request, _("Welcome to %(title)s.") % {"title": programme.title}
                    )
                return redirect("programmes:member", slug=programme.slug)
            if form.is_valid():
                place = services.sign_up_visitor(
                    programme=programme,
                    email=form.cleaned_data["email"],
                    now=now,
                    client=client_ip(request),
                )
                return render(
                    request,
                    "programmes/signed_up.html",
                    {**_public_context(request, programme), "place": place},
                )
        except DomainError as error:
            _add_error(form, error)
    return render(
        request,
        "programmes/public.html",
        {**_public_context(request, programme), "form": form, "place": place},
    )


@rules.public
def gift(request: HttpRequest, slug: str) -> HttpResponse:
    programme = public_programme(request.user, slug)
    form = GiftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            given = services.give_gift(
                programme=programme,
                now=timezone.now(),
                client=client_ip(request),
                **form.cleaned_data,
            )
        except DomainError as error:
            _add_error(form, error)
        else:
            return render(
                request,
                "programmes/gift_sent.html",
                {**_public_context(request, programme), "gift": given},
            )
    return render(
        request, "programmes/gift.html", {**_public_context(request, programme), "form": form}
    )


@rules.public
def claim(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    user = request.user if isinstance(request.user, User) else None
    try:
        place = services.claimable(token, now=now, user=user)
    except DomainError as error:
        return render(
            request, "programmes/claim_invalid.html", {"error": error.message}, status=410
        )
    form = None if user is not None else ClaimForm(request.POST or None)
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if form is None:
                services.claim(token=token, now=now, user=user)
            else:
                data = form.cleaned_data
                place = services.claim(
                    token=token,
                    now=now,
                    full_name=data["full_name"],
                    password=data["password"],
                    time_zone=data["time_zone"],
                    profile={k: data[k] for k in ("birth_date", "sex", "body_mass_kg")},
                )
                assert place.athlete is not None
                login(
                    request, place.athlete.user, backend="django.contrib.auth.backends.ModelBackend"
                )
        except DomainError as error:
            if form is None:
                return render(
                    request, "programmes/claim_invalid.html", {"error": error.message}, status=410
                )
            _add_error(form, error)
        else:
            messages.success(
                request, _("Your place in %(title)s is yours.") % {"title": place.programme.title}
            )
            return redirect("programmes:member", slug=place.programme.slug)
    gift_given = getattr(place, "gift", None)
    return render(
        request,
        "programmes/claim.html",
        {"place": place, "programme": place.programme, "form": form, "gift": gift_given},
    )


# --- the runner --------------------------------------------------------------------------


@rules.athlete
def mine(request: HttpRequest) -> HttpResponse:
    places = (
        AthleteProfile.objects.get(user=request.user)
        .programme_places.exclude(status=PlaceStatus.RELEASED)
        .select_related("programme")
    )
    return render(request, "programmes/mine.html", {"places": places})


@rules.athlete
def member(request: HttpRequest, slug: str) -> HttpResponse:
    place = own_place(request.user, slug)
    programme = place.programme
    athlete = place.athlete
    assert athlete is not None
    now = timezone.now()
    today = timezone.localdate()
    tz_name = athlete.time_zone
    first, last = selectors.window(place)
    sessions = selectors.session_times(
        selectors.group_sessions(programme, after=now, until=last), tz_name, limit=1
    )
    about = None
    if athlete.birth_date is None or not athlete.sex or athlete.body_mass_kg is None:
        about = AboutYouForm()
    finished = place.status == PlaceStatus.FINISHED or today > last
    read_on_page(_user(request), programme, now)  # its announcements are read: no email
    return render(
        request,
        "programmes/member.html",
        {
            "place": place,
            "programme": programme,
            "athlete": athlete,
            "steps": selectors.steps_done(place),
            "ready": selectors.ready_for_plan(place),
            "week": selectors.week_number(place, today),
            "started": today >= first,
            "first": first,
            "this_week": selectors.week_sessions(place, today),
            "next_session": sessions[0] if sessions else None,
            "join_state": sessions[0].session.join_state(now) if sessions else None,
            "announcements": programme.announcements.all()[:5],
            "about": about,
            "finished": finished,
            "summary": selectors.finisher_summary(place) if finished else None,
            "leaderboard": selectors.leaderboard(programme, today)
            if programme.leaderboard_enabled
            else None,
            "name_form": LeaderboardNameForm(initial={"show_name": place.show_name}),
            "tz_name": tz_name,
        },
    )


@rules.athlete
@require_POST
def start_plan(request: HttpRequest, slug: str) -> HttpResponse:
    from django.db import transaction

    from tagalong.programmes.tasks import make_plan

    place = own_place(request.user, slug)
    athlete = place.athlete
    assert athlete is not None
    if place.status != PlaceStatus.ACTIVE:
        messages.error(request, _("Your place is not active, so there is no plan to make yet."))
        return redirect("programmes:member", slug=slug)
    if not selectors.ready_for_plan(place):
        messages.error(
            request, _("Do the intake and the home tests first: your plan is made from them.")
        )
        return redirect("programmes:member", slug=slug)
    if athlete.birth_date is None or not athlete.sex or athlete.body_mass_kg is None:
        form = AboutYouForm(request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                messages.error(request, f"{form.fields[field].label or field}: {' '.join(errors)}")
            return redirect("programmes:member", slug=slug)
        for key, value in form.cleaned_data.items():
            setattr(athlete, key, value)
        athlete.save(update_fields=list(form.cleaned_data))
    user_id = request.user.pk
    transaction.on_commit(lambda: make_plan.enqueue(place.pk, user_id))
    messages.success(request, _("Your plan is being made from your intake and tests."))
    return redirect("programmes:member", slug=slug)


@rules.athlete
@require_POST
def leaderboard_name(request: HttpRequest, slug: str) -> HttpResponse:
    place = own_place(request.user, slug)
    services.set_leaderboard_name(place=place, show=request.POST.get("show_name") == "on")
    messages.success(request, _("Saved."))
    return redirect("programmes:member", slug=slug)
