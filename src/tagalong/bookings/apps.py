from django.apps import AppConfig


class BookingsConfig(AppConfig):
    name = "tagalong.bookings"
    label = "bookings"
    verbose_name = "Bookings"

    def ready(self) -> None:
        from tagalong.bookings.sections import session_advice
        from tagalong.web.sections import register

        register(
            "bookings.advice",
            template="bookings/_advice_section.html",
            build=session_advice,
            order=60,
        )
