"""The JSON API at /api/v1/: one NinjaAPI, each app mounts its router here."""

from ninja import NinjaAPI

from csst.accounts.api import router as auth_router
from csst.core.api import install_error_handlers
from csst.countries.api import router as countries_router
from csst.knowledge.assessments.api import assessments_router
from csst.knowledge.needs.api import needs_router
from csst.knowledge.search.api import search_router
from csst.knowledge.solutions.api import lessons_router, solutions_router
from csst.knowledge.vocabularies.api import router as vocabularies_router
from csst.organisations.api import router as organisations_router
from csst.portal.api import documents_router, news_router
from csst.projects.api import projects_router

api = NinjaAPI(
    title="CSST platform API",
    version="1",
    description=(
        "UPU South-South and Triangular Cooperation. Browser clients use the session (with CSRF); "
        "scripts get a token from POST /auth/token and send `Authorization: Bearer <token>`. "
        "Lists take `limit` and `offset` and answer `{items, count}`; errors answer `{message}`."
    ),
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/auth", auth_router)
api.add_router("/news", news_router)
api.add_router("/documents", documents_router)
api.add_router("/countries", countries_router)
api.add_router("/organisations", organisations_router)
api.add_router("", vocabularies_router)
api.add_router("/needs", needs_router)
api.add_router("/assessments", assessments_router)
api.add_router("/solutions", solutions_router)
api.add_router("/lessons", lessons_router)
api.add_router("/search", search_router)
api.add_router("/projects", projects_router)
