from django.apps import AppConfig


class BookingsConfig(AppConfig):
    name = "tagalong.bookings"
    label = "bookings"
    verbose_name = "Bookings"
