from django.apps import AppConfig


class ShoesConfig(AppConfig):
    name = "tagalong.shoes"
    label = "shoes"
    verbose_name = "Shoes"
