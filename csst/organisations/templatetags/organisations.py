from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def country_url(country) -> str:
    """The country profile's address, or "" when there is no country or no profile page yet."""
    if country is None:
        return ""
    try:
        return reverse("countries:detail", args=[country.iso3])
    except NoReverseMatch:
        return ""
