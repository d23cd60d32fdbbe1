from .models import Membership, User


def current_memberships(user: User):
    return Membership.objects.valid_on().filter(user=user).select_related("organisation")
