from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "tagalong.plans"
    label = "plans"
    verbose_name = "Plans"
