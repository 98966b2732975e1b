from datetime import timedelta

from django.apps import AppConfig

REMINDER_EVERY = timedelta(minutes=5)


class BookingsConfig(AppConfig):
    name = "tagalong.bookings"
    label = "bookings"
    verbose_name = "Bookings"

    def ready(self) -> None:
        from tagalong import demo
        from tagalong.bookings.demo import add_demo_bookings
        from tagalong.bookings.sections import session_advice, upcoming_sessions
        from tagalong.bookings.tasks import send_reminders_now
        from tagalong.notifications import periodic
        from tagalong.web import navigation, sections

        navigation.register("Sessions", "bookings:coach_sessions", roles={"coach"}, order=20)
        navigation.register("Sessions", "bookings:mine", roles={"athlete"}, order=50)
        sections.register(
            "bookings.upcoming",
            template="bookings/_upcoming_section.html",
            build=upcoming_sessions,
            order=55,
        )
        sections.register(
            "bookings.advice",
            template="bookings/_advice_section.html",
            build=session_advice,
            order=60,
        )
        periodic.register("bookings.reminders", every=REMINDER_EVERY, task=send_reminders_now)
        if add_demo_bookings not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_bookings)
