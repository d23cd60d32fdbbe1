import markdown as md
import nh3
from django import template
from django.template.defaultfilters import date as format_date
from django.urls import translate_url
from django.utils.safestring import mark_safe

register = template.Library()

_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "h4", "blockquote", "br"}


@register.simple_tag(takes_context=True)
def url_in_language(context, lang_code: str) -> str:
    """The current page's URL in another language (keeps the page and its query string)."""
    request = context["request"]
    url = translate_url(request.path, lang_code)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.filter
def render_markdown(text: str) -> str:
    """Staff-written Markdown to HTML, sanitised so stored content can never inject scripts."""
    html = md.markdown(text or "", extensions=["extra", "sane_lists"])
    return mark_safe(nh3.clean(html, tags=_ALLOWED_TAGS, link_rel="noopener noreferrer"))  # noqa: S308


_PRECISION_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y"}


@register.filter
def partial_date(value, precision: str = "day") -> str:
    """A date shown only as precisely as it is known (day, month or year)."""
    return format_date(value, _PRECISION_FORMATS.get(precision, "j F Y")) if value else ""
