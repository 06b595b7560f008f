"""Each kind of catalogue problem, with the exact message a service owner sees."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from services_catalog.build import build
from services_catalog.catalogue import Catalogue
from services_catalog.csv_source import read_source
from services_catalog.validation import validate

from .conftest import write_catalogue


def problems_of(root: Path) -> List[str]:
    return [str(p) for p in validate(read_source(root))]


def only_problem(tmp_path: Path, sample, layer: str, table: str, index: int, column: str, value: str) -> str:
    sample[layer][table][index][column] = value
    problems = problems_of(write_catalogue(tmp_path / "c", sample))
    assert len(problems) == 1, problems
    return problems[0]


def test_sample_is_valid(sample_dir: Path) -> None:
    assert problems_of(sample_dir) == []


@pytest.mark.parametrize(
    "layer,table,index,column,value,position,message",
    [
        (
            "federal",
            "services",
            0,
            "channels",
            "in person",
            "federal/services.csv:2:9",
            "channels: 'in person' is not allowed; use some of: in_person, online, phone, mail separated by semicolons",
        ),
        (
            "federal",
            "services",
            1,
            "name_fr",
            "",
            "federal/services.csv:3:4",
            "name_fr: required; this column must not be empty",
        ),
        (
            "federal",
            "locations",
            0,
            "postal_code",
            "T9H2K4",
            "federal/locations.csv:2:12",
            "postal_code: 'T9H2K4' is not a Canadian postal code; write it like K1P 1J1 (capitals, one space)",
        ),
        (
            "federal",
            "locations",
            0,
            "postal_code",
            "K1P 1J1",
            "federal/locations.csv:2:12",
            "postal_code: 'K1P 1J1' is a postal code of ON, not of AB",
        ),
        (
            "federal",
            "locations",
            0,
            "latitude",
            "north",
            "federal/locations.csv:2:13",
            "latitude: 'north' is not a number; use a decimal point, e.g. 45.4213",
        ),
        (
            "federal",
            "locations",
            1,
            "longitude",
            "114.0580",
            "federal/locations.csv:3:13",
            "latitude: (51.0460, 114.0580) is outside Canada (latitude 41.6 to 83.2, longitude -141.1 to -52.5); "
            "are latitude and longitude swapped or is the minus sign missing?",
        ),
        (
            "federal",
            "locations",
            0,
            "state_province",
            "Alberta",
            "federal/locations.csv:2:11",
            "state_province: 'Alberta' is not allowed; use one of: AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT",
        ),
        (
            "federal",
            "service_at_location",
            0,
            "service_id",
            "gc-pasport",
            "federal/service_at_location.csv:2:2",
            "service_id: unknown services id 'gc-pasport'; add it to services.csv or correct the spelling",
        ),
        (
            "federal",
            "services",
            2,
            "id",
            "gc-sin",
            "federal/services.csv:4:1",
            "id: duplicate id 'gc-sin', already used at {root}/federal/services.csv:2",
        ),
        (
            "federal",
            "services",
            2,
            "id",
            "GC_EI",
            "federal/services.csv:4:1",
            "id: 'GC_EI' is not a valid id: use lowercase letters, digits and single hyphens, e.g. 'on-health-card'",
        ),
        (
            "federal",
            "schedules",
            0,
            "opens_at",
            "8h30",
            "federal/schedules.csv:2:5",
            "opens_at: '8h30' is not a time; write 24-hour HH:MM, e.g. 08:30 or 16:00",
        ),
        (
            "federal",
            "schedules",
            0,
            "closes_at",
            "08:00",
            "federal/schedules.csv:2:6",
            "closes_at: closes at 08:00, not after it opens at 08:30",
        ),
        (
            "federal",
            "schedules",
            0,
            "byday",
            "MO;TUE",
            "federal/schedules.csv:2:4",
            "byday: 'TUE' is not allowed; use some of: MO, TU, WE, TH, FR, SA, SU separated by semicolons",
        ),
        (
            "federal",
            "schedules",
            0,
            "valid_from",
            "2026-13-01",
            "federal/schedules.csv:2:7",
            "valid_from: '2026-13-01' is not a date; write YYYY-MM-DD, e.g. 2026-05-01",
        ),
        (
            "federal",
            "services",
            0,
            "alternate_name_fr",
            "",
            "federal/services.csv:2:6",
            "alternate_name_fr: the French text is missing while alternate_name_en is filled; "
            "every client text needs both official languages",
        ),
        (
            "federal",
            "services",
            1,
            "channels",
            "in_person;online",
            "federal/services.csv:3:9",
            "channels: 'online' needs url_en and url_fr; add the addresses or remove 'online'",
        ),
        (
            "federal",
            "services",
            2,
            "phone",
            "call us",
            "federal/services.csv:4:12",
            "phone: 'call us' is not a phone number; write it like 613-580-2400, 1-800-622-6232 or 311",
        ),
        (
            "federal",
            "services",
            2,
            "url_en",
            "www.canada.ca/ei",
            "federal/services.csv:4:10",
            "url_en: 'www.canada.ca/ei' is not a web address; it must start with https:// or http://",
        ),
        (
            "federal",
            "languages",
            0,
            "code",
            "english",
            "federal/languages.csv:2:3",
            "code: 'english' is not a two-letter ISO 639-1 language code such as en or fr",
        ),
        (
            "municipal",
            "organizations",
            0,
            "state_province",
            "",
            "municipal/organizations.csv:2:13",
            "state_province: required for a municipal organization",
        ),
        (
            "municipal",
            "bundle_services",
            0,
            "position",
            "first",
            "municipal/bundle_services.csv:2:3",
            "position: 'first' is not a whole number",
        ),
    ],
)
def test_each_problem_is_reported_with_file_line_column(
    tmp_path, sample, layer, table, index, column, value, position, message
) -> None:
    problem = only_problem(tmp_path, sample, layer, table, index, column, value)
    root = str(tmp_path / "c")
    assert problem == f"{root}/{position}: {message.format(root=root)}"


def test_schedule_needs_exactly_one_owner(tmp_path, sample) -> None:
    sample["federal"]["schedules"][0]["service_at_location_id"] = "sc-calgary--gc-sin"
    assert problems_of(write_catalogue(tmp_path / "c", sample)) == [
        f"{tmp_path}/c/federal/schedules.csv:2:2: location_id: "
        "set exactly one of location_id and service_at_location_id"
    ]


def test_wrong_header_and_unknown_file(tmp_path, sample) -> None:
    root = write_catalogue(tmp_path / "c", sample)
    path = root / "federal" / "languages.csv"
    path.write_text(path.read_text().replace("code", "langue", 1))
    (root / "federal" / "offices.csv").write_text("id\nx\n")
    problems = problems_of(root)
    assert (
        f"{root}/federal/languages.csv:1:3: unknown column 'langue'; languages columns are: "
        "id, location_id, code, note_en, note_fr" in problems
    )
    assert f"{root}/federal/languages.csv:1:6: missing column 'code'" in problems
    assert any(p.startswith(f"{root}/federal/offices.csv:1:1: unknown table file 'offices.csv'") for p in problems)


def test_ragged_row_points_at_its_line(tmp_path, sample) -> None:
    root = write_catalogue(tmp_path / "c", sample)
    path = root / "federal" / "languages.csv"
    path.write_text(path.read_text() + "l-extra,sc-calgary,en,,,surplus\n")
    assert problems_of(root) == [
        f"{root}/federal/languages.csv:4:6: 6 values but the header has 5 columns "
        "(a missing or extra comma, or an unquoted comma inside a value)"
    ]


def test_line_numbers_count_multiline_values(tmp_path, sample) -> None:
    sample["federal"]["services"][0]["description_en"] = "First line\nsecond line"
    sample["federal"]["services"][0]["description_fr"] = "Première ligne\ndeuxième ligne"
    sample["federal"]["services"][1]["channels"] = "by pigeon"
    problems = problems_of(write_catalogue(tmp_path / "c", sample))
    # the first record spans lines 2 to 4 (two values hold a line break), so the second starts on line 5
    assert [p.split(": ")[0] for p in problems] == [f"{tmp_path}/c/federal/services.csv:5:9"]


def test_not_utf8(tmp_path, sample) -> None:
    root = write_catalogue(tmp_path / "c", sample)
    path = root / "federal" / "organizations.csv"
    path.write_bytes(path.read_bytes() + "x,Caf\u00e9\n".encode("latin-1"))
    problems = problems_of(root)
    assert f"{root}/federal/organizations.csv:3:1: not valid UTF-8: save the file as UTF-8" in problems


def test_every_problem_is_reported_at_once(tmp_path, sample) -> None:
    sample["federal"]["services"][0]["channels"] = "fax"
    sample["federal"]["locations"][0]["postal_code"] = "12345"
    sample["municipal"]["bundle_services"][1]["service_id"] = "nothing"
    assert len(problems_of(write_catalogue(tmp_path / "c", sample))) == 3


def test_only_a_provincial_service_stands_in_and_only_for_a_federal_one(tmp_path, sample) -> None:
    problem = only_problem(tmp_path, sample, "federal", "services", 0, "replaces", "wb-dog-licence")
    assert "federal/services.csv:2:" in problem
    assert "'wb-dog-licence' is not a federal service" in problem
    sample["federal"]["services"][0]["replaces"] = ""
    problem = only_problem(tmp_path, sample, "federal", "services", 1, "replaces", "gc-sin")
    assert "federal/services.csv:3:" in problem and "only a provincial, territorial or city service" in problem
    sample["federal"]["services"][1]["replaces"] = ""
    sample["municipal"]["services"][0]["replaces"] = "gc-sin"
    assert problems_of(write_catalogue(tmp_path / "ok", sample)) == []


def test_a_channel_added_for_a_service_is_one_of_its_channels_and_online_needs_its_pages(tmp_path, sample) -> None:
    added = {"id": "passport-online", "service_id": "gc-passport", "channel": "online", "source": "https://x.ca"}
    sample["federal"]["service_channels"] = [{**added, "last_verified": "2026-12-07", "verification": "verified"}]
    problems = problems_of(write_catalogue(tmp_path / "no-pages", sample))
    assert len(problems) == 1 and "federal/service_channels.csv:2:" in problems[0]
    assert "'online' needs the service's url_en and url_fr" in problems[0]
    sample["federal"]["services"][1].update(
        url_en="https://www.canada.ca/passport", url_fr="https://www.canada.ca/passeport"
    )
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    build(write_catalogue(tmp_path / "ok", sample), url)
    assert Catalogue(url).service("gc-passport").channels == ("in_person", "online", "mail")
