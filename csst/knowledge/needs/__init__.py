"""Needs (*demandes d'assistance*): owned by the requesting organisation, lifecycle DOMAIN §5."""
