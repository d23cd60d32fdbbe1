from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("actions/", views.actions, name="actions"),
    path("media/", views.news_list, name="news_list"),
    path("documents/", views.documents, name="documents"),
    path("who-we-are/", views.who_we_are, name="who_we_are"),
]
