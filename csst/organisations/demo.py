"""The organisations of the demo: real bodies named in DOMAIN.md, with their real names.

Runs before `csst.accounts.demo` (whose personas act for some of these) and after the reference
data: countries are found by ISO alpha-3 code, never created here. Idempotent: an organisation is
found by its natural key (French name and country) and created only when missing; one that exists
is never overwritten.

Designated operators of Asia-Pacific LDCs and SIDS carry the name in the `courier` field of the
UPU member list (June 2017, scraped from upu.int; jkeen/tracking_number_data, MIT), matched by ISO
alpha-2 code. Countries that list gives no operator name for (Kiribati, Lao PDR, Myanmar, Solomon
Islands, Tuvalu) are left out rather than given an invented name.
"""

from dataclasses import dataclass

from django.core.management.base import CommandError

from csst.countries.models import Country

from .models import Organisation
from .models import OrganisationType as T


@dataclass(frozen=True)
class DemoOrganisation:
    key: str
    name_fr: str
    name_en: str
    acronym: str
    type: str
    country: str | None  # ISO alpha-3; None for organisations that belong to no country
    website: str = ""
    iati_identifier: str = ""
    description_fr: str = ""
    description_en: str = ""


def _operator(key: str, name: str, iso3: str) -> DemoOrganisation:
    """A designated operator named as in the UPU member list (the same name in both languages)."""
    return DemoOrganisation(key, name, name, "", T.DESIGNATED_OPERATOR, iso3)


ORGANISATIONS = [
    DemoOrganisation(
        "bureau",
        "Bureau international de l'UPU",
        "UPU International Bureau",
        "BI",
        T.INTERNATIONAL_BUREAU,
        None,
        website="https://www.upu.int/",
        # IATI identifiers of multilateral bodies are XM-DAC- + their CRS channel code (41306).
        iati_identifier="XM-DAC-41306",
        description_fr="Secrétariat de l'Union postale universelle, à Berne. Il anime la "
        "coopération Sud-Sud et triangulaire et gère le fonds spécial de l'UPU pour la CSST.",
        description_en="Secretariat of the Universal Postal Union, in Berne. It runs South-South "
        "and triangular cooperation and manages the UPU special fund for SSTC.",
    ),
    DemoOrganisation(
        "appu",
        "Union postale de l'Asie et du Pacifique",
        "Asian-Pacific Postal Union",
        "APPU",
        T.RESTRICTED_UNION,
        None,
    ),
    DemoOrganisation(
        "appc",
        "Collège postal Asie-Pacifique",
        "Asian-Pacific Postal College",
        "APPC",
        T.TRAINING_CENTRE,
        "THA",
        description_fr="Centre de formation postale de la région Asie-Pacifique, à Bangkok ; le "
        "fonds spécial de la Chine y forme le personnel postal des PMA d'Asie.",
        description_en="Postal training centre of the Asia-Pacific region, in Bangkok; the China "
        "special fund trains postal staff of Asian LDCs there.",
    ),
    DemoOrganisation(
        "korea_post",
        "Korea Post",
        "Korea Post",
        "",
        T.DESIGNATED_OPERATOR,
        "KOR",
        website="https://www.epost.go.kr/",
        description_fr="A donné 200 ordinateurs « verts » à des pays du Pacifique (contribution "
        "en nature).",
        description_en="Donated 200 “green” computers to Pacific countries (an in-kind "
        "contribution).",
    ),
    # A facilitating donor: CHF 100,000 to the 2021 Asia-Pacific COVID recovery project.
    DemoOrganisation(
        "la_poste",
        "Groupe La Poste",
        "La Poste Group",
        "",
        T.DESIGNATED_OPERATOR,
        "FRA",
        website="https://www.groupelaposte.com/",
        description_fr="A versé 100 000 CHF au projet de 2021 pour la relance des opérateurs "
        "désignés d'Asie-Pacifique après la COVID-19.",
        description_en="Gave CHF 100,000 to the 2021 project for the COVID-19 recovery of "
        "Asia-Pacific designated operators.",
    ),
    DemoOrganisation(
        "japan_mic",
        "Ministère des Affaires intérieures et des Communications",
        "Ministry of Internal Affairs and Communications",
        "MIC",
        T.MINISTRY,
        "JPN",
        website="https://www.soumu.go.jp/",
        description_fr="Contributeur du fonds spécial du Japon (depuis 2010 ; renouvelé en 2022 "
        "avec 260,6 millions de yens jusqu'en 2026).",
        description_en="Contributor to the Japan special fund (since 2010; renewed in 2022 with "
        "JPY 260.6 million until 2026).",
    ),
    # No official French name is known: the English one is used in both languages.
    DemoOrganisation(
        "china_spb",
        "State Post Bureau of the People's Republic of China",
        "State Post Bureau of the People's Republic of China",
        "SPB",
        T.REGULATOR,
        "CHN",
        description_fr="Contributeur du fonds spécial de la Chine (renforcement des capacités du "
        "personnel postal des PMA d'Asie au Collège postal Asie-Pacifique).",
        description_en="Contributor to the China special fund (capacity building for postal "
        "staff of Asian LDCs at the Asian-Pacific Postal College).",
    ),
    DemoOrganisation(
        "unicef",
        "Fonds des Nations Unies pour l'enfance",
        "United Nations Children's Fund",
        "UNICEF",
        T.INTERNATIONAL_ORGANISATION,
        None,
        website="https://www.unicef.org/",
    ),
    DemoOrganisation(
        "otif",
        "Organisation intergouvernementale pour les transports internationaux ferroviaires",
        "Intergovernmental Organisation for International Carriage by Rail",
        "OTIF",
        T.INTERNATIONAL_ORGANISATION,
        None,
        website="https://otif.org/",
    ),
    # Designated operators of Asia-Pacific LDCs and SIDS (UPU member list, `courier` field).
    _operator("nepal_post", "Nepal Postal Services", "NPL"),  # NP
    _operator("bhutan_post", "Bhutan Post", "BTN"),  # BT
    _operator("bangladesh_post", "Bangladesh Post Office", "BGD"),  # BD
    # The 2017 list names the ministry itself as Cambodia's designated operator.
    _operator("cambodia_mptc", "Ministry of Posts and Telecommunications", "KHM"),  # KH
    _operator("maldives_post", "Maldives Post", "MDV"),  # MV
    _operator("post_png", "Post PNG", "PNG"),  # PG
    _operator("post_fiji", "Post Fiji", "FJI"),  # FJ
    _operator("samoa_post", "Samoa Post", "WSM"),  # WS
    _operator("tonga_post", "Tonga Post", "TON"),  # TO
    _operator("vanuatu_post", "Vanuatu Post", "VUT"),  # VU
]

_BY_KEY = {spec.key: spec for spec in ORGANISATIONS}


def countries_needed() -> list[str]:
    return sorted({spec.country for spec in ORGANISATIONS if spec.country})


def _natural_key(spec: DemoOrganisation) -> dict:
    where = {"country__iso3": spec.country} if spec.country else {"country__isnull": True}
    return {"name_fr": spec.name_fr, **where}


def organisation(key: str) -> Organisation:
    """A demo organisation by its key (after `load`), for other apps' demo data."""
    return Organisation.objects.get(**_natural_key(_BY_KEY[key]))


def load(log) -> str:
    needed = countries_needed()
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=needed)}
    missing = [code for code in needed if code not in countries]
    if missing:
        message = (
            f"organisations: the countries {', '.join(missing)} are missing; "
            "run `csst load_reference_data` first"
        )
        log(message)
        raise CommandError(message)

    created = 0
    for spec in ORGANISATIONS:
        _org, was_created = Organisation.objects.get_or_create(
            **_natural_key(spec),
            defaults={
                "name_en": spec.name_en,
                "acronym": spec.acronym,
                "type": spec.type,
                "country": countries[spec.country] if spec.country else None,
                "website": spec.website,
                "iati_identifier": spec.iati_identifier,
                "description_fr": spec.description_fr,
                "description_en": spec.description_en,
            },
        )
        created += was_created
    log(f"organisations: created {created} of {len(ORGANISATIONS)}")
    return f"organisations: {len(ORGANISATIONS)} organisations ({created} new)"
