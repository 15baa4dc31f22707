from django.urls import path

from resolutions import views

urlpatterns = [
    path("", views.home, name="home"),
]
