"""The one place that decides who may see and change what.

Every view and API operation asks here. Outsiders get 404 (the object's existence is not
revealed); people who may look but not change get 403.

- athlete: their own record, read and write;
- coach: athletes linked to them (read and write); a practice colleague of the athlete's coach
  reads the record only when the coach shares the link with the practice AND the athlete has
  allowed that colleague (or everyone at the practice): ``PracticeConsent``. Without it the
  colleague is a stranger (404);
- staff: everything, read only outside the admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from tagalong.accounts.models import Practice, Role, User
from tagalong.athletes.models import AthleteGroup, AthleteProfile, CoachingLink, PracticeConsent
from tagalong.errors import DomainError

if TYPE_CHECKING:
    from tagalong.assessments.models import CustomExercise
    from tagalong.dataexport.models import DataExport
    from tagalong.messaging.models import Thread
    from tagalong.programmes.models import Place, Programme

AnyUser = User | AnonymousUser


class Access(Enum):
    NONE = 0
    READ = 1
    WRITE = 2


def access_to_athlete(user: AnyUser, athlete: AthleteProfile) -> Access:
    if not user.is_authenticated or not user.is_active:
        return Access.NONE
    assert isinstance(user, User)
    if athlete.user_id == user.pk:
        return Access.WRITE
    if user.is_coach:
        links = CoachingLink.objects.active().filter(athlete=athlete)
        if links.filter(coach=user).exists():
            return Access.WRITE
        practice_id = _practice_id(user)
        if (
            practice_id
            and links.filter(practice_id=practice_id, shared_with_practice=True).exists()
            and _consents_for(user, practice_id).filter(athlete=athlete).exists()
        ):
            return Access.READ
    if user.is_platform_staff:
        return Access.READ
    return Access.NONE


def visible_athletes(user: AnyUser) -> QuerySet[AthleteProfile]:
    """The athletes this user may see: the roster for a coach, oneself for an athlete."""
    everyone = AthleteProfile.objects.select_related("user")
    if not user.is_authenticated:
        return everyone.none()
    assert isinstance(user, User)
    if user.is_platform_staff:
        return everyone.all()
    if user.is_coach:
        practice_id = _practice_id(user)
        own = Q(links__coach=user, links__ended_at__isnull=True)
        if not practice_id:
            return everyone.filter(own).distinct()
        shared = Q(
            links__practice_id=practice_id,
            links__shared_with_practice=True,
            links__ended_at__isnull=True,
            pk__in=_consents_for(user, practice_id).values("athlete_id"),
        )
        return everyone.filter(own | shared).distinct()
    return everyone.filter(user=user)


def athlete_for(user: AnyUser, athlete_id: int, *, write: bool = False) -> AthleteProfile:
    """Fetch an athlete for this user: 404 to outsiders, 403 to read-only viewers on writes."""
    athlete = AthleteProfile.objects.select_related("user").filter(pk=athlete_id).first()
    if athlete is None:
        raise Http404("No such athlete")
    level = access_to_athlete(user, athlete)
    if level is Access.NONE:
        raise Http404("No such athlete")
    if write and level is not Access.WRITE:
        raise PermissionDenied("You may view this athlete but not change their record.")
    return athlete


def own_athlete_profile(user: AnyUser) -> AthleteProfile:
    if not user.is_authenticated:
        raise PermissionDenied("Sign in first.")
    assert isinstance(user, User)
    profile = AthleteProfile.objects.filter(user=user).first()
    if profile is None:
        raise PermissionDenied("Only athletes have this page.")
    return profile


def link_for(user: AnyUser, link_id: int) -> CoachingLink:
    """A coaching link either party may end; anyone else gets 404."""
    link = CoachingLink.objects.select_related("athlete__user", "coach").filter(pk=link_id).first()
    if link is None or not user.is_authenticated:
        raise Http404("No such link")
    if user.pk not in (link.coach_id, link.athlete.user_id):
        raise Http404("No such link")
    return link


def require_coach(user: AnyUser) -> User:
    if not user.is_authenticated:
        raise PermissionDenied("Sign in first.")
    assert isinstance(user, User)
    if not user.is_coach:
        raise PermissionDenied("Only coaches can do this.")
    return user


def _practice_id(user: User) -> int | None:
    profile = getattr(user, "coach_profile", None)
    return profile.practice_id if profile is not None else None


def _consents_for(colleague: User, practice_id: int) -> QuerySet[PracticeConsent]:
    """The permissions runners gave this coach, by name or to their whole practice."""
    return PracticeConsent.objects.filter(practice_id=practice_id).filter(
        Q(colleague__isnull=True) | Q(colleague=colleague)
    )


def group_for(user: AnyUser, group_id: int) -> AthleteGroup:
    """A coach's athlete group: only its coach sees or changes it; anyone else gets 404."""
    group = AthleteGroup.objects.filter(pk=group_id).first()
    if group is None or not user.is_authenticated or group.coach_id != user.pk:
        raise Http404("No such group")
    return group


# --- Coach-authored exercises (tagalong.assessments.CustomExercise) ---------------------------
# The author reads and writes; the other coaches of the practice and staff read; an athlete
# reads one only where it is used: in a session of their plans, with a coach of that practice.


def access_to_custom_exercise(user: AnyUser, exercise: CustomExercise) -> Access:
    if not user.is_authenticated or not user.is_active:
        return Access.NONE
    assert isinstance(user, User)
    if exercise.author_id == user.pk:
        return Access.WRITE
    if user.is_coach and _practice_id(user) == exercise.practice_id:
        return Access.READ
    if user.is_platform_staff:
        return Access.READ
    if exercise.slug in _custom_slugs_in_plans_of(user, exercise.practice_id):
        return Access.READ
    return Access.NONE


def custom_exercise_for(user: AnyUser, exercise_id: int, *, write: bool = False) -> CustomExercise:
    """404 to those who may not see it, 403 to readers on writes (colleagues, staff)."""
    from tagalong.assessments.models import CustomExercise

    if not 0 < exercise_id < 2**63:  # the database cannot hold the id: it does not exist
        raise Http404("No such exercise")
    exercise = CustomExercise.objects.select_related("author").filter(pk=exercise_id).first()
    level = Access.NONE if exercise is None else access_to_custom_exercise(user, exercise)
    if exercise is None or level is Access.NONE:
        raise Http404("No such exercise")
    if write and level is not Access.WRITE:
        raise PermissionDenied("Only its author can change this exercise.")
    return exercise


def visible_custom_exercises(user: AnyUser) -> QuerySet[CustomExercise]:
    from tagalong.assessments.models import CustomExercise, custom_id

    everyone = CustomExercise.objects.select_related("author")
    if not user.is_authenticated or not user.is_active:
        return everyone.none()
    assert isinstance(user, User)
    if user.is_platform_staff:
        return everyone.all()
    if user.is_coach:
        return everyone.filter(practice_id=_practice_id(user))
    ids = [custom_id(slug) for slug in _custom_slugs_in_plans_of(user, None)]
    practices = CoachingLink.objects.active().filter(athlete__user=user).values("practice_id")
    return everyone.filter(pk__in=ids, practice_id__in=practices)


def _custom_slugs_in_plans_of(user: User, practice_id: int | None) -> set[str]:
    """Custom slugs in the sessions of the user's plans, while they have an active coaching
    link in ``practice_id`` (any practice when None; the caller then filters)."""
    from tagalong.assessments.models import custom_id
    from tagalong.plans.models import PlanSession

    links = CoachingLink.objects.active().filter(athlete__user=user)
    if practice_id is not None and not links.filter(practice_id=practice_id).exists():
        return set()
    slugs: set[str] = set()
    for items in PlanSession.objects.filter(plan__athlete__user=user).values_list(
        "exercises", flat=True
    ):
        for item in items if isinstance(items, list) else []:
            slug = item.get("slug") if isinstance(item, dict) else None
            if isinstance(slug, str) and custom_id(slug) is not None:
                slugs.add(slug)
    return slugs


# --- Message threads (tagalong.messaging.Thread) ---------------------------------------------
# The thread's athlete and coach read and write; other coaches who may see the athlete's record
# (practice colleagues on a shared link, the athlete's other coaches) read. Staff read nothing:
# a conversation is not a record to audit from outside.


def access_to_thread(user: AnyUser, thread: Thread) -> Access:
    if not user.is_authenticated or not user.is_active:
        return Access.NONE
    assert isinstance(user, User)
    athlete = thread.athlete
    if athlete is not None and athlete.user_id == user.pk:
        return Access.WRITE
    if not user.is_coach:
        return Access.NONE
    if thread.coach_id == user.pk:
        return Access.WRITE
    if athlete is not None and access_to_athlete(user, athlete) is not Access.NONE:
        return Access.READ
    return Access.NONE


def thread_for(user: AnyUser, thread_id: int, *, write: bool = False) -> Thread:
    """404 to those outside the thread, 403 to colleagues who may only read it on writes."""
    from tagalong.messaging.models import Thread

    if not 0 < thread_id < 2**63:
        raise Http404("No such conversation")
    thread = (
        Thread.objects.select_related("athlete__user", "coach", "practice")
        .filter(pk=thread_id)
        .first()
    )
    level = Access.NONE if thread is None else access_to_thread(user, thread)
    if thread is None or level is Access.NONE:
        raise Http404("No such conversation")
    if write and level is not Access.WRITE:
        raise PermissionDenied("Only the runner and their coach write in this conversation.")
    return thread


def visible_threads(user: AnyUser) -> QuerySet[Thread]:
    from tagalong.messaging.models import Thread

    everyone = Thread.objects.select_related("athlete__user", "coach")
    if not user.is_authenticated or not user.is_active:
        return everyone.none()
    assert isinstance(user, User)
    if user.is_coach:
        return everyone.filter(Q(coach=user) | Q(athlete__in=visible_athletes(user).values("pk")))
    if user.is_platform_staff:
        return everyone.none()
    return everyone.filter(athlete__user=user)


# --- Data exports (tagalong.dataexport.DataExport) ------------------------------------------
# An archive holds the whole record: only the athlete it is about and the person who asked
# for it (their coach) may see or download it.


def export_for(user: AnyUser, export_id: int) -> DataExport:
    from tagalong.dataexport.models import DataExport

    if not user.is_authenticated or not 0 < export_id < 2**63:
        raise Http404("No such export")
    export = (
        DataExport.objects.select_related("athlete__user", "requested_by")
        .filter(pk=export_id)
        .first()
    )
    if export is None or user.pk not in (export.athlete.user_id, export.requested_by_id):
        raise Http404("No such export")
    return export


# --- Consent inside a practice: who can see a runner's record, as the runner is shown it -----
# Computed from the same rules as access_to_athlete (a test checks the two agree for every
# colleague): a coach by link reads and changes; a colleague of the practice reads when a
# coach shares the link with the practice and the runner allowed them (by name or everyone).


@dataclass(frozen=True)
class ColleagueView:
    person: User
    named: PracticeConsent | None  # the runner's permission for this person by name
    sees: bool


@dataclass(frozen=True)
class PracticeView:
    practice: Practice
    coaches: list[User]  # linked to the runner: read and change
    shared: bool  # a coach shares the link with the practice
    everyone: PracticeConsent | None  # the runner's permission for the whole practice
    colleagues: list[ColleagueView]


def who_can_see(athlete: AthleteProfile) -> list[PracticeView]:
    links = list(
        CoachingLink.objects.active().filter(athlete=athlete).select_related("coach", "practice")
    )
    consents = list(PracticeConsent.objects.filter(athlete=athlete))
    views: list[PracticeView] = []
    for practice in {link.practice_id: link.practice for link in links}.values():
        here = [link for link in links if link.practice_id == practice.pk]
        coaches = sorted({link.coach for link in here}, key=lambda c: c.full_name)
        shared = any(link.shared_with_practice for link in here)
        mine = [c for c in consents if c.practice_id == practice.pk]
        everyone = next((c for c in mine if c.colleague_id is None), None)
        named = {c.colleague_id: c for c in mine if c.colleague_id is not None}
        others = (
            User.objects.filter(coach_profile__practice=practice, role=Role.COACH, is_active=True)
            .exclude(pk__in=[c.pk for c in coaches])
            .order_by("full_name", "pk")
        )
        colleagues = [
            ColleagueView(
                person=person,
                named=named.get(person.pk),
                sees=shared and (everyone is not None or person.pk in named),
            )
            for person in others
        ]
        views.append(PracticeView(practice, coaches, shared, everyone, colleagues))
    return views


def consent_colleague_for(user: AnyUser, colleague_id: int) -> tuple[AthleteProfile, User]:
    """A colleague the runner may allow: a coach at a practice where one of the runner's
    coaches works, who is not already their coach. Anyone else answers as no such person."""
    athlete = own_athlete_profile(user)
    if not 0 < colleague_id < 2**63:
        raise Http404("No such colleague")
    practices = CoachingLink.objects.active().filter(athlete=athlete).values("practice_id")
    colleague = (
        User.objects.filter(
            pk=colleague_id,
            role=Role.COACH,
            is_active=True,
            coach_profile__practice_id__in=practices,
        )
        .select_related("coach_profile__practice")
        .first()
    )
    if colleague is None:
        raise Http404("No such colleague")
    if CoachingLink.objects.active().filter(athlete=athlete, coach=colleague).exists():
        raise DomainError(
            gettext("%(full_name)s is your coach and already sees your record.")
            % {"full_name": colleague.full_name},
            field="colleague_id",
        )
    return athlete, colleague


def consent_practice_for(user: AnyUser, practice_id: int) -> tuple[AthleteProfile, Practice]:
    """A practice where one of the runner's coaches works; any other answers as none."""
    athlete = own_athlete_profile(user)
    if not 0 < practice_id < 2**63:
        raise Http404("No such practice")
    link = (
        CoachingLink.objects.active()
        .filter(athlete=athlete, practice_id=practice_id)
        .select_related("practice")
        .first()
    )
    if link is None:
        raise Http404("No such practice")
    return athlete, link.practice


def consent_for(user: AnyUser, consent_id: int) -> PracticeConsent:
    """A permission the runner gave; only they may see or withdraw it."""
    athlete = own_athlete_profile(user)
    if not 0 < consent_id < 2**63:
        raise Http404("No such permission")
    consent = (
        PracticeConsent.objects.select_related("practice", "colleague")
        .filter(pk=consent_id, athlete=athlete)
        .first()
    )
    if consent is None:
        raise Http404("No such permission")
    return consent


# --- Programmes (tagalong.programmes) ---------------------------------------------------------
# Its coach reads and writes a programme and its places; staff read; everyone else gets 404.
# The public page shows published, running and finished programmes to anyone (a draft only to
# its coach); a member reads their own place.


def programme_for(user: AnyUser, programme_id: int, *, write: bool = False) -> Programme:
    from tagalong.programmes.models import Programme

    if not 0 < programme_id < 2**63:
        raise Http404("No such programme")
    programme = (
        Programme.objects.select_related("coach", "template").filter(pk=programme_id).first()
    )
    if programme is None or not user.is_authenticated or not user.is_active:
        raise Http404("No such programme")
    assert isinstance(user, User)
    if programme.coach_id == user.pk:
        return programme
    if user.is_platform_staff and not write:
        return programme
    raise Http404("No such programme")


def public_programme(user: AnyUser, slug: str) -> Programme:
    from tagalong.programmes.models import Programme
    from tagalong.programmes.selectors import PUBLIC_STAGES

    programme = Programme.objects.select_related("coach", "practice").filter(slug=slug).first()
    if programme is None:
        raise Http404("No such programme")
    if programme.stage not in PUBLIC_STAGES and programme.coach_id != user.pk:
        raise Http404("No such programme")
    return programme


def place_for(user: AnyUser, programme: Programme, place_id: int) -> Place:
    """A place in ``programme`` the caller may change: its coach only (the programme was
    already fetched with ``programme_for(..., write=True)``)."""
    from tagalong.programmes.models import Place

    if not 0 < place_id < 2**63 or programme.coach_id != user.pk:
        raise Http404("No such place")
    place = Place.objects.filter(pk=place_id, programme=programme).first()
    if place is None:
        raise Http404("No such place")
    return place


def own_place(user: AnyUser, slug: str) -> Place:
    """The signed-in runner's place in the programme ``slug``; 404 for anyone else."""
    from tagalong.programmes.selectors import programme_for_member

    place = programme_for_member(user, slug) if isinstance(user, User) else None
    if place is None:
        raise Http404("No such programme")
    return place
