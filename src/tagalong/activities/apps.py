from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "tagalong.activities"
    label = "activities"
    verbose_name = "Activities"

    def ready(self) -> None:
        from tagalong import demo
        from tagalong.activities.demo import add_demo_activities
        from tagalong.activities.sections import build_section
        from tagalong.web import navigation, sections

        navigation.register("Activities", "activities:mine", roles={"athlete"}, order=20)
        sections.register(
            "activities", template="activities/_section.html", build=build_section, order=30
        )
        if add_demo_activities not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_activities)
        self._register_periodic_jobs()

    def _register_periodic_jobs(self) -> None:
        from datetime import timedelta

        from tagalong.activities.leases import lease_length
        from tagalong.activities.tasks import resume_stalled_imports
        from tagalong.notifications.periodic import register

        every = max(lease_length() / 2, timedelta(seconds=30))
        register("activities.resume_stalled_imports", every=every, task=resume_stalled_imports)
