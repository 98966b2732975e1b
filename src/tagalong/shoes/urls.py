from django.urls import path

from tagalong.shoes import views

app_name = "shoes"

urlpatterns = [
    path("me/shoes/", views.my_shoes, name="mine"),
    path("athletes/<int:athlete_id>/shoes/", views.shoe_list, name="list"),
    path("athletes/<int:athlete_id>/shoes/new/", views.shoe_create, name="create"),
    path("athletes/<int:athlete_id>/shoes/<int:shoe_id>/edit/", views.shoe_edit, name="edit"),
    path(
        "athletes/<int:athlete_id>/shoes/<int:shoe_id>/retire/",
        views.shoe_retire,
        name="retire",
    ),
    path(
        "athletes/<int:athlete_id>/shoes/<int:shoe_id>/unretire/",
        views.shoe_unretire,
        name="unretire",
    ),
    path(
        "athletes/<int:athlete_id>/activities/<int:activity_id>/shoe/",
        views.assign_view,
        name="assign",
    ),
]
