from django.urls import path

from tagalong.bookings import coach_views, feed_views, runner_views, session_views

app_name = "bookings"

T = "coach/session-types/<int:type_id>/"
S = "sessions/<int:session_id>/"
B = "bookings/<int:booking_id>/"

urlpatterns = [
    # the coach
    path("coach/sessions/", coach_views.coach_sessions, name="coach_sessions"),
    path("coach/availability/", coach_views.availability, name="availability"),
    path("coach/availability/dates/", coach_views.exception_add, name="exception_add"),
    path(
        "coach/availability/dates/<int:exception_id>/remove/",
        coach_views.exception_remove,
        name="exception_remove",
    ),
    path("coach/session-types/", coach_views.session_types, name="types"),
    path("coach/session-types/new/", coach_views.type_create, name="type_create"),
    path(T, coach_views.type_edit, name="type_edit"),
    path(T + "archive/", coach_views.type_archive, name="type_archive"),
    path(T + "restore/", coach_views.type_restore, name="type_restore"),
    path(T + "new-link/", coach_views.type_new_link, name="type_new_link"),
    path("coach/classes/new/", coach_views.class_create, name="class_create"),
    # one session, for the coach and the runner
    path(S, session_views.session_detail, name="session"),
    path(S + "cancel/", session_views.session_cancel, name="session_cancel"),
    path(S + "notes/<int:athlete_id>/", session_views.note, name="note"),
    path(B + "attendance/", session_views.attendance, name="attendance"),
    path(B, session_views.booking_detail, name="booking"),
    # the runner
    path("book/", runner_views.book_index, name="book"),
    path("book/<int:type_id>/", runner_views.book_type, name="book_type"),
    path("book/link/<str:token>/", runner_views.booking_link, name="link"),
    path("me/sessions/", runner_views.my_bookings, name="mine"),
    path(B + "cancel/", runner_views.cancel, name="cancel"),
    path(B + "reschedule/", runner_views.reschedule, name="reschedule"),
    # the private calendar
    path("me/session-calendar/", feed_views.feed_page, name="feed_page"),
    path("me/session-calendar/renew/", feed_views.feed_rotate, name="feed_rotate"),
    path("me/session-calendar/turn-off/", feed_views.feed_revoke, name="feed_revoke"),
    path("feeds/sessions/<str:token>.ics", feed_views.feed, name="feed"),
]
