from django.urls import path

from tagalong.attention import athlete_views, views

app_name = "attention"

A = "athletes/<int:athlete_id>/attention/"

urlpatterns = [
    path("coach/athletes/export.csv", views.export_csv, name="export"),
    path("coach/athletes/message/", views.bulk_message, name="bulk_message"),
    path(A, athlete_views.athlete_attention, name="athlete"),
    path(A + "<int:signal_id>/acknowledge/", athlete_views.acknowledge, name="acknowledge"),
    path(A + "<int:signal_id>/snooze/", athlete_views.snooze, name="snooze"),
    path(A + "availability/", athlete_views.add_marker, name="add_marker"),
    path(
        A + "availability/<int:marker_id>/delete/",
        athlete_views.remove_marker,
        name="remove_marker",
    ),
    path(A + "settings/", athlete_views.settings_view, name="settings"),
    path(A + "red-flag/clear/", athlete_views.clear_flag, name="clear_red_flag"),
]
