from django.urls import path

from . import views

app_name = "countries"
urlpatterns = [
    path("countries/", views.country_list, name="list"),
    # Before the profile: "map" has three letters, like an ISO alpha-3 code.
    path("countries/map/", views.country_map, name="map"),
    path("countries/<str:iso3>/", views.country_detail, name="detail"),
]
