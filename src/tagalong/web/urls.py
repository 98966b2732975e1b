from django.urls import path

from tagalong.web import pwa, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("me/first-steps/hide/", views.dismiss_checklist_view, name="dismiss_checklist"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("offline/", pwa.offline, name="offline"),
    path("me/today/", pwa.today, name="today"),
]
