from datetime import timedelta

from django.apps import AppConfig

TIDY_EVERY = timedelta(hours=1)
DELETIONS_EVERY = timedelta(minutes=15)


class DataExportConfig(AppConfig):
    name = "tagalong.dataexport"
    label = "dataexport"
    verbose_name = "Data export and deletion"

    def ready(self) -> None:
        from tagalong.dataexport import erasure, registry
        from tagalong.dataexport.areas import BUILT_IN
        from tagalong.dataexport.sections import export_section
        from tagalong.dataexport.tasks import carry_out_deletions, tidy_exports
        from tagalong.notifications import periodic
        from tagalong.web import sections

        for order, (key, title, write) in enumerate(BUILT_IN):
            registry.register(key, title=title, write=write, order=order * 10)
        erasure.register_eraser("activities.files", erasure.erase_activity_files)
        erasure.register_eraser("dataexport.files", erasure.erase_export_files)
        erasure.register_eraser("accounts.invitations", erasure.erase_invitations)
        erasure.register_eraser("bookings.sessions", erasure.erase_coach_sessions)
        sections.register(
            "dataexport.export", template="dataexport/_section.html", build=export_section, order=95
        )
        periodic.register("dataexport.tidy", every=TIDY_EVERY, task=tidy_exports)
        periodic.register("dataexport.deletions", every=DELETIONS_EVERY, task=carry_out_deletions)
