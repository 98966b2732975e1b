from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tagalong.web"
    label = "web"
    verbose_name = "Web pages"

    def ready(self) -> None:
        from tagalong import wording
        from tagalong.web.navigation import register
        from tagalong.web.phrases import translate

        wording.install(translate)

        register("Home", "web:home", roles={"coach", "athlete", "staff"}, order=0)
        register("Settings", "accounts:settings", roles={"coach", "athlete", "staff"}, order=90)
        register("Admin", "admin:index", roles={"staff"}, order=95)
