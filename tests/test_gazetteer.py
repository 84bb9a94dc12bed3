"""Region names against the gazetteer (kinerja/gazetteer.py): the seed documents' regions as the
manifest writes them, misspellings with their suggestions, a kecamatan in the wrong kabupaten, the
prefixes and spellings accepted, and the provinsi of 2022. Counts are areaid's, checked by hand
against its source's README (34 provinsi, 514 kabupaten/kota, 7.097 kecamatan)."""

import csv

import areaid
import pytest

from kinerja import gazetteer
from kinerja.gazetteer import check_region, kabupaten_names, kecamatan_names, locate_kecamatan, provinsi_names
from kinerja.paths import ROOT

SEEDS = list(csv.DictReader((ROOT / "data" / "raw" / "manifest.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s["kecamatan"])
def test_every_seed_region_is_known_under_the_manifests_names(seed):
    result = check_region(seed["provinsi"], seed["kabupaten"], seed["kecamatan"])
    assert result.all_known and result.messages() == []
    assert (result.provinsi.name, result.kabupaten.name, result.kecamatan.name) == (
        seed["provinsi"],
        seed["kabupaten"],
        seed["kecamatan"],
    )
    assert result.kecamatan.message == f"Kecamatan {seed['kecamatan']} ada di Kabupaten {seed['kabupaten']}"


def test_the_four_seed_regions_are_the_ones_expected():
    assert [(s["kecamatan"], s["kabupaten"], s["provinsi"]) for s in SEEDS] == [
        ("Sangkapura", "Gresik", "Jawa Timur"),
        ("Bululawang", "Malang", "Jawa Timur"),
        ("Masama", "Banggai", "Sulawesi Tengah"),
        ("Lumajang", "Lumajang", "Jawa Timur"),
    ]


def test_a_misspelt_kecamatan_is_unknown_and_suggests_the_right_one():
    kecamatan = check_region("Jawa Timur", "Gresik", "Sangkapuro").kecamatan
    assert not kecamatan.known and kecamatan.name is None
    assert kecamatan.suggestions == ("Sangkapura",)
    assert kecamatan.message == "Kecamatan 'Sangkapuro' tidak ada di Kabupaten Gresik; mungkin maksudnya: Sangkapura"


def test_a_misspelt_provinsi_suggests_the_right_one_and_the_levels_below_are_still_found():
    result = check_region("Jawa Timor", "Gresik", "Sangkapura")
    assert result.provinsi.suggestions == ("Jawa Timur",)
    assert result.messages() == ["Provinsi 'Jawa Timor' tidak ada dalam daftar wilayah; mungkin maksudnya: Jawa Timur"]
    assert result.kabupaten.known and result.kecamatan.known  # looked up across Indonesia


def test_a_misspelt_kabupaten_is_suggested_with_its_kind():
    result = check_region("Sulawesi Tengah", "Bangai", "Masama")
    assert result.kabupaten.suggestions == ("Banggai",)
    assert result.kabupaten.message == (
        "Kabupaten/kota 'Bangai' tidak ada di Provinsi Sulawesi Tengah; mungkin maksudnya: Kabupaten Banggai"
    )
    assert result.kecamatan.known  # looked up in the whole provinsi


def test_a_kecamatan_in_the_wrong_kabupaten_is_unknown_and_the_message_names_both():
    result = check_region("Jawa Timur", "Gresik", "Bululawang")
    assert result.provinsi.known and result.kabupaten.known and not result.kecamatan.known
    assert result.messages() == [
        "Kecamatan 'Bululawang' tidak ada di Kabupaten Gresik; nama itu ada di Kabupaten Malang (Jawa Timur)"
    ]
    far = check_region("Jawa Timur", "Lumajang", "Masama").kecamatan
    assert (
        far.message == "Kecamatan 'Masama' tidak ada di Kabupaten Lumajang; nama itu ada di Kabupaten Banggai (Sulawesi Tengah)"
    )
    assert far.suggestions == ()  # Lumajang has no kecamatan spelt like Masama


def test_a_kabupaten_in_the_wrong_provinsi_says_where_it_is():
    result = check_region("Jawa Tengah", "Gresik", "Sangkapura")
    assert result.messages() == [
        "Kabupaten/kota 'Gresik' tidak ada di Provinsi Jawa Tengah; nama itu ada di Provinsi Jawa Timur",
        "Kecamatan 'Sangkapura' tidak ada di Provinsi Jawa Tengah; nama itu ada di Kabupaten Gresik (Jawa Timur)",
    ]


def test_a_name_nothing_resembles_gets_a_message_and_no_suggestions():
    result = check_region("Tidak Diketahui", "Gresik", "Tidakada")
    assert result.provinsi.suggestions == () and result.kecamatan.suggestions == ()
    assert result.messages() == [
        "Provinsi 'Tidak Diketahui' tidak ada dalam daftar wilayah; tidak ada nama yang mirip",
        "Kecamatan 'Tidakada' tidak ada di Kabupaten Gresik; tidak ada nama yang mirip",
    ]


def test_an_empty_level_is_said_to_be_empty():
    result = check_region("Jawa Timur", " ", "")
    assert result.messages() == ["Kabupaten/kota belum diisi", "Kecamatan belum diisi"]


@pytest.mark.parametrize(
    "written", ["Banggai", "Kab. Banggai", "Kab Banggai", "Kabupaten Banggai", "KABUPATEN  BANGGAI", "kab.banggai"]
)
def test_a_kabupaten_is_found_with_or_without_its_prefix(written):
    result = check_region("Sulawesi Tengah", written, "Masama")
    assert result.all_known and result.kabupaten.name == "Banggai" and result.kabupaten.given == written


@pytest.mark.parametrize("written", ["Masama", "Kecamatan Masama", "Kec. Masama", "MASAMA", " masama "])
def test_a_kecamatan_is_found_with_or_without_its_prefix(written):
    assert check_region("Provinsi Sulawesi Tengah", "Banggai", written).kecamatan.name == "Masama"


def test_kabupaten_malang_and_kota_malang_stay_apart():
    assert check_region("Jawa Timur", "Malang", "Bululawang").kabupaten.name == "Malang"
    assert check_region("Jawa Timur", "Kota Malang", "Klojen").kabupaten.name == "Kota Malang"
    # A bare name is the kabupaten, unless only the kota holds the kecamatan given with it.
    assert check_region("Jawa Timur", "Malang", "Klojen").kabupaten.name == "Kota Malang"
    assert check_region("Jawa Timur", "Malang", "").kabupaten.name == "Malang"
    kota = check_region("Jawa Timur", "Kota Malang", "Bululawang")
    assert kota.messages() == ["Kecamatan 'Bululawang' tidak ada di Kota Malang; nama itu ada di Kabupaten Malang (Jawa Timur)"]


def test_a_kota_asked_for_as_a_kabupaten_is_unknown_and_suggested_as_the_kota():
    kabupaten = check_region("Jawa Timur", "Kabupaten Surabaya", "Genteng").kabupaten
    assert not kabupaten.known and kabupaten.suggestions == ("Kota Surabaya",)
    assert check_region("Jawa Timur", "Surabaya", "Genteng").kabupaten.name == "Kota Surabaya"  # only a kota has it


@pytest.mark.parametrize("written", ["Sumatera Utara", "Sumatra Utara", "Provinsi Sumatera Utara", "SUMATRA UTARA"])
def test_both_spellings_of_sumatera_are_accepted_and_the_official_one_returned(written):
    assert check_region(written, "Karo", "Berastagi").provinsi.name == "Sumatera Utara"


def test_short_forms_of_a_provinsi_are_accepted():
    assert check_region("DKI Jakarta", "Jakarta Pusat", "Gambir").provinsi.name == "Daerah Khusus Ibukota Jakarta"
    assert check_region("DIY", "Sleman", "Depok").provinsi.name == "Daerah Istimewa Yogyakarta"


def test_every_spelling_areaid_gives_in_one_name_is_accepted_and_the_first_returned():
    # areaid writes 'Pasrujambe/Pasujambe' in Lumajang and 'Ngajung (Ngajum)' in Malang.
    assert check_region("Jawa Timur", "Lumajang", "Pasujambe").kecamatan.name == "Pasrujambe"
    assert check_region("Jawa Timur", "Lumajang", "Pasrujambe").kecamatan.name == "Pasrujambe"
    assert check_region("Jawa Timur", "Malang", "Ngajum").kecamatan.name == "Ngajung"
    assert check_region("Sumatera Utara", "Karo", "Brastagi").kecamatan.name == "Brastagi"  # 'Brastagi (Berastagi)'


def test_locate_kecamatan_finds_the_seed_kecamatan():
    assert locate_kecamatan("Masama") == [("Sulawesi Tengah", "Banggai", "Masama")]
    assert locate_kecamatan("Kecamatan Sangkapura") == [("Jawa Timur", "Gresik", "Sangkapura")]
    assert locate_kecamatan("Bululawang", "Kab. Malang") == [("Jawa Timur", "Malang", "Bululawang")]
    assert locate_kecamatan("Sangkapuro") == []


def test_locate_kecamatan_is_narrowed_by_a_known_kabupaten_only():
    everywhere = locate_kecamatan("Wonosari")
    assert [k for _, k, _ in everywhere] == ["Klaten", "Gunung Kidul", "Bondowoso", "Malang", "Boalemo"]
    assert locate_kecamatan("Wonosari", "Malang") == [("Jawa Timur", "Malang", "Wonosari")]
    assert locate_kecamatan("Klojen", "Malang") == [("Jawa Timur", "Kota Malang", "Klojen")]  # bare: either Malang
    assert locate_kecamatan("Wonosari", "Gresik") == []  # known, and Gresik has no Wonosari
    assert locate_kecamatan("Wonosari", "Gresk") == everywhere  # unknown: narrows nothing


def test_the_provinsi_of_2022_hold_the_kabupaten_the_laws_gave_them():
    assert len(provinsi_names()) == 38
    assert provinsi_names()[-6:] == [
        "Papua",
        "Papua Barat",
        "Papua Selatan",
        "Papua Tengah",
        "Papua Pegunungan",
        "Papua Barat Daya",
    ]
    assert kabupaten_names("Papua Selatan") == ["Asmat", "Boven Digoel", "Mappi", "Merauke"]
    assert kabupaten_names("Papua Barat Daya") == ["Maybrat", "Raja Ampat", "Sorong", "Sorong Selatan", "Tambrauw", "Kota Sorong"]
    assert len(kabupaten_names("Papua")) == 9 and len(kabupaten_names("Papua Barat")) == 7
    assert locate_kecamatan("Merauke") == [("Papua Selatan", "Merauke", "Merauke")]
    assert check_region("Papua Selatan", "Merauke", "Merauke").all_known
    assert check_region("Papua", "Merauke", "Merauke").kabupaten.message == (
        "Kabupaten/kota 'Merauke' tidak ada di Provinsi Papua; nama itu ada di Provinsi Papua Selatan"
    )


def test_the_gazetteer_holds_areaids_counts():
    kabupaten = [(p, k) for p in provinsi_names() for k in kabupaten_names(p)]
    assert len(kabupaten) == 514 and sum(k.startswith("Kota ") for _, k in kabupaten) == 98
    assert sum(len(kecamatan_names(p, k)) for p, k in kabupaten) == 7097


def test_the_name_lists_of_a_provinsi_and_a_kabupaten():
    jawa_timur = kabupaten_names("jawa timur")
    assert len(jawa_timur) == 38 and jawa_timur[:2] == ["Bangkalan", "Banyuwangi"] and jawa_timur[-1] == "Kota Surabaya"
    assert {"Gresik", "Malang", "Kota Malang", "Lumajang"} <= set(jawa_timur)
    assert kecamatan_names("Jawa Timur", "Kota Malang") == ["Blimbing", "Kedungkandang", "Klojen", "Lowokwaru", "Sukun"]
    gresik = kecamatan_names("Jawa Timur", "Kab. Gresik")
    assert len(gresik) == 18 and "Sangkapura" in gresik
    assert len(kecamatan_names("Sulawesi Tengah", "Banggai")) == 23
    assert kabupaten_names("Jawa Timor") == [] and kecamatan_names("Jawa Timur", "Banggai") == []


def test_one_wrong_letter_in_any_kecamatan_of_the_seed_kabupaten_suggests_it_first():
    """Each kecamatan of Gresik, Malang, Banggai and Lumajang with its last vowel changed."""
    missed = []
    for provinsi, kabupaten in [
        ("Jawa Timur", "Gresik"),
        ("Jawa Timur", "Malang"),
        ("Sulawesi Tengah", "Banggai"),
        ("Jawa Timur", "Lumajang"),
    ]:
        for name in kecamatan_names(provinsi, kabupaten):
            last = max(i for i, ch in enumerate(name) if ch in "aiueo")
            typo = name[:last] + ("o" if name[last] != "o" else "a") + name[last + 1 :]
            suggested = check_region(provinsi, kabupaten, typo).kecamatan.suggestions
            if suggested[:1] != (name,):
                missed.append((name, typo, suggested))
    # One letter of three is too much: 'Dao' scores 66,7 against 'Dau'; one of four ('Lobo', 'Lobu') scores 75, the floor.
    assert missed == [("Dau", "Dao", ())]


def test_the_package_data_is_read_once_and_only_when_first_needed(monkeypatch):
    reads = []

    def counting(name):
        reads.append(name)
        return areaid.area.buka_data(name)

    gazetteer._gazetteer.cache_clear()
    monkeypatch.setattr(gazetteer.areaid, "buka_data", counting)
    assert reads == []
    check_region("Jawa Timur", "Gresik", "Sangkapura")
    locate_kecamatan("Masama")
    assert len(reads) == 34 and len(set(reads)) == 34
