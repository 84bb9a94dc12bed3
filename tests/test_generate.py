"""The dataset generator (bench/generate.py) at its test scale: three kecamatan of Kabupaten Malang and
three of Gunung Kidul, both with a Wonosari. The tables it writes are read by the app's queries, have
the real tables' columns and types, unique ids, the regions of the gazetteer, and are the same for the
same seed; the realisation store holds one import per document."""

import json
import os
import re
import subprocess
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import sqlalchemy

from bench import generate
from kinerja import db
from kinerja.capaian import assembly, store
from kinerja.capaian.template import read_table
from kinerja.filters import Filters
from kinerja.partitions import VERSION_FILE
from kinerja.vocab import TERUKUR

EXPECTED_KECAMATAN = {
    ("Malang", "Ampelgading"),
    ("Malang", "Bantur"),
    ("Malang", "Wonosari"),
    ("Gunung Kidul", "Gedang Sari"),
    ("Gunung Kidul", "Girisubo"),
    ("Gunung Kidul", "Wonosari"),
}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("uji")
    generate.main(["--scale", "uji", "--out", str(out)])
    return out


@pytest.fixture(scope="module")
def con(dataset):
    return db.connect(dataset / "normalised")


def _column_types(con, table: str) -> list[tuple[str, str]]:
    relation = con.table(table)
    return list(zip(relation.columns, map(str, relation.types), strict=True))


def _tables(con) -> dict[str, pd.DataFrame]:
    return {name: con.table(name).df() for name in db.TABLES}


def test_the_command_says_what_it_wrote(tmp_path, capsys):
    generate.main(["--scale", "uji", "--out", str(tmp_path), "--tanpa-realisasi"])
    said = capsys.readouterr().out
    assert "6 kecamatan, 2 kabupaten/kota, 2 provinsi" in said
    assert re.search(r"\d+ dokumen, [\d.]+ jabatan, [\d.]+ indikator", said)
    assert "realisasi: tidak dibuat (--tanpa-realisasi)" in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bangkitan.json", "normalised"]
    # The tables only: no CSV copy beside them (600 MB at national scale, and nobody opens it).
    tables = ["antar_tahun", "dokumen", "indikator", "jabatan", "kaitan_usang", "klaster", "klaster_usang", "kualitas", "pohon"]
    tables.append("versi.json")
    assert sorted(p.name for p in (tmp_path / "normalised").iterdir()) == tables


def test_the_app_queries_read_the_generated_tables(con):
    wilayah = con.table("dokumen").df()
    assert set(zip(wilayah["kabupaten"], wilayah["kecamatan"], strict=True)) == EXPECTED_KECAMATAN
    assert set(wilayah["tahun"].astype(int)) <= set(generate.YEARS)
    assert wilayah.groupby(["kabupaten", "kecamatan"]).size().max() <= len(generate.YEARS)
    options = db.run_query(con, "pilihan_wilayah", **Filters(kabupaten=("Malang",)).params())
    kecamatan = options[options["filter"] == "kecamatan"]
    assert set(kecamatan["nilai"]) == {k for kab, k in EXPECTED_KECAMATAN if kab == "Malang"}
    total = db.run_query(con, "total_indikator", **Filters().params())
    indicators = con.table("indikator").df()
    assert total["indikator"].iloc[0] == len(indicators)
    malang = db.run_query(con, "indikator_dan_target", **Filters(kabupaten=("Malang",)).params(), ids=[])
    assert len(malang) == (indicators["kabupaten"] == "Malang").sum() > 0


def test_two_kecamatan_of_one_name_in_two_kabupaten_are_both_there(con):
    documents = con.table("dokumen").df()
    wonosari = documents[documents["kecamatan"] == "Wonosari"]
    assert set(wonosari["kabupaten"]) == {"Malang", "Gunung Kidul"}
    assert set(wonosari["provinsi"]) == {"Jawa Timur", "Daerah Istimewa Yogyakarta"}
    one_name = db.run_query(con, "indikator_dan_target", **Filters(kecamatan=("Wonosari",)).params(), ids=[])
    assert set(one_name["kabupaten"]) == {"Malang", "Gunung Kidul"}


def test_columns_and_types_are_the_real_tables(con, real):
    # as the store types them: a table empty in one (the seeds compare no two years) reads as objects in pandas
    for name in db.TABLES:
        assert _column_types(con, name) == _column_types(real, name), name


def test_ids_are_unique_and_made_as_the_build_makes_them(con):
    indicators = con.table("indikator").df()
    assert indicators["indikator_id"].is_unique
    # the documents' order, one number per row as the build gives it (contoh_per_kategori reads rows by it)
    assert sorted(indicators["urutan_baris"]) == list(range(len(indicators)))
    assert con.table("dokumen").df()["berkas"].is_unique
    first = indicators.iloc[0]
    assert first["indikator_id"] == generate.indicator_id(
        first["kabupaten"], first["kecamatan"], int(first["tahun"]), first["jabatan_baku"], first["indikator"], 1
    )


def test_rows_keep_their_template_and_name_their_own_kecamatan(con, real):
    generated, built = _tables(con), _tables(real)
    row_kinds = ["jabatan_baku", "jenis_jabatan", "bidang", "kategori_formula", "satuan", "polaritas", "target_satuan"]
    kinds = set(map(tuple, built["indikator"][row_kinds].to_numpy()))
    assert set(map(tuple, generated["indikator"][row_kinds].to_numpy())) <= kinds
    camat = generated["jabatan"][generated["jabatan"]["jabatan"].str.startswith("Camat ")]
    assert not camat.empty
    assert (camat["jabatan"] == "Camat " + camat["kecamatan"]).all()  # "Camat Masama" became the kecamatan's own
    for seed in generate.SEED_WEIGHTS:
        assert not generated["indikator"]["sasaran"].str.contains(seed).any()
    per_document = generated["jabatan"].groupby("berkas")["jabatan_urutan"].agg(["min", "max", "size"])
    assert (per_document["min"] == 1).all() and (per_document["max"] == per_document["size"]).all()


def test_the_same_seed_gives_the_same_tables_and_another_seed_others(con, tmp_path):
    generate.generate("uji", tmp_path / "lagi", seed=12, realisation=False)
    generate.generate("uji", tmp_path / "lain", seed=13, realisation=False)
    first = _tables(con)
    again, other = (_tables(db.connect(tmp_path / d / "normalised")) for d in ("lagi", "lain"))
    for name in db.TABLES:
        pd.testing.assert_frame_equal(again[name], first[name])
    assert not other["indikator"]["indikator_id"].equals(first["indikator"]["indikator_id"])


def test_one_realisation_import_per_document_for_terukur_indicators(dataset, con, monkeypatch):
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(dataset / "realisasi"))  # the dataset's own store
    imports = store.list_imports()
    documents = con.table("dokumen").df()
    assert 0 < len(imports) <= len(documents)
    covers = store.coverage(con, imports)
    assert len(covers) == len(imports)
    assert all(re.fullmatch(r"[A-Za-z ]+ 20\d\d", line) for line in covers.values())  # one kecamatan and year each
    values = store.current_values(con)
    indicators = assembly.indicators(con).set_index("indikator_id")
    about = indicators.loc[values["indikator_id"]]
    assert about["kategori_formula"].isin(TERUKUR).all()
    assert set(values["kolom"]) <= {"target", "tw1", "tw2", "tw3", "tw4"}
    targets = values[values["kolom"] == "target"]
    assert indicators.loc[targets["indikator_id"], "target"].isna().all()  # an officer fills a target the document lacks


def test_each_import_is_the_file_its_officer_would_upload(con):
    imports = generate.realisation_imports(con.table("indikator").df(), seed=12)
    assert imports and len({i.berkas for i in imports}) == len(imports)
    for item in imports:
        assert item.content == item.values.to_csv(index=False).encode()  # as pandas writes it, line by line
        read_back = read_table(item.name, item.content)  # as the page reads an uploaded file
        pd.testing.assert_frame_equal(read_back, item.values.reset_index(drop=True), check_dtype=False)
        assert item.rows == item.values["indikator_id"].nunique()


ROOT = Path(__file__).resolve().parent.parent


def _make(*arguments: str, dataset: Path) -> str:
    """What make would run, with KINERJA_DATA_DIR naming a generated dataset (-n: nothing is run)."""
    env = {**os.environ, "KINERJA_DATA_DIR": str(dataset)}
    # --no-print-directory: under `make test` this make is nested and would say which directory it enters.
    command = ["make", "--no-print-directory", *arguments]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout


def test_make_run_serves_a_generated_dataset_without_rebuilding_it(dataset):
    # The seed data's target is the file every build writes last, so a built folder counts as built.
    assert _make("--eval", "shown: ; @echo $(DATA)", "shown", dataset=dataset).strip() == f"data/normalised/{VERSION_FILE}"
    # Even when make thinks everything is out of date (-B), the build goes to data/normalised, never
    # to the dataset KINERJA_DATA_DIR names (the build's own default), which `make run` then serves.
    planned = _make("-n", "-B", "run", dataset=dataset).splitlines()
    builds = [line for line in planned if " -m kinerja build" in line]
    assert builds == [".venv/bin/python -m kinerja build --out data/normalised"]
    assert any(" -m streamlit run dashboard.py" in line for line in planned)


def test_a_database_the_environment_names_gets_no_generated_imports(tmp_path, postgres_url, monkeypatch):
    # A deployment's settings loaded in the shell that generates: the imports still go to the dataset.
    admin = sqlalchemy.create_engine(postgres_url, isolation_level="AUTOCOMMIT", poolclass=sqlalchemy.pool.NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE uji_bangkitan")
    deployment = postgres_url.rsplit("/", 1)[0] + "/uji_bangkitan"
    monkeypatch.setenv("KINERJA_DATABASE_URL", deployment)
    monkeypatch.delenv("KINERJA_REALISASI_DIR", raising=False)
    try:
        generate.main(["--scale", "uji", "--out", str(tmp_path)])
        assert os.environ["KINERJA_DATABASE_URL"] == deployment and "KINERJA_REALISASI_DIR" not in os.environ
        with sqlalchemy.create_engine(deployment, poolclass=sqlalchemy.pool.NullPool).connect() as conn:
            assert sqlalchemy.inspect(conn).get_table_names() == []  # not even the store's tables
        said = json.loads((tmp_path / "bangkitan.json").read_text(encoding="utf-8"))["realisasi"]["impor"]
        monkeypatch.delenv("KINERJA_DATABASE_URL")
        monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
        assert len(store.list_imports()) == said > 0
    finally:
        store.close()
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE uji_bangkitan WITH (FORCE)")


def test_pandas_answers_the_benchmarks_main_questions_as_duckdb_does(con):
    """The benchmark's ratio compares like with like: for each main question, on all data and on one
    kabupaten, pandas gives the rows DuckDB gives, in the same order (values stored for every other
    indicator, so capaian's questions have both kinds)."""
    from bench import pandas_questions, run

    ids = con.table("indikator").order("urutan_baris").df()["indikator_id"].tolist()[::2]
    values = pa.table({"indikator_id": ids, "kolom": ["tw1"] * len(ids), "nilai": ["1"] * len(ids)})
    tables = pandas_questions.load(con, values)
    for filters in (Filters(), Filters(kabupaten=("Malang",))):
        params = {**filters.params(), **run.EXTRA, "baris": 7, "mulai": 3, "cari": ""}
        for name in run.MAIN_QUESTIONS:
            answered = db.run_query(con, name, tables={run.STORE_TABLE: values}, **params)
            assert len(answered), (name, filters)
            assert pandas_questions.difference(con, name, tables, params, {run.STORE_TABLE: values}) == "", (name, filters)


def test_antar_tahun_accounts_for_every_indicator_of_each_pair_of_years_once(con):
    """Each indicator of a kecamatan's year after its first is on the later side of one row, each of a year
    before its last on the earlier side of one; kept and reworded rows hold both, added and dropped one."""
    rows, indicators = con.table("antar_tahun").df(), con.table("indikator").df()
    years = indicators.groupby(["kabupaten", "kecamatan"])["tahun"].agg(["min", "max"])
    placed = indicators.join(years, on=["kabupaten", "kecamatan"])
    later, earlier = rows["indikator_id"].dropna(), rows["indikator_id_sebelum"].dropna()
    assert later.is_unique and earlier.is_unique and len(rows) > 0
    assert set(later) == set(placed[placed["tahun"] > placed["min"]]["indikator_id"])
    assert set(earlier) == set(placed[placed["tahun"] < placed["max"]]["indikator_id"])
    both = rows["jenis_perubahan"].isin(["tetap", "diubah"])
    assert rows[both][["indikator_id", "indikator_id_sebelum"]].notna().all().all()
    assert rows[rows["jenis_perubahan"] == "ditambah"]["indikator_id_sebelum"].isna().all()
    assert rows[rows["jenis_perubahan"] == "dihapus"]["indikator_id"].isna().all()
