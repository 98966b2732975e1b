from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest


class SyncConfig(AppConfig):
    name = "tagalong.sync"
    label = "sync"
    verbose_name = "intervals.icu sync"

    def ready(self) -> None:
        from datetime import timedelta

        from django.conf import settings
        from django.db.models.signals import post_save

        from tagalong.activities.models import ImportBatch
        from tagalong.attention.registry import register as register_signal
        from tagalong.dataexport import registry as export_registry
        from tagalong.notifications.periodic import register as register_job
        from tagalong.plans.models import Plan, PlanVersion
        from tagalong.sync import signals
        from tagalong.sync.export import write_sync
        from tagalong.sync.tasks import resume_stalled_syncs, settle_imports, sync_due
        from tagalong.web import sections

        register_job("sync.due", every=timedelta(minutes=1), task=sync_due)
        # Every half lease (at least 30 s), like the imports' sweep.
        sweep = timedelta(seconds=max(30, settings.SYNC_LEASE_S // 2))
        register_job("sync.resume_stalled", every=sweep, task=resume_stalled_syncs)
        register_job("sync.settle_imports", every=timedelta(minutes=1), task=settle_imports)
        register_signal("sync_broken", signals.broken_connection)
        export_registry.register("sync", title="intervals.icu sync", write=write_sync, order=95)
        sections.register("sync", template="sync/_section.html", build=_section, order=45)
        post_save.connect(signals.plan_changed, sender=PlanVersion, dispatch_uid="sync.version")
        post_save.connect(signals.plan_changed, sender=Plan, dispatch_uid="sync.plan")
        post_save.connect(signals.import_finished, sender=ImportBatch, dispatch_uid="sync.import")


def _section(request: HttpRequest, athlete: Any) -> dict[str, Any] | None:
    from tagalong.sync.selectors import section_context

    return section_context(request.user, athlete)
