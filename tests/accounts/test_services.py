import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from csst.accounts.models import ApiToken
from csst.accounts.services import (
    issue_token,
    revoke_all_tokens,
    revoke_token,
    user_for_token,
)
from csst.core.errors import InvalidInput

from .conftest import PASSWORD


def test_issued_token_identifies_its_user(beneficiary, api_request):
    raw, token = issue_token(api_request, "beneficiary", PASSWORD)
    assert token.user == beneficiary
    assert user_for_token(raw) == beneficiary


def test_only_the_hash_of_the_token_is_stored(beneficiary, api_request):
    raw, token = issue_token(api_request, "beneficiary", PASSWORD)
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in stored.key_hash
    assert len(raw) >= 40


def test_token_expires_after_the_configured_number_of_days(settings, beneficiary, api_request):
    settings.API_TOKEN_TTL_DAYS = 7
    _raw, token = issue_token(api_request, "beneficiary", PASSWORD)
    expected = timezone.now() + timedelta(days=7)
    assert abs(token.expires_at - expected) < timedelta(minutes=1)


def test_expired_token_is_refused(beneficiary, api_request):
    raw, token = issue_token(api_request, "beneficiary", PASSWORD)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert user_for_token(raw) is None


def test_revoked_token_is_refused(beneficiary, api_request):
    raw, _token = issue_token(api_request, "beneficiary", PASSWORD)
    assert revoke_token(raw) == 1
    assert user_for_token(raw) is None


def test_revoking_all_tokens_leaves_other_users_tokens(beneficiary, provider, api_request):
    mine = [issue_token(api_request, "beneficiary", PASSWORD)[0] for _ in range(2)]
    theirs, _token = issue_token(api_request, "provider", PASSWORD)
    assert revoke_all_tokens(beneficiary) == 2
    assert all(user_for_token(raw) is None for raw in mine)
    assert user_for_token(theirs) == provider


def test_token_of_a_deactivated_user_is_refused(beneficiary, api_request):
    raw, _token = issue_token(api_request, "beneficiary", PASSWORD)
    beneficiary.is_active = False
    beneficiary.save()
    assert user_for_token(raw) is None


def test_inactive_user_gets_no_token(beneficiary, api_request):
    beneficiary.is_active = False
    beneficiary.save()
    with pytest.raises(InvalidInput):
        issue_token(api_request, "beneficiary", PASSWORD)
    assert not ApiToken.objects.exists()


def test_wrong_password_gets_no_token(beneficiary, api_request):
    with translation.override("en"), pytest.raises(InvalidInput, match="Wrong username"):
        issue_token(api_request, "beneficiary", "not-the-password")
    assert not ApiToken.objects.exists()


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(db, api_request):
    with translation.override("en"), pytest.raises(InvalidInput, match="Wrong username"):
        issue_token(api_request, "nobody", PASSWORD)


@pytest.mark.parametrize("raw", ["", "   ", "x" * 5000, "\udcff", "not-a-token"])
def test_malformed_token_values_identify_nobody(db, raw):
    assert user_for_token(raw) is None


def test_using_a_token_records_when_it_was_last_used(beneficiary, api_request):
    raw, token = issue_token(api_request, "beneficiary", PASSWORD)
    assert token.last_used_at is None
    user_for_token(raw)
    token.refresh_from_db()
    assert token.last_used_at is not None
