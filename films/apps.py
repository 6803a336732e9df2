from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"
    verbose_name = "films and authors"
