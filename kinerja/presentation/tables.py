"""Tables as an officer reads them on screen: Indonesian numbers ('1.250', '17,1') that stay numbers
(so they sort and sit right-aligned), years as written, 'ya'/'tidak', and a blank where nothing is known."""

import math

import pandas as pd
from pandas.io.formats.style import Styler

from kinerja.indonesian import decimals_needed, format_number
from kinerja.vocab import PLAIN_NUMBER_COLUMNS


def is_missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _number(places: int):
    return lambda v: "" if is_missing(v) else format_number(float(v), places)


def _year(value) -> str:
    return "" if is_missing(value) else str(int(value))


def _yes_no(value) -> str:
    return "" if is_missing(value) else ("ya" if value else "tidak")


def _text(value) -> str:
    return "" if is_missing(value) else str(value)


def cell_formats(frame: pd.DataFrame) -> dict:
    """One formatter per column, chosen from its type (and its name, for years)."""
    formats = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values):
            formats[column] = _yes_no
        elif pd.api.types.is_numeric_dtype(values):
            formats[column] = _year if column in PLAIN_NUMBER_COLUMNS else _number(decimals_needed(values))
        else:
            formats[column] = _text
    return formats


def for_screen(frame: pd.DataFrame) -> Styler:
    """The frame with Indonesian display values; the cells keep their types."""
    return frame.style.format(cell_formats(frame))
