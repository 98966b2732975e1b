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
