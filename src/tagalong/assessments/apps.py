from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tagalong.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from tagalong.assessments.demo import add_demo_assessments
        from tagalong.assessments.sections import build_section
        from tagalong.demo import DEMO_EXTENSIONS
        from tagalong.web.navigation import register
        from tagalong.web.sections import register as register_section

        register(
            "Exercises", "assessments:exercises", roles={"coach", "athlete", "staff"}, order=60
        )
        register_section(
            "assessments", template="assessments/_section.html", build=build_section, order=30
        )
        if add_demo_assessments not in DEMO_EXTENSIONS:
            DEMO_EXTENSIONS.append(add_demo_assessments)
        self._register_periodic_jobs()

    def _register_periodic_jobs(self) -> None:
        from datetime import timedelta

        from tagalong.assessments.tasks import send_retest_reminders
        from tagalong.notifications.periodic import register

        register(
            "assessments.retest_reminders", every=timedelta(days=1), task=send_retest_reminders
        )
