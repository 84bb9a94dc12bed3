"""Indonesian numbers, dates and times, both ways: what officers type in and what the dashboard shows."""

from datetime import UTC, date, datetime

import pytest

from kinerja.errors import KinerjaError
from kinerja.indonesian import (
    MONTHS,
    configured_zone,
    decimals_needed,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_value,
    office_number_format,
    parse_date,
    parse_number,
)


@pytest.mark.parametrize(
    "text, number",
    [
        ("1.250", 1250.0),
        ("2,5", 2.5),
        ("1.234,5", 1234.5),
        ("100", 100.0),
        ("87,5", 87.5),
        ("12.5", 12.5),
        ("abc", None),
        ("", None),
    ],
)
def test_parse_number_indonesian(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(
    "text, number",
    [
        ("1.234.567", 1234567.0),  # only thousands dots: not a decimal point
        ("-1.250", -1250.0),
        ("1 250", 1250.0),  # a space typed inside the number
        (" 7 ", 7.0),
        (12, 12.0),  # a cell that is already a number
        ("10%", None),
        ("1,2,3", None),
    ],
)
def test_parse_number_edge_cases(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (1234.5, 1, "1.234,5"),
        (1234.56, 2, "1.234,56"),
        (1250, 0, "1.250"),
        (1234567, 0, "1.234.567"),
        (0, 0, "0"),
        (-0.2, 0, "0"),  # rounds to zero: no "-0"
        (-0.04, 1, "0,0"),
        (-1234.5, 1, "-1.234,5"),
        (87.5, 1, "87,5"),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_number_reads_back_as_the_same_number():
    for value in (0.5, 12.25, 1250.0, 98765.4):
        assert parse_number(format_number(value, 2)) == value


@pytest.mark.parametrize(
    "part, whole, decimals, text",
    [
        (35, 266, 0, "13%"),
        (266, 266, 0, "100%"),
        (1, 3, 1, "33,3%"),
        (0, 10, 0, "0%"),
        (5, 0, 0, "–"),  # nothing to share: a dash, not a division error
        (0, 0, 0, "–"),
    ],
)
def test_format_percent(part, whole, decimals, text):
    assert format_percent(part, whole, decimals) == text


@pytest.mark.parametrize(
    "day, text",
    [
        (date(2023, 1, 3), "3 Januari 2023"),
        (date(2026, 11, 24), "24 November 2026"),
        (date(2024, 2, 29), "29 Februari 2024"),
    ],
)
def test_format_date_and_parse_date_both_ways(day, text):
    assert format_date(day) == text
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text, day",
    [
        ("3 Jan 2023", date(2023, 1, 3)),
        ("3 Jan. 2023", date(2023, 1, 3)),
        ("03-01-2023", date(2023, 1, 3)),
        ("3/1/2023", date(2023, 1, 3)),
        ("3.1.2023", date(2023, 1, 3)),
        ("  3   januari   2023 ", date(2023, 1, 3)),
        ("17 Agust 2023", date(2023, 8, 17)),
        ("17 AGUSTUS 2023", date(2023, 8, 17)),
    ],
)
def test_parse_date_accepts_the_ways_dates_are_written(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text",
    ["31 Februari 2023", "29 Februari 2023", "31-04-2023", "3/13/2023", "kemarin", "3 Janvier 2023", "2023-01-03", ""],
)
def test_parse_date_rejects_what_is_not_a_date(text):
    assert parse_date(text) is None


def test_every_month_round_trips():
    assert len(MONTHS) == 12
    for month, name in enumerate(MONTHS, start=1):
        day = date(2023, month, 28)
        assert format_date(day) == f"28 {name} 2023"
        assert parse_date(format_date(day)) == day
        assert parse_date(f"28 {name[:3]} 2023") == day  # the short form of every month too


@pytest.mark.parametrize(
    "value, text",
    [
        (1250.0, "1.250"),
        (87.5, "87,5"),
        (0.125, "0,125"),
        (2.125, "2,125"),  # never "2.125", which reads back as two thousand
        (100, "100"),
        (0.0, "0"),
        (1234567.25, "1.234.567,25"),
        (None, ""),
        (float("nan"), ""),
        ("82.5", "82,5"),  # a stored value is text
    ],
)
def test_format_value_as_precise_as_the_value(value, text):
    assert format_value(value) == text
    if text:
        assert parse_number(text) == float(value)  # what is shown reads back as the same number


@pytest.mark.parametrize(
    "zone, shown",
    [
        ("WIB", "24 November 2026 14.05 WIB"),  # UTC+7
        ("WITA", "24 November 2026 15.05 WITA"),  # UTC+8
        ("WIT", "24 November 2026 16.05 WIT"),  # UTC+9
    ],
)
def test_format_datetime_in_each_indonesian_zone(zone, shown):
    assert format_datetime("2026-11-24T07:05:00.123456+00:00", zone) == shown
    assert format_datetime(datetime(2026, 11, 24, 7, 5, tzinfo=UTC), zone) == shown


def test_format_datetime_crosses_midnight_into_the_next_local_day():
    assert format_datetime("2026-12-31T18:30:00+00:00", "WIB") == "1 Januari 2027 01.30 WIB"


def test_the_time_zone_comes_from_the_setting(monkeypatch):
    monkeypatch.delenv("KINERJA_ZONA_WAKTU", raising=False)
    assert configured_zone() == "WIB"
    assert format_datetime("2026-11-24T07:05:00+00:00") == "24 November 2026 14.05 WIB"
    monkeypatch.setenv("KINERJA_ZONA_WAKTU", "wita")
    assert format_datetime("2026-11-24T07:05:00+00:00") == "24 November 2026 15.05 WITA"
    monkeypatch.setenv("KINERJA_ZONA_WAKTU", "Asia/Jakarta")
    with pytest.raises(KinerjaError, match="pilih WIB, WITA, WIT"):
        configured_zone()


@pytest.mark.parametrize(
    "values, decimals",
    [
        ([35, 33, 86], 0),
        ([17.1, 24.2, 0.0], 1),
        ([100.0, 12.0, 87.5], 1),
        ([0.25, 1.0], 2),
        ([1 / 3], 2),  # never more than two
        ([12.0, float("nan"), None], 0),  # a missing value does not ask for decimals
        ([], 0),
    ],
)
def test_decimals_needed_shows_each_column_as_stored(values, decimals):
    assert decimals_needed(values) == decimals


def test_office_number_formats_that_indonesian_office_shows_with_dots_and_a_comma():
    assert [office_number_format(d) for d in (0, 1, 2)] == ["#,##0", "#,##0.0", "#,##0.00"]
