from django.urls import path

from tagalong.sync import views

app_name = "sync"

urlpatterns = [
    path("me/sync/", views.my_sync, name="mine"),
    path("athletes/<int:athlete_id>/sync/", views.sync_page, name="page"),
    path("athletes/<int:athlete_id>/sync/connect/", views.connect_view, name="connect"),
    path("athletes/<int:athlete_id>/sync/disconnect/", views.disconnect_view, name="disconnect"),
    path("athletes/<int:athlete_id>/sync/now/", views.sync_now_view, name="now"),
]
