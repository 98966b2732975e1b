from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tagalong.audit"
    label = "audit"
    verbose_name = "Audit log"
