"""An indicator's id: unique in the country, and ids made before the kabupaten was in the key still
lead to their indicator."""

from kinerja.build import Source, build_dataset
from kinerja.ids import former_ids, former_indicator_id
from tests.conftest import FIXTURES

WONOREJO = FIXTURES / "iki_wonorejo_numbered.txt"


def test_the_same_kecamatan_name_in_two_kabupaten_gets_different_ids():
    sources = [
        Source(WONOREJO, "Wonorejo", "Sukamaju", "Jawa Barat", 2024),
        Source(WONOREJO, "Wonorejo", "Pasuruan", "Jawa Timur", 2024),  # a second Wonorejo, elsewhere
    ]
    frame = build_dataset(sources, corrections=[]).indikator
    assert len(frame) == 2 * 5  # Wonorejo's document has five indicators
    assert frame["indikator_id"].is_unique
    assert frame["indikator_id"].str.startswith("wonorejo-2024-").all()


def test_former_ids_lead_to_the_same_rows():
    frame = build_dataset([Source(WONOREJO, "Wonorejo", "Sukamaju", "Jawa Barat", 2024)], corrections=[]).indikator
    mapping = former_ids(frame)
    assert sorted(mapping.values()) == sorted(frame["indikator_id"])
    first = frame.iloc[0]
    former = former_indicator_id("Wonorejo", 2024, first["jabatan_baku"], first["indikator"], 1)
    assert mapping[former] == first["indikator_id"] != former
