from django.apps import AppConfig


class AthletesConfig(AppConfig):
    name = "tagalong.athletes"
    label = "athletes"
    verbose_name = "Athletes"

    def ready(self) -> None:
        from tagalong.web.navigation import register

        register("Athletes", "athletes:roster", roles={"coach", "staff"}, order=10)
        register("Invite", "athletes:invite", roles={"coach"}, order=11)
        register("Groups", "athletes:groups", roles={"coach"}, order=12)
        register("My profile", "athletes:my_profile", roles={"athlete"}, order=10)
        register("My coaches", "athletes:my_coaches", roles={"athlete"}, order=80)
