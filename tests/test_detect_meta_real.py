import pytest

from kinerja.ingest import detect_meta, read_text
from tests.conftest import BULULAWANG, LUMAJANG, MASAMA, SANGKAPURA


@pytest.mark.parametrize(
    "path, kecamatan, tahun",
    [
        (SANGKAPURA, "Sangkapura", 2019),  # "KECAMATAN\nSANGKAPURA TAHUN 2019"
        (BULULAWANG, "Bululawang", 2017),  # "Bululawang, Januari 2017"; regulations cite other years
        (MASAMA, "Masama", 2020),  # "Masama, .....2020"
        (LUMAJANG, "Lumajang", 2023),  # "CAMAT LUMAJANG", "(IKI) TAHUN 2023"
    ],
)
def test_kecamatan_and_year_of_the_real_documents(path, kecamatan, tahun):
    meta = detect_meta(read_text(path))
    assert (meta.kecamatan, meta.tahun) == (kecamatan, tahun)
