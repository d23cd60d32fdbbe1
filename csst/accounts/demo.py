"""One demo user per persona (DOMAIN.md §2), for `csst load_demo` only.

The personas act for organisations of `csst.organisations.demo`, which runs first. Idempotent:
everything is found by its natural key and created only when missing; a second run changes nothing
— in particular it never resets a password or overwrites an edit made since.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, Permission
from django.core.management.base import CommandError
from django.db.models import Q

from csst.organisations import demo as organisations_demo
from csst.organisations.models import Organisation

from .models import Membership, Role, User

DEMO_PASSWORD = "demo"
BUREAU_GROUP = "Bureau officers"
# Memberships of the demo personas start here (any date in the past would do).
MEMBERSHIPS_START = date(2021, 1, 1)


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str | None
    organisation: str | None  # a key of csst.organisations.demo
    is_staff: bool = False


USERS = [
    DemoUser("officer", "Demo", "Officer", Role.BUREAU_OFFICER, "bureau", is_staff=True),
    DemoUser("officer2", "Demo", "Officer Two", Role.BUREAU_OFFICER, "bureau", is_staff=True),
    DemoUser("finance", "Demo", "Finance", Role.FINANCE_OFFICER, "bureau", is_staff=True),
    DemoUser("beneficiary", "Demo", "Beneficiary", Role.BENEFICIARY_FOCAL_POINT, "nepal_post"),
    DemoUser("authority", "Demo", "Authority", Role.BENEFICIARY_AUTHORITY, "nepal_post"),
    DemoUser("provider", "Demo", "Provider", Role.PROVIDER_FOCAL_POINT, "appc"),
    DemoUser("donor", "Demo", "Donor", Role.DONOR, "la_poste"),
    DemoUser("outsider", "Demo", "Outsider", None, None),
]

# Members of the "Bureau officers" group (staff who maintain data in /admin/).
BUREAU_GROUP_MEMBERS = ["officer", "officer2", "finance"]


def organisation(key: str) -> Organisation:
    """A demo organisation by its key (after `load`), for other apps' demo data."""
    return organisations_demo.organisation(key)


def _organisations() -> dict[str, Organisation]:
    """The organisations the personas act for, loaded by `csst.organisations.demo`."""
    keys = sorted({spec.organisation for spec in USERS if spec.organisation})
    try:
        return {key: organisation(key) for key in keys}
    except Organisation.DoesNotExist as missing:
        raise CommandError(
            "accounts: the demo organisations are missing; load csst.organisations.demo first"
        ) from missing


def bureau_group_permissions():
    """Everything of the content apps, and maintaining memberships."""
    return Permission.objects.filter(
        Q(content_type__app_label__in=["portal", "organisations", "knowledge", "projects"])
        | Q(
            content_type__app_label="accounts",
            content_type__model="membership",
            codename__in=["view_membership", "add_membership", "change_membership"],
        )
    )


def load(log) -> str:
    organisations = _organisations()

    group, _created = Group.objects.get_or_create(name=BUREAU_GROUP)
    group.permissions.add(*bureau_group_permissions())

    new_users = 0
    for spec in USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@example.org",
                "is_staff": spec.is_staff,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            new_users += 1
        if spec.role:
            Membership.objects.get_or_create(
                user=user,
                organisation=organisations[spec.organisation],
                role=spec.role,
                defaults={"valid_from": MEMBERSHIPS_START},
            )
        if spec.username in BUREAU_GROUP_MEMBERS:
            user.groups.add(group)

    _print_users(log, organisations, existing=len(USERS) - new_users)
    return f"accounts: {len(USERS)} demo users ({new_users} new), group “{BUREAU_GROUP}”"


def _print_users(log, organisations: dict[str, Organisation], existing: int) -> None:
    rows = [("username", "role", "organisation", "password")]
    for spec in USERS:
        rows.append(
            (
                spec.username,
                spec.role or "(none: signed in, no role)",
                organisations[spec.organisation].name_en if spec.organisation else "—",
                DEMO_PASSWORD,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    log("Demo users (sign in at /fr/accounts/login/ or /en/accounts/login/):")
    for index, row in enumerate(rows):
        log(
            "  "
            + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
        if index == 0:
            log("  " + "  ".join("-" * width for width in widths))
    if existing:
        log(f"  ({existing} of them existed already: left as they were, passwords not reset)")
