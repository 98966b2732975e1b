from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "tagalong.notifications"
    label = "notifications"
    verbose_name = "Notifications"
