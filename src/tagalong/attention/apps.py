from django.apps import AppConfig, apps


class AttentionConfig(AppConfig):
    name = "tagalong.attention"
    label = "attention"
    verbose_name = "Attention queue"

    def ready(self) -> None:
        from datetime import timedelta

        from tagalong.attention.demo import add_demo_attention
        from tagalong.attention.sections import build_section
        from tagalong.attention.sources import register_built_in
        from tagalong.attention.tasks import refresh_all, send_weekly_digests
        from tagalong.demo import DEMO_EXTENSIONS
        from tagalong.notifications.periodic import register as register_job
        from tagalong.web.sections import register as register_section

        register_built_in()
        if apps.is_installed("tagalong.messaging"):
            from tagalong.attention.messaging_source import register_messaging

            register_messaging()
        register_section(
            "attention", template="attention/_section.html", build=build_section, order=5
        )
        register_job("attention.nightly_refresh", every=timedelta(days=1), task=refresh_all)
        # Hourly: each coach's digest goes out in the first hour of Monday on their clock.
        register_job("attention.weekly_digest", every=timedelta(hours=1), task=send_weekly_digests)
        if add_demo_attention not in DEMO_EXTENSIONS:
            DEMO_EXTENSIONS.append(add_demo_attention)
