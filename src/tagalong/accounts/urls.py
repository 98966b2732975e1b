from django.urls import path

from tagalong.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("password/reset/", views.password_reset, name="password_reset"),
    path("password/reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password/reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("password/change/", views.password_change, name="password_change"),
    path("settings/", views.settings_view, name="settings"),
    path("settings/tokens/", views.create_token_view, name="create_token"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke_token_view, name="revoke_token"),
    path("settings/units/", views.units_view, name="units"),
    path("settings/language/", views.language_view, name="language"),
    path("settings/practice/", views.practice_view, name="practice"),
    path("settings/notifications/", views.notifications_choice_view, name="notifications"),
]
