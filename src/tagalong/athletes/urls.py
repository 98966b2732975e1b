from django.urls import path

from tagalong.athletes import consent_views, group_views, views
from tagalong.attention import views as attention_views

app_name = "athletes"

urlpatterns = [
    path("coach/athletes/", attention_views.roster, name="roster"),
    path("coach/invite/", views.invite_view, name="invite"),
    path("coach/groups/", group_views.group_list, name="groups"),
    path("coach/groups/<int:group_id>/", group_views.group_edit, name="group_edit"),
    path("coach/groups/<int:group_id>/delete/", group_views.group_delete, name="group_delete"),
    path(
        "coach/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation_view,
        name="revoke_invitation",
    ),
    path("athletes/<int:athlete_id>/", views.athlete_detail, name="detail"),
    path("athletes/<int:athlete_id>/profile/", views.edit_profile, name="edit_profile"),
    path("me/profile/", views.my_profile, name="my_profile"),
    path("me/coaches/", views.my_coaches, name="my_coaches"),
    path("me/privacy/", consent_views.privacy, name="privacy"),
    path("me/privacy/allow/", consent_views.allow, name="allow_consent"),
    path(
        "me/privacy/<int:consent_id>/withdraw/",
        consent_views.withdraw,
        name="withdraw_consent",
    ),
    path("links/<int:link_id>/end/", views.end_link_view, name="end_link"),
    path("links/<int:link_id>/sharing/", views.share_link_view, name="share_link"),
]
