from django.urls import path

from tagalong.plans import builder_views, views

app_name = "plans"

A = "athletes/<int:athlete_id>/"
S = A + "sessions/<int:session_id>/"
P = A + "plans/<int:plan_id>/"

urlpatterns = [
    path("me/plan/", views.my_plan, name="my_plan"),
    path(A + "plans/", views.plan_index, name="index"),
    path(A + "plans/new/", views.generate, name="generate"),
    path(P, views.plan_detail, name="detail"),
    path(P + "print/", views.plan_print, name="print"),
    path(P + "copy-week/", views.copy_week, name="copy_week"),
    path(P + "save-template/", views.save_template, name="save_template"),
    path(A + "calendar/", views.calendar, name="calendar"),
    path(S, views.session_detail, name="session"),
    path(S + "comments/", views.comment, name="comment"),
    path(S + "move/", views.move, name="move"),
    path(S + "change/", views.change, name="change"),
    path(S + "exercises/", views.add_exercise, name="add_exercise"),
    path(S + "delete/", views.delete, name="delete"),
    path(S + "workout.fit", views.workout_fit, name="workout_fit"),
    path(P + "sessions/new/", builder_views.add_session, name="add_session"),
    path(S + "copy/", builder_views.copy_session, name="copy_session"),
    path(S + "workout/", builder_views.workout, name="workout"),
    path(S + "workout/clear/", builder_views.clear_workout, name="clear_workout"),
    path(A + "calendar-feed/rotate/", views.feed_rotate, name="feed_rotate"),
    path(A + "calendar-feed/revoke/", views.feed_revoke, name="feed_revoke"),
    path("feeds/plan/<str:token>.ics", views.feed, name="feed"),
    path("coach/plan-templates/", views.templates, name="templates"),
    path(
        "coach/plan-templates/<int:template_id>/apply/", views.apply_template, name="apply_template"
    ),
    path(
        "coach/plan-templates/<int:template_id>/apply-group/",
        views.apply_template_group,
        name="apply_template_group",
    ),
    path("coach/plan-changes/", views.proposals, name="proposals"),
    path(A + "plan-changes/<int:proposal_id>/approve/", views.approve_proposal, name="approve"),
    path(A + "plan-changes/<int:proposal_id>/reject/", views.reject_proposal, name="reject"),
    path(A + "plan-changes/auto-apply/", views.auto_apply, name="auto_apply"),
]
