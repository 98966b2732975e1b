from django.urls import path

from tagalong.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/read/", views.read_all, name="read_all"),
    path("notifications/<int:notification_id>/open/", views.open_one, name="open"),
]
