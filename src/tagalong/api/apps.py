from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tagalong.api"
    label = "api"
    verbose_name = "API"
