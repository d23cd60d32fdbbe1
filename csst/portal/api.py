from ninja import Router

news_router = Router(tags=["news"])
documents_router = Router(tags=["documents"])
