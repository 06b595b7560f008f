"""The service owners' column reference matches what validation accepts."""
from services_catalog import reference


def test_readme_reference_is_up_to_date() -> None:
    assert reference.current() == reference.render(), "run: python -m services_catalog reference"
