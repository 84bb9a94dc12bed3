"""Indonesian numbers, dates and times, both ways: '1.234,5' and '3 Januari 2023' in and out, and a
moment shown in the officer's time zone: '24 November 2026 14.05 WIB'."""

import math
import os
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from kinerja.errors import KinerjaError

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3].lower(): number for name, number in list(_MONTH_NUMBER.items())})
_MONTH_NUMBER["agust"] = 8
_NUMBER = re.compile(r"[-+]?\d[\d.,]*")
_THOUSANDS_ONLY = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")
_WORDS_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_DIGITS_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
TIME_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
TIME_ZONE_SETTING = "KINERJA_ZONA_WAKTU"  # environment variable: WIB (default), WITA or WIT


def parse_number(text) -> float | None:
    """'1.250' -> 1250, '2,5' -> 2.5, '1.234,5' -> 1234.5; None when the text is not a number."""
    text = str(text).strip().replace(" ", "")
    if not text or not _NUMBER.fullmatch(text):
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS_ONLY.fullmatch(text):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


def format_number(value: float, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5' (with decimals=1): dots group thousands, a comma marks decimals."""
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0" for a value that rounds to zero
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_value(value) -> str:
    """A stored value as an officer writes it: 1250.0 -> '1.250', 87.5 -> '87,5', 0.125 -> '0,125';
    as many decimals as the value has (up to six), and '' for a missing value."""
    if value is None or value != value:  # None or NaN
        return ""
    text = format_number(float(value), 6)
    return text.rstrip("0").rstrip(",") if "," in text else text


def decimals_needed(values, most: int = 2) -> int:
    """How many decimals show every number of a column as it is stored, at most `most`: 0 when all
    are whole, 1 for 17.1, 2 for 0.25. Missing values do not count."""
    present = list(_numbers(values))
    for decimals in range(most):
        if all(abs(v - round(v, decimals)) < 1e-9 for v in present):
            return decimals
    return most


def _numbers(values):
    for value in values:
        try:
            value = float(value)
        except (TypeError, ValueError):  # None, pandas' NA, text
            continue
        if not math.isnan(value):
            yield value


def office_number_format(decimals: int = 0) -> str:
    """The Excel/PowerPoint number format that Indonesian Office shows as '1.250' or '17,1': the
    format code always writes ',' for thousands and '.' for decimals, the reader's locale draws them."""
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_percent(part: float, whole: float, decimals: int = 0) -> str:
    """The share of part in whole as '13%'; '–' when there is no whole to share."""
    return f"{format_number(100 * part / whole, decimals)}%" if whole else "–"


def format_date(day: date | None = None) -> str:
    """date(2026, 11, 24) -> '24 November 2026'; today when no date is given."""
    day = day or date.today()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def parse_date(text: str) -> date | None:
    """'3 Januari 2023', '3 Jan. 2023', '03-01-2023' or '3/1/2023' -> date(2023, 1, 3); None otherwise."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    words = _WORDS_DATE.match(text)
    digits = _DIGITS_DATE.match(text)
    try:
        if words and words.group(2).lower() in _MONTH_NUMBER:
            return date(int(words.group(3)), _MONTH_NUMBER[words.group(2).lower()], int(words.group(1)))
        if digits:
            return date(int(digits.group(3)), int(digits.group(2)), int(digits.group(1)))
    except ValueError:  # 31 Februari
        return None
    return None


def configured_zone() -> str:
    """The time zone times are shown in: KINERJA_ZONA_WAKTU (WIB, WITA or WIT), else WIB."""
    zone = (os.environ.get(TIME_ZONE_SETTING) or "WIB").strip().upper()
    if zone not in TIME_ZONES:
        raise KinerjaError(f"{TIME_ZONE_SETTING}={zone!r} tidak dikenal: pilih {', '.join(TIME_ZONES)}")
    return zone


def format_datetime(moment: datetime | str | None = None, zone: str | None = None) -> str:
    """A moment (aware, or ISO text with its offset; now when none is given) in Indonesian local time:
    '2026-11-24T07:05:00+00:00' -> '24 November 2026 14.05 WIB'. The configured zone when none is given."""
    zone = zone or configured_zone()
    moment = datetime.fromisoformat(moment) if isinstance(moment, str) else (moment or datetime.now(UTC))
    local = moment.astimezone(ZoneInfo(TIME_ZONES[zone]))
    return f"{format_date(local.date())} {local:%H.%M} {zone}"


def utc_now() -> str:
    """This moment in UTC, ISO 8601 to the second: how every record of who did what when is stamped."""
    return datetime.now(UTC).isoformat(timespec="seconds")
