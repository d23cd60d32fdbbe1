from tests.factories import OrganisationFactory


def test_organisation_history_keeps_the_name_in_every_language(db):
    organisation = OrganisationFactory(name_fr="Poste du Népal", name_en="Nepal Post")
    organisation.name_en = "Nepal Postal Services"
    organisation.save()

    versions = list(organisation.history.order_by("history_id"))

    assert [v.name_en for v in versions] == ["Nepal Post", "Nepal Postal Services"]
    assert {v.name_fr for v in versions} == {"Poste du Népal"}
