from django.urls import path

from tagalong.assessments import views

app_name = "assessments"

urlpatterns = [
    path("athletes/<int:athlete_id>/intake/", views.intake, name="intake"),
    path("athletes/<int:athlete_id>/tests/", views.tests, name="tests"),
    path("athletes/<int:athlete_id>/calf-check/", views.calf_check, name="calf_check"),
    path(
        "athletes/<int:athlete_id>/calf-check/<int:run_id>/note/",
        views.calf_check_note,
        name="calf_check_note",
    ),
    path("exercises/", views.exercise_list, name="exercises"),
    path("exercises/custom/new/", views.custom_exercise_new, name="custom_exercise_new"),
    path(
        "exercises/custom/<int:exercise_id>/",
        views.custom_exercise_detail,
        name="custom_exercise",
    ),
    path(
        "exercises/custom/<int:exercise_id>/edit/",
        views.custom_exercise_edit,
        name="custom_exercise_edit",
    ),
    path(
        "exercises/custom/<int:exercise_id>/delete/",
        views.custom_exercise_delete,
        name="custom_exercise_delete",
    ),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("calf-check/", views.self_check, name="self_check"),
]
