from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config.api import api
from csst.portal.views import root_redirect

urlpatterns = [
    path("", root_redirect),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("csst.accounts.urls")),
    path("organisations/", include("csst.organisations.urls")),
    path("knowledge/", include("csst.knowledge.urls")),
    path("projects/", include("csst.projects.urls")),
    path("", include("csst.countries.urls")),
    path("", include("csst.portal.urls")),
    prefix_default_language=True,
)

handler403 = "csst.portal.views.permission_denied"
handler404 = "csst.portal.views.page_not_found"
handler500 = "csst.portal.views.server_error"
