from django.urls import path

from tagalong.programmes import views

app_name = "programmes"

C = "coach/programmes/<int:programme_id>/"
M = "me/programmes/<slug:slug>/"

urlpatterns = [
    path("coach/programmes/", views.coach_list, name="coach_list"),
    path("coach/programmes/new/", views.create, name="create"),
    path(C, views.cohort, name="cohort"),
    path(C + "edit/", views.edit, name="edit"),
    path(C + "stage/", views.stage, name="stage"),
    path(C + "archive/", views.archive, name="archive"),
    path(C + "delete/", views.delete, name="delete"),
    path(C + "announce/", views.announce, name="announce"),
    path(C + "free-place/", views.free_place, name="free_place"),
    path(C + "places/<int:place_id>/payment/", views.payment, name="payment"),
    path(C + "follow-template/", views.follow, name="follow_template"),
    path(C + "changes/<int:update_id>/", views.decide, name="decide"),
    path("p/<slug:slug>/", views.public, name="public"),
    path("p/<slug:slug>/gift/", views.gift, name="gift"),
    path("claim/<str:token>/", views.claim, name="claim"),
    path("me/programmes/", views.mine, name="mine"),
    path(M, views.member, name="member"),
    path(M + "plan/", views.start_plan, name="start_plan"),
    path(M + "leaderboard-name/", views.leaderboard_name, name="leaderboard_name"),
]
