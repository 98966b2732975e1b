from django.urls import path

from tagalong.activities import views

app_name = "activities"

urlpatterns = [
    path("me/activities/", views.my_activities, name="mine"),
    path("athletes/<int:athlete_id>/activities/", views.activity_list, name="list"),
    path("athletes/<int:athlete_id>/activities/upload/", views.upload, name="upload"),
    path("athletes/<int:athlete_id>/activities/new/", views.manual_run, name="manual"),
    path(
        "athletes/<int:athlete_id>/activities/<int:activity_id>/",
        views.activity_detail,
        name="detail",
    ),
    path(
        "athletes/<int:athlete_id>/activities/<int:activity_id>/delete/",
        views.delete,
        name="delete",
    ),
    path("athletes/<int:athlete_id>/imports/<int:batch_id>/", views.batch_detail, name="batch"),
    path("athletes/<int:athlete_id>/trends/", views.trends, name="trends"),
    path("athletes/<int:athlete_id>/load-settings/", views.load_settings, name="load_settings"),
]
