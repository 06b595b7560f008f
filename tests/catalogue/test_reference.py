"""The service owners' column reference matches what validation accepts."""

from services_catalog import reference


def test_readme_reference_is_up_to_date() -> None:
    assert reference.current() == reference.render(), "run: python -m services_catalog reference"


def test_readme_coverage_table_is_up_to_date() -> None:
    from services_catalog import coverage

    assert coverage.current() == coverage.render(), "run: python -m services_catalog coverage"


def test_every_province_and_territory_has_offices_and_services() -> None:
    from services_catalog import coverage

    table = coverage.compute()
    assert coverage.provinces_without_offices() == []
    assert [code for code, c in table.items() if code and c.services < 10] == []
