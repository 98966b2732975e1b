from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tagalong.assessments"
    label = "assessments"
    verbose_name = "Assessments"
