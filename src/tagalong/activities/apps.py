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
