from django.urls import path

from . import views

app_name = "topics"

urlpatterns = [
    path("topics/", views.TopicIndexView.as_view(), name="index"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
]
