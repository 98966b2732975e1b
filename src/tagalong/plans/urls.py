from django.urls import path

from tagalong.plans.views import (
    calendar,
    downloads,
    generate,
    plan_edits,
    plan_pages,
    proposals,
    session_edits,
    session_page,
    templates,
    workout,
)

app_name = "plans"

A = "athletes/<int:athlete_id>/"
S = A + "sessions/<int:session_id>/"
P = A + "plans/<int:plan_id>/"

urlpatterns = [
    path("me/plan/", plan_pages.my_plan, name="my_plan"),
    path(A + "plans/", plan_pages.plan_index, name="index"),
    path(A + "plans/new/", generate.generate, name="generate"),
    path(P, plan_pages.plan_detail, name="detail"),
    path(P + "print/", plan_pages.plan_print, name="print"),
    path(P + "copy-week/", plan_edits.copy_week, name="copy_week"),
    path(P + "save-template/", templates.save_template, name="save_template"),
    path(A + "calendar/", calendar.calendar, name="calendar"),
    path(S, session_page.session_detail, name="session"),
    path(S + "comments/", session_page.comment, name="comment"),
    path(S + "move/", session_edits.move, name="move"),
    path(S + "change/", session_edits.change, name="change"),
    path(S + "exercises/", session_edits.add_exercise, name="add_exercise"),
    path(S + "delete/", session_edits.delete, name="delete"),
    path(S + "workout.fit", downloads.workout_fit, name="workout_fit"),
    path(P + "sessions/new/", plan_edits.add_session, name="add_session"),
    path(S + "copy/", session_edits.copy_session, name="copy_session"),
    path(S + "workout/", workout.workout, name="workout"),
    path(S + "workout/clear/", workout.clear_workout, name="clear_workout"),
    path(A + "calendar-feed/rotate/", downloads.feed_rotate, name="feed_rotate"),
    path(A + "calendar-feed/revoke/", downloads.feed_revoke, name="feed_revoke"),
    path("feeds/plan/<str:token>.ics", downloads.feed, name="feed"),
    path("coach/plan-templates/", templates.templates, name="templates"),
    path(
        "coach/plan-templates/<int:template_id>/apply/",
        templates.apply_template,
        name="apply_template",
    ),
    path(
        "coach/plan-templates/<int:template_id>/apply-group/",
        templates.apply_template_group,
        name="apply_template_group",
    ),
    path("coach/plan-changes/", proposals.proposals, name="proposals"),
    path(A + "plan-changes/<int:proposal_id>/approve/", proposals.approve_proposal, name="approve"),
    path(A + "plan-changes/<int:proposal_id>/reject/", proposals.reject_proposal, name="reject"),
    path(A + "plan-changes/auto-apply/", proposals.auto_apply, name="auto_apply"),
]
