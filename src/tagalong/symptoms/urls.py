from django.urls import path

from tagalong.symptoms import views

app_name = "symptoms"

urlpatterns = [
    path("me/symptoms/", views.my_symptoms, name="mine"),
    path("athletes/<int:athlete_id>/symptoms/", views.history_view, name="history"),
    path("athletes/<int:athlete_id>/symptoms/new/", views.log_view, name="log"),
]
