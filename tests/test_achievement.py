"""Capaian rules, table-driven."""

import pytest

from kinerja.capaian.rules import Band, achievement, load_bands, rating, roll_up
from kinerja.vocab import NOT_RATED


@pytest.mark.parametrize(
    "target, realisation, polarity, expected",
    [
        (100, 90, "naik", 90.0),
        (12, 12, "naik", 100.0),
        (10, 15, "naik", 150.0),
        (10, 8, "turun", 120.0),  # fewer violations than the target: above 100
        (10, 12, "turun", 80.0),
        (10, 25, "turun", -50.0),
        (0, 5, "naik", None),  # zero target: cannot be rated
        (None, 5, "naik", None),
        (10, None, "naik", None),
        (float("nan"), 5, "naik", None),
    ],
)
def test_achievement(target, realisation, polarity, expected):
    result = achievement(target, realisation, polarity)
    assert result == (pytest.approx(expected) if expected is not None else None)


def test_unknown_polarity_is_refused():
    with pytest.raises(ValueError, match="polaritas"):
        achievement(10, 5, "atas")


@pytest.mark.parametrize(
    "quarters, method, annual, expected",
    [
        ({"tw1": 3, "tw2": 3, "tw3": 3, "tw4": 3}, "kumulatif", None, 12.0),
        ({"tw1": 3, "tw2": None, "tw3": 4}, "kumulatif", None, 7.0),  # only the quarters reported
        ({"tw1": 40, "tw2": 55, "tw3": 70}, "posisi", None, 70),  # last reported
        ({"tw1": 40, "tw2": None, "tw3": None, "tw4": None}, "posisi", None, 40),
        ({"tw4": 82.5}, "rilis", None, 82.5),
        ({"tw1": 3, "tw2": 3}, "kumulatif", 10, 10),  # an annual figure is the year's value as stated
        ({}, "kumulatif", None, None),
        ({"tw1": None}, "posisi", None, None),
    ],
)
def test_roll_up(quarters, method, annual, expected):
    assert roll_up(quarters, method, annual) == expected


DEFAULT_BANDS = load_bands()


@pytest.mark.parametrize(
    "capaian, band",
    [
        (120, "Sangat Tinggi"),
        (91, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (90, "Tinggi"),
        (76, "Tinggi"),
        (75.9, "Sedang"),
        (66, "Sedang"),
        (65, "Rendah"),
        (51, "Rendah"),
        (50.9, "Sangat Rendah"),
        (50, "Sangat Rendah"),
        (0, "Sangat Rendah"),
        (-20, "Sangat Rendah"),
        (None, NOT_RATED),
    ],
)
def test_rating_band_edges(capaian, band):
    assert rating(capaian, DEFAULT_BANDS) == band


def test_bands_come_from_the_config_file(tmp_path):
    config = tmp_path / "pita.csv"
    config.write_text("# dua pita saja\npredikat,batas_bawah\nTercapai,100\nBelum tercapai,0\n")
    bands = load_bands(config)
    assert bands == [Band("Tercapai", 100.0), Band("Belum tercapai", 0.0)]
    assert rating(99.9, bands) == "Belum tercapai"
