from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "tagalong.activities"
    label = "activities"
    verbose_name = "Activities"
