from django.urls import path

from tagalong.dataexport import views

app_name = "dataexport"

urlpatterns = [
    path("settings/data/", views.mine, name="mine"),
    path("athletes/<int:athlete_id>/export/", views.ask_export, name="ask_export"),
    path("exports/<int:export_id>/", views.export_page, name="export"),
    path("exports/<int:export_id>/download/", views.download, name="download"),
    path("settings/data/delete/", views.ask_deletion, name="ask_deletion"),
    path("settings/data/delete/cancel/", views.cancel_deletion, name="cancel_deletion"),
    path("settings/data/delete/<str:token>/", views.confirm_deletion, name="confirm_deletion"),
]
