from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tagalong.accounts"
    label = "accounts"
    verbose_name = "Accounts"
