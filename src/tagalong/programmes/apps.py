from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "tagalong.programmes"
    label = "programmes"
    verbose_name = "Programmes"

    def ready(self) -> None:
        from datetime import timedelta

        from django.db.models.signals import post_save

        from tagalong import demo
        from tagalong.bookings.models import Session
        from tagalong.dataexport import erasure
        from tagalong.messaging import extras
        from tagalong.notifications.periodic import register
        from tagalong.plans.models import Template
        from tagalong.programmes import hooks
        from tagalong.programmes.announcements import inbox_items
        from tagalong.programmes.demo import add_demo_programme
        from tagalong.programmes.erasure import erase_coach_programmes
        from tagalong.programmes.tasks import email_announcements, move_stages
        from tagalong.web import navigation

        extras.register("programmes.announcements", inbox_items)
        post_save.connect(hooks.template_saved, sender=Template, dispatch_uid="programmes.tpl")
        post_save.connect(hooks.session_saved, sender=Session, dispatch_uid="programmes.seat")
        navigation.register("Programmes", "programmes:coach_list", roles={"coach"}, order=45)
        navigation.register("Programmes", "programmes:mine", roles={"athlete"}, order=25)
        register("programmes.stages", every=timedelta(hours=1), task=move_stages)
        register(
            "programmes.announcement_email", every=timedelta(minutes=1), task=email_announcements
        )
        if add_demo_programme not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_programme)
        erasure.register_eraser("programmes.coach", erase_coach_programmes)
        from tagalong.dataexport import registry
        from tagalong.programmes.export import write_programmes

        registry.register("programmes", title="Programmes", write=write_programmes, order=108)
