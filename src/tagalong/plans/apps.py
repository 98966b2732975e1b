from datetime import timedelta

from django.apps import AppConfig

NIGHTLY = timedelta(days=1)


class PlansConfig(AppConfig):
    name = "tagalong.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        from tagalong import demo
        from tagalong.notifications.periodic import register
        from tagalong.plans.demo import add_demo_plans
        from tagalong.plans.sections import this_week
        from tagalong.plans.tasks import nightly_plan_review
        from tagalong.web import navigation, sections

        navigation.register("Plan", "plans:my_plan", roles={"athlete"}, order=20)
        navigation.register("Plan templates", "plans:templates", roles={"coach"}, order=40)
        navigation.register("Plan changes", "plans:proposals", roles={"coach"}, order=41)
        sections.register(
            "plans.this_week", template="plans/_this_week.html", build=this_week, order=20
        )
        register("plans.nightly_review", every=NIGHTLY, task=nightly_plan_review)
        if add_demo_plans not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_plans)
