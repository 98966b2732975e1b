from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "tagalong.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        from tagalong import demo
        from tagalong.plans.demo import add_demo_plans
        from tagalong.plans.sections import this_week
        from tagalong.web import navigation, sections

        navigation.register("Plan", "plans:my_plan", roles={"athlete"}, order=20)
        navigation.register("Plan templates", "plans:templates", roles={"coach"}, order=40)
        sections.register(
            "plans.this_week", template="plans/_this_week.html", build=this_week, order=20
        )
        if add_demo_plans not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_plans)
