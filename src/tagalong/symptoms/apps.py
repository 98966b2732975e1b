from django.apps import AppConfig


class SymptomsConfig(AppConfig):
    name = "tagalong.symptoms"
    label = "symptoms"
    verbose_name = "Symptoms"
