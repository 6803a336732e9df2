from django.urls import path

from . import views

app_name = "staff_two_factor"

urlpatterns = [
    path("set-up/", views.enrol, name="enrol"),
    path("", views.verify, name="verify"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]
