from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("actions/", views.actions, name="actions"),
    path("media/", views.news_list, name="news_list"),
    path("media/<int:pk>/", views.news_detail, name="news_detail"),
    path("documents/", views.documents, name="documents"),
    path("documents/<int:pk>/file/", views.document_file, name="document_file"),
    path("who-we-are/", views.who_we_are, name="who_we_are"),
]
