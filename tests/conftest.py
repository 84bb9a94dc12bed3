import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from kinerja.ingest import parse_file
from kinerja.paths import RAW, ROOT
from tests.postgres import postgres_url, store_database  # noqa: F401  (fixtures: a PostgreSQL server, each store engine)

FIXTURES = Path(__file__).parent / "fixtures"

SANGKAPURA = RAW / "iki_sangkapura_2019.txt"
BULULAWANG = RAW / "iki_bululawang_2017.txt"
MASAMA = RAW / "iki_masama_2020.txt"
LUMAJANG = RAW / "iki_lumajang_2023.txt"


@cache
def parsed(path: Path):
    return parse_file(path)


def block(doc, title_part: str, nth: int = 0):
    matches = [b for b in doc.blocks if title_part.lower() in b.jabatan.lower()]
    assert len(matches) > nth, f"no block '{title_part}' in {[b.jabatan for b in doc.blocks]}"
    return matches[nth]


def indicator(doc, text_part: str):
    matches = [r for b in doc.blocks for r in b.indicators if text_part.lower() in r.indikator.lower()]
    assert matches, f"no indicator containing '{text_part}'"
    return matches[0]


# Who may sign in during the tests: an editor and a reader, each with a password.
EDITOR = ("Sri Wahyuni", "sandi-editor-2026")
READER = ("Budi Santoso", "sandi-pembaca-2026")


@pytest.fixture(scope="session", autouse=True)
def no_users_of_this_working_copy(tmp_path_factory):
    """Tests never read the users file of this working copy: a test that signs in makes its own."""
    os.environ["KINERJA_PENGGUNA_FILE"] = str(tmp_path_factory.mktemp("tanpa_pengguna") / "pengguna.toml")


def add_user(path: Path, name: str, password: str, role: str) -> subprocess.CompletedProcess:
    """`python -m kinerja pengguna tambah`, as an administrator runs it, the password on stdin."""
    command = [sys.executable, "-m", "kinerja", "pengguna", "tambah", name, "--peran", role, "--kata-sandi-stdin"]
    env = {**os.environ, "KINERJA_PENGGUNA_FILE": str(path)}
    return subprocess.run(command, input=f"{password}\n", text=True, env=env, cwd=ROOT, capture_output=True, check=True)


@pytest.fixture(scope="session")
def made_users_file(tmp_path_factory) -> Path:
    """The editor and the reader, added through the command line."""
    path = tmp_path_factory.mktemp("pengguna") / "pengguna.toml"
    add_user(path, *EDITOR, "editor")
    add_user(path, *READER, "pembaca")
    return path


@pytest.fixture
def users_file(made_users_file, tmp_path, monkeypatch) -> Path:
    """The users file in this test's own folder (a test may change it), named by KINERJA_PENGGUNA_FILE."""
    path = tmp_path / "pengguna" / "pengguna.toml"
    path.parent.mkdir()
    shutil.copy2(made_users_file, path)
    monkeypatch.setenv("KINERJA_PENGGUNA_FILE", str(path))
    return path


def sign_in(at, name: str, password: str):
    """Masuk in the sidebar of a page under AppTest: name, password, the button."""
    at.sidebar.text_input(key="masuk_nama").input(name)
    at.sidebar.text_input(key="masuk_sandi").input(password)
    at.sidebar.button(key="masuk_kirim").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def _build_into(out: Path, sources, links=(), groupings=()) -> Path:
    from kinerja.build import build_dataset, write_dataset

    write_dataset(build_dataset(sources, corrections=[], links=links, groupings=groupings), out / "normalised")
    return out / "normalised"


@pytest.fixture(scope="session")
def fixture_data(tmp_path_factory) -> Path:
    """A small dataset from the three hand-written documents: 8 positions, 15 indicators."""
    from kinerja.build import Source

    sources = [
        Source(FIXTURES / "iki_cibereum_markdown.txt", "Cibereum", "Sukamaju", "Jawa Barat", 2024),
        Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2024),
        Source(FIXTURES / "iki_mekarsari_ocr.txt", "Mekarsari", "Purwaraja", "Jawa Barat", 2022),
    ]
    return _build_into(tmp_path_factory.mktemp("fixture_data"), sources)


def fixture_sources() -> list:
    from kinerja.build import Source

    return [
        Source(FIXTURES / "iki_cibereum_markdown.txt", "Cibereum", "Sukamaju", "Jawa Barat", 2024),
        Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2024),
        Source(FIXTURES / "iki_mekarsari_ocr.txt", "Mekarsari", "Purwaraja", "Jawa Barat", 2022),
    ]


def fixture_links() -> list:
    """Three officers' links of Pohon kinerja on the fixture documents, whose sasaran share no words
    with their Camat's: Cibereum's satisfaction survey supports its Camat's 'Meningkatnya kinerja
    kecamatan'; Wonorejo's filing of letters supports nothing (said so); and a link to a sasaran no
    document has (stale)."""
    from kinerja.build.cascade import Link
    from kinerja.ids import sasaran_id

    def node(kecamatan, jabatan_baku, sasaran):
        return sasaran_id("Sukamaju", kecamatan, 2024, jabatan_baku, sasaran, 1)

    return [
        Link(node("Cibereum", "Pengolah Data (Pelayanan Administrasi)", "Terlaksananya survei kepuasan"),
             node("Cibereum", "Camat", "Meningkatnya kinerja kecamatan"), "Cibereum", "Sukamaju", "Jawa Barat", 2024,
             "PENGOLAH DATA (PELAYANAN ADMINISTRASI)", "Terlaksananya survei kepuasan", "CAMAT",
             "Meningkatnya kinerja kecamatan", "kepuasan masyarakat bagian dari kinerja kecamatan", "uji", "", row=4),
        Link(node("Wonorejo", "Pengadministrasi Umum", "Terlaksananya pengarsipan surat"), "", "Wonorejo", "Sukamaju",
             "Jawa Barat", 2024, "Pengadministrasi Umum", "Terlaksananya pengarsipan surat", row=5),
        Link(node("Wonorejo", "Camat", "Sasaran yang sudah dihapus"), "", "Wonorejo", "Sukamaju", "Jawa Barat", 2024,
             "CAMAT", "Sasaran yang sudah dihapus", alasan="dulu ada", row=6),
    ]  # fmt: skip


def fixture_groupings() -> list:
    """Two officers' decisions on the clusters of Harmonisasi of the fixture documents: Wonorejo's filing
    of letters and Mekarsari's outgoing letters are one measure (their wordings share one word only);
    and a wording set apart that no document has (stale)."""
    from kinerja.build.harmony import Grouping

    return [
        Grouping("Pengadministrasi Umum", "gabung", "Jumlah surat yang diarsipkan", "Jumlah surat keluar",
                 "surat keluar diarsipkan", "uji", row=5),
        Grouping("Pengadministrasi Umum", "pisah", "Jumlah surat yang sudah dihapus", alasan="dulu ada", row=6),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def linked_data(tmp_path_factory) -> Path:
    """The fixture documents built with the officers' links of `fixture_links` and their cluster
    decisions of `fixture_groupings`."""
    return _build_into(tmp_path_factory.mktemp("linked_data"), fixture_sources(), fixture_links(), fixture_groupings())


@pytest.fixture(scope="session")
def real_data(tmp_path_factory) -> Path:
    """The four real documents, built as `make run` builds them."""
    from kinerja.build import build_dataset, read_corrections, read_manifest, write_dataset

    out = tmp_path_factory.mktemp("real_data") / "normalised"
    write_dataset(build_dataset(read_manifest(), read_corrections()), out)
    return out


@pytest.fixture(scope="session")
def multi_year_data(tmp_path_factory) -> Path:
    """Wonorejo's document for 2023 and for 2024, and Cibereum 2024: one kecamatan, two documents."""
    from kinerja.build import Source

    sources = [
        Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2023),
        Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2024),
        Source(FIXTURES / "iki_cibereum_markdown.txt", "Cibereum", "Sukamaju", "Jawa Barat", 2024),
    ]
    return _build_into(tmp_path_factory.mktemp("multi_year_data"), sources)


def yearly_sources() -> list:
    """Wonorejo's document for 2023 and 2024 (one text) and for 2025, and Cibereum's for 2024. Read by
    hand, Wonorejo 2025 against 2024: the Camat keeps the satisfaction index (its formula now 'per
    semester') and adds complaints followed up; the Kasubag rewords the monthly financial reports ('… yang
    tepat waktu', target 12 to 10 laporan), keeps budget realisation (87,5 to 95 %), adds RKA proposals
    approved (100 %) and drops SPJ verified (1.250 dokumen); the Pengadministrasi Umum keeps filed letters
    as they were (no target either year)."""
    from kinerja.build import Source

    return [
        Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2023),
        Source(FIXTURES / "iki_wonorejo_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2024),
        Source(FIXTURES / "iki_wonorejo_2025_numbered.txt", "Wonorejo", "Sukamaju", "Jawa Barat", 2025),
        Source(FIXTURES / "iki_cibereum_markdown.txt", "Cibereum", "Sukamaju", "Jawa Barat", 2024),
    ]


@pytest.fixture(scope="session")
def yearly_data(tmp_path_factory) -> Path:
    """The documents of `yearly_sources`: one kecamatan with three years, one with one."""
    return _build_into(tmp_path_factory.mktemp("yearly_data"), yearly_sources())


@pytest.fixture(scope="session")
def many_data(tmp_path_factory) -> Path:
    """32 kecamatan in two kabupaten of two provinsi, two of them named alike: more than a chart can name.
    Kab A (Prov Satu) has Sukamaju and Desa A01–A19 with Wonorejo's document (5 indicators, targets),
    Kab B (Prov Dua) Sukamaju and Desa B01–B11 with Cibereum's (6 indicators, none), all of 2024."""
    from kinerja.build import Source

    names_a = ["Sukamaju", *(f"Desa A{n:02d}" for n in range(1, 20))]
    names_b = ["Sukamaju", *(f"Desa B{n:02d}" for n in range(1, 12))]
    sources = [Source(FIXTURES / "iki_wonorejo_numbered.txt", k, "Kab A", "Prov Satu", 2024) for k in names_a]
    sources += [Source(FIXTURES / "iki_cibereum_markdown.txt", k, "Kab B", "Prov Dua", 2024) for k in names_b]
    return _build_into(tmp_path_factory.mktemp("banyak"), sources)


@pytest.fixture(scope="module")
def many(many_data):
    """A connection to the 32 kecamatan of `many_data`."""
    from kinerja import db

    return db.connect(many_data)


@pytest.fixture(scope="session")
def provinces_data(tmp_path_factory) -> Path:
    """31 kabupaten with one kecamatan each, more than a chart can name at either level: summed per
    provinsi. Prov Satu's 16 (Kab 01–16) have Wonorejo's document, Prov Dua's 15 (Kab 17–31) Cibereum's."""
    from kinerja.build import Source

    sources = [
        Source(
            FIXTURES / ("iki_wonorejo_numbered.txt" if n <= 16 else "iki_cibereum_markdown.txt"),
            f"Desa {n:02d}",
            f"Kab {n:02d}",
            "Prov Satu" if n <= 16 else "Prov Dua",
            2024,
        )
        for n in range(1, 32)
    ]
    return _build_into(tmp_path_factory.mktemp("provinsi"), sources)


@pytest.fixture(scope="module")
def provinces(provinces_data):
    """A connection to the 31 kabupaten of `provinces_data`."""
    from kinerja import db

    return db.connect(provinces_data)


@pytest.fixture(scope="module")
def real(real_data):
    """A connection to the four real documents."""
    from kinerja import db

    return db.connect(real_data)


@pytest.fixture(scope="module")
def years(multi_year_data):
    """A connection to the documents of several years."""
    from kinerja import db

    return db.connect(multi_year_data)


SEEDS = (SANGKAPURA, BULULAWANG, MASAMA, LUMAJANG)


@pytest.fixture(scope="session")
def seed_docx(tmp_path_factory) -> dict[str, Path]:
    """The four seed documents as Word files, keyed by the text file's stem."""
    from tests.seed_documents import text_to_docx

    out = tmp_path_factory.mktemp("seed_docx")
    return {seed.stem: text_to_docx(seed.read_text(encoding="utf-8"), out / f"{seed.stem}.docx") for seed in SEEDS}


@pytest.fixture(scope="session")
def seed_pdf(seed_docx, tmp_path_factory) -> dict[str, Path]:
    """The Word files printed to PDF by LibreOffice headless."""
    from tests.seed_documents import docx_to_pdf

    out = tmp_path_factory.mktemp("seed_pdf")
    pdfs = docx_to_pdf(list(seed_docx.values()), out)
    return {pdf.stem: pdf for pdf in pdfs}


@pytest.fixture(scope="session")
def seed_scan(seed_pdf, tmp_path_factory) -> dict[str, Path]:
    """The PDFs scanned: every page an image at 200 dpi, no text layer."""
    from tests.seed_documents import pdf_to_scan

    out = tmp_path_factory.mktemp("seed_scan")
    return {stem: pdf_to_scan(pdf, out / f"{stem}.pdf") for stem, pdf in seed_pdf.items()}
