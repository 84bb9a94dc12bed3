"""The realisation store in its database, on SQLite and on PostgreSQL (`store_database`): the view of
current values counted by hand, reading a scope, the former file store moved in, all-or-nothing
imports (a constraint broken midway, a writer killed in its transaction), races between undos, and
several processes (the app's save and the command line) writing at once."""

import functools
import getpass
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from kinerja import db
from kinerja.capaian import assembly, store, template
from kinerja.errors import ImportRejected, NotFound, Refused, StoreUnavailable
from kinerja.ids import former_ids
from kinerja.paths import ROOT, database_url
from tests.test_realisasi import FILES, IKM, LAPORAN  # Wonorejo 2024's files and indicator ids


@pytest.fixture
def env(fixture_data, tmp_path, monkeypatch, store_database):
    monkeypatch.setenv("KINERJA_DATA_DIR", str(fixture_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    con = db.connect(fixture_data)
    return con, assembly.indicators(con)


def _batch(name: str, rows: list[tuple[str, str, str]]) -> store.Batch:
    values = pd.DataFrame(rows, columns=["indikator_id", "kolom", "nilai"])
    return store.Batch(name, values, len({r[0] for r in rows}), hashlib.sha256(name.encode()).hexdigest())


def _current(indikator_ids=None) -> list[list[str]]:
    values = store.current_values(indikator_ids=indikator_ids).astype({"kolom": str})
    return values.sort_values(["indikator_id", "kolom"])[["indikator_id", "kolom", "nilai"]].values.tolist()


_VIEW = sa.table("nilai_terkini", *(sa.column(c) for c in ("indikator_id", "kolom", "nomor_impor", "nilai")))


def _in_force() -> list[tuple]:
    """nilai_berlaku as (indikator_id, kolom, impor_id, nilai), after checking it holds exactly the view's rows."""
    with store._open().connect() as conn:
        table = sorted(tuple(r) for r in conn.execute(sa.select(*(store.nilai_berlaku.c[c.name] for c in _VIEW.columns))))
        view = sorted(tuple(r) for r in conn.execute(sa.select(_VIEW)))
        ids = dict(conn.execute(sa.select(store.impor.c.nomor, store.impor.c.impor_id)).all())
    assert table == view
    return [(i, k, ids[n], v) for i, k, n, v in table]


def test_the_view_gives_the_latest_value_not_undone(env):
    first, second, third = store.import_many(
        [
            _batch("a.csv", [("x-2024-0000000001", "tw1", "1.0"), ("x-2024-0000000001", "tw2", "2.0")]),
            _batch("b.csv", [("x-2024-0000000001", "tw1", "5.0")]),
            _batch("c.csv", [("x-2024-0000000001", "tw2", "9.0"), ("y-2024-0000000002", "target", "12.0")]),
        ],
        oleh="petugas",
        source="uji",
    )
    assert _current() == [["x-2024-0000000001", "tw1", "5.0"], ["x-2024-0000000001", "tw2", "9.0"],
                          ["y-2024-0000000002", "target", "12.0"]]  # fmt: skip
    store.undo(third, oleh="petugas")
    assert _current() == [["x-2024-0000000001", "tw1", "5.0"], ["x-2024-0000000001", "tw2", "2.0"]]  # y: nothing left
    store.undo(second, oleh="petugas")
    assert _current() == [["x-2024-0000000001", "tw1", "1.0"], ["x-2024-0000000001", "tw2", "2.0"]]
    imports = store.list_imports()
    assert imports["impor_id"].tolist() == [third, second, first]  # newest first, in the order they were given
    assert imports["dibatalkan"].tolist() == [True, True, False] and set(imports["oleh"]) == {"petugas"}


def test_the_values_in_force_follow_imports_reimports_and_undos_as_the_view_does(env):
    x, y = "x-2024-0000000001", "y-2024-0000000002"
    a, b, c = store.import_many(
        [
            _batch("a.csv", [(x, "tw1", "1.0"), (x, "tw2", "2.0")]),
            _batch("b.csv", [(x, "tw1", "5.0")]),
            _batch("c.csv", [(x, "tw2", "9.0"), (y, "target", "12.0")]),
        ],
        oleh="petugas",
        source="uji",
    )
    assert _in_force() == [(x, "tw1", b, "5.0"), (x, "tw2", c, "9.0"), (y, "target", c, "12.0")]
    store.undo(a, oleh="petugas")  # a holds no value in force: nothing changes
    assert _in_force() == [(x, "tw1", b, "5.0"), (x, "tw2", c, "9.0"), (y, "target", c, "12.0")]
    store.undo(c, oleh="petugas")  # x tw2 falls back past a (undone) to nothing; y has nothing left
    assert _in_force() == [(x, "tw1", b, "5.0")]
    (again,) = store.import_many([_batch("c.csv", [(x, "tw2", "9.0"), (y, "target", "12.0")])], oleh="petugas", source="uji")
    assert again != c and _in_force() == [(x, "tw1", b, "5.0"), (x, "tw2", again, "9.0"), (y, "target", again, "12.0")]
    (d,) = store.import_many([_batch("d.csv", [(x, "tw1", "7.0"), (x, "tw2", "3.0")])], oleh="petugas", source="uji")
    assert _in_force() == [(x, "tw1", d, "7.0"), (x, "tw2", d, "3.0"), (y, "target", again, "12.0")]
    store.undo(d, oleh="petugas")  # back to the latest still standing: b for tw1, the re-import for tw2
    assert _in_force() == [(x, "tw1", b, "5.0"), (x, "tw2", again, "9.0"), (y, "target", again, "12.0")]
    store.undo(b, oleh="petugas")
    assert _in_force() == [(x, "tw2", again, "9.0"), (y, "target", again, "12.0")]
    assert _current() == [[x, "tw2", "9.0"], [y, "target", "12.0"]]
    assert len(store.list_imports()) == 5  # the history keeps every import, the undone ones too


def test_a_store_made_before_the_values_in_force_gets_them_on_first_opening(env):
    x, y = "x-2024-0000000001", "y-2024-0000000002"
    a, b = store.import_many(
        [_batch("a.csv", [(x, "tw1", "1.0"), (y, "tw1", "4.0")]), _batch("b.csv", [(x, "tw1", "5.0"), (y, "tw2", "6.0")])],
        oleh="petugas",
        source="uji",
    )
    store.undo(b, oleh="petugas")
    before = store.list_imports()
    with store._open().begin() as conn:  # the store as the former schema left it: no nilai_berlaku
        store.nilai_berlaku.drop(conn)
    store.close()  # a new process opens it
    assert _current() == [[x, "tw1", "1.0"], [y, "tw1", "4.0"]]
    assert _in_force() == [(x, "tw1", a, "1.0"), (y, "tw1", a, "4.0")]
    pd.testing.assert_frame_equal(store.list_imports(), before)  # nothing lost
    (c,) = store.import_many([_batch("c.csv", [(y, "tw1", "8.0")])], oleh="petugas", source="uji")
    assert _in_force() == [(x, "tw1", a, "1.0"), (y, "tw1", c, "8.0")]


def test_a_scope_is_read_by_its_indicator_ids(env):
    store.import_many(
        [
            _batch("a.csv", [("sukamaju-2024-00000000a1", "tw1", "1"), ("sukamaju-2024-00000000a2", "tw1", "2"),
                             ("sukamaju-2023-00000000b1", "tw1", "3"), ("sukamajuraya-2024-00000000c1", "tw1", "4"),
                             ("nama-lain", "target", "5")]),
        ],
        oleh="petugas",
        source="uji",
    )  # fmt: skip
    # Only the ids asked for: not the other indicator of Sukamaju 2024 (same prefix, maybe another kabupaten),
    # nor Sukamaju 2023, nor Sukamajuraya; an id of another form is read too.
    assert _current(["sukamaju-2024-00000000a1", "nama-lain"]) == [
        ["nama-lain", "target", "5"],
        ["sukamaju-2024-00000000a1", "tw1", "1"],
    ]
    assert _current(["sukamaju-2024-00000000ff"]) == [] and _current([]) == []
    assert len(_current()) == 5


def test_the_signature_changes_with_every_import_and_undo(env):
    empty = store.signature()
    assert empty[1:] == (0, None, 0)
    (first,) = store.import_many([_batch("a.csv", [("x-2024-0000000001", "tw1", "1")])], oleh="petugas", source="uji")
    after_import = store.signature()
    assert after_import[1] == 1 and after_import[2] is not None and after_import[3] == 0
    store.undo(first, oleh="petugas")
    assert store.signature()[1:] == (1, after_import[2], 1)
    assert len({empty, after_import, store.signature()}) == 3


def test_reading_an_empty_store_creates_nothing(env, store_database, tmp_path):
    assert store.list_imports().empty and store.current_values().empty and store.coverage(None, store.list_imports()) == {}
    with pytest.raises(NotFound):
        store.undo("20260101T000000000000-abcdef12", oleh="petugas")
    if store_database == "sqlite":
        assert not (tmp_path / "realisasi").exists()  # the folder comes with the first write
        assert database_url() == f"sqlite:///{tmp_path / 'realisasi' / 'realisasi.sqlite'}"


def test_an_import_failing_midway_leaves_nothing(env):
    good = [_batch(f"baik{k}.csv", [(f"x-2024-000000000{k}", "tw1", "1")]) for k in range(2)]
    broken = _batch("rusak.csv", [("x-2024-0000000009", "tw1", None)])  # a value the schema refuses (NOT NULL)
    with pytest.raises(sa.exc.IntegrityError):
        store.import_many([*good, broken], oleh="petugas", source="uji", per_round=1)  # two rounds written first
    assert store.list_imports().empty and store.current_values().empty and _in_force() == []
    twice = _batch("dua.csv", [("x-2024-0000000001", "tw1", "1"), ("x-2024-0000000001", "tw1", "2")])  # the key twice
    with pytest.raises(sa.exc.IntegrityError):
        store.import_many([*good, twice], oleh="petugas", source="uji")
    assert store.list_imports().empty
    with pytest.raises(ImportRejected, match="sama dengan baik0.csv dalam impor yang sama"):
        store.import_many([*good, good[0]], oleh="petugas", source="uji")
    assert store.list_imports().empty
    assert len(store.import_many(good, oleh="petugas", source="uji", per_round=1)) == 2  # nothing held a lock


_KILLED_WRITER = """
import sys, time
import pandas as pd
from kinerja.capaian import store

def batches():
    for k in range(3):
        values = pd.DataFrame({"indikator_id": [f"x-2024-{k:010d}"], "kolom": ["tw1"], "nilai": ["1"]})
        yield store.Batch(f"b{k}.csv", values, 1, f"{k:064x}")
    print("ditulis", flush=True)  # the first round (two imports) is written inside the open transaction
    time.sleep(600)

store.import_many(batches(), "pekerja", "uji", per_round=2)
"""


def test_a_writer_killed_in_its_transaction_leaves_nothing(env):
    writer = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ditulis"
        assert store.list_imports().empty  # a reader goes on meanwhile and sees nothing uncommitted
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert store.list_imports().empty and store.current_values().empty and _in_force() == []
    assert len(store.import_many([_batch("a.csv", [("x-2024-0000000001", "tw1", "1")])], "petugas", "uji")) == 1


def test_two_undos_at_once_undo_once(env):
    (imported,) = store.import_many([_batch("a.csv", [("x-2024-0000000001", "tw1", "1")])], oleh="petugas", source="uji")
    start, outcomes = threading.Barrier(2), []

    def undo(who):
        start.wait()
        try:
            store.undo(imported, oleh=who)
            outcomes.append("dibatalkan")
        except Refused as refused:
            outcomes.append(str(refused))

    threads = [threading.Thread(target=undo, args=(f"petugas {k}",)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["dibatalkan", f"impor '{imported}' sudah dibatalkan"]
    assert store.list_imports()["dibatalkan"].tolist() == [True] and store.current_values().empty and _in_force() == []
    assert _current(["x-2024-0000000001"]) == []  # a scope, with no column left in force


def test_imports_and_undos_at_once_keep_the_values_in_force_those_of_the_view(env):
    keys = [(f"x-2024-{i:010d}", kolom) for i in range(40) for kolom in ("target", "tw1", "tw2")]

    def batch(step: int, offset: int) -> store.Batch:  # batches of other steps share keys
        rows = [(i, k, f"{step}.{offset}") for n, (i, k) in enumerate(keys) if n % step == offset]
        return _batch(f"isian_{step}_{offset}.csv", rows)

    kept, *undone = store.import_many([batch(s, o) for s in (2, 3) for o in range(s)], "petugas", "uji")
    start, failures = threading.Barrier(len(undone) + 2), []

    def at_once(write):
        start.wait()
        try:
            write()
        except Exception as error:  # said in the assertion below
            failures.append(repr(error))

    writes = [functools.partial(store.undo, import_id, f"petugas {k}") for k, import_id in enumerate(undone)]
    writes += [functools.partial(store.import_many, [batch(5, o)], f"pengimpor {o}", "uji") for o in range(2)]
    threads = [threading.Thread(target=at_once, args=(w,)) for w in writes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    imports = store.list_imports()
    assert imports.loc[imports["dibatalkan"], "impor_id"].tolist() == undone[::-1]
    values = {}  # per key the latest import still standing: the two new ones over the one kept
    for name in reversed(imports.loc[~imports["dibatalkan"], "berkas"].tolist()):
        step, offset = map(int, name[len("isian_") : -len(".csv")].split("_"))
        values |= {key: f"{step}.{offset}" for n, key in enumerate(keys) if n % step == offset}
    assert set(values.values()) == {"2.0", "5.0", "5.1"}
    assert _current() == sorted([i, k, v] for (i, k), v in values.items())
    assert len(_in_force()) == len(values)


def test_an_unreachable_database_is_said_in_indonesian_without_its_password(env, monkeypatch):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("KINERJA_DATABASE_URL", f"postgresql+psycopg://petugas:rahasia@127.0.0.1:{port}/kinerja")
    with pytest.raises(StoreUnavailable, match=f"basis data realisasi postgresql\\+psycopg://petugas:\\*\\*\\*@127.0.0.1:{port}"):
        store.list_imports()
    with pytest.raises(StoreUnavailable) as unavailable:
        store.signature()
    assert "rahasia" not in str(unavailable.value)


# ------------------------------------------------------------------------------------------------ the old store


def _old_import(folder: Path, name: str, content: bytes, values: list[tuple], when: str, source: str) -> str:
    """One import written as the file store wrote it: values as parquet first, then the JSON record."""
    digest = hashlib.sha256(content).hexdigest()
    moment = datetime.fromisoformat(when)
    import_id = f"{moment:%Y%m%dT%H%M%S%f}-{digest[:8]}"
    frame = pd.DataFrame(values, columns=["indikator_id", "kolom", "nilai"]).assign(impor_id=import_id, diimpor_pada=when)
    (folder / "impor").mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    (folder / "impor" / f"{import_id}.parquet").write_bytes(buffer.getvalue())
    record = {"impor_id": import_id, "berkas": name, "sha256": digest, "diimpor_pada": when, "baris": 2,
              "nilai": len(frame), "sumber": source}  # fmt: skip
    (folder / "impor" / f"{import_id}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))
    return import_id


def _old_undo(folder: Path, import_id: str, when: str) -> None:
    (folder / "batal").mkdir(parents=True, exist_ok=True)
    (folder / "batal" / f"{import_id}.json").write_text(json.dumps({"impor_id": import_id, "dibatalkan_pada": when}))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.parent.name in {"impor", "batal"}}


def test_the_former_file_store_is_moved_in_once_and_left_as_it_was(env, tmp_path):
    con, indicators = env
    folder = tmp_path / "realisasi"
    former_ikm = {new: old for old, new in former_ids(indicators).items()}[IKM]
    assert former_ikm != IKM
    good = (FILES / "baik_wonorejo.csv").read_bytes()
    first = _old_import(folder, "baik_wonorejo.csv", good, [(IKM, "target", "80.0"), (IKM, "tw4", "82.5"),
                        (LAPORAN, "tw1", "3.0")], "2026-01-05T08:00:00.250000+00:00", "aplikasi")  # fmt: skip
    revised = _old_import(folder, "revisi_ikm.csv", b"revisi", [(former_ikm, "target", "80.0"), (former_ikm, "tw4", "76.0")],
                          "2026-02-01T09:30:00+00:00", "baris perintah")  # fmt: skip
    undone = _old_import(folder, "salah.csv", b"salah", [(LAPORAN, "tw1", "9.0")], "2026-03-01T10:00:00+00:00", "aplikasi")
    _old_undo(folder, undone, "2026-03-02T11:00:00+00:00")
    gone = _old_import(folder, "lama.csv", b"lama", [("hilang-2020-0123456789", "tw1", "7.0")], "2026-03-05T12:00:00+00:00",
                       "baris perintah")  # fmt: skip
    (folder / "impor" / "20260306T000000000000-00000000.parquet").write_bytes(b"never completed")  # no record
    before = _snapshot(folder)

    said = store.open_store(con)
    assert said == ("4 impor dipindahkan dari penyimpanan berkas (1 dibatalkan); "
                    "2 nilai memakai ID indikator lama dan kini tercatat pada ID barunya")  # fmt: skip
    assert store.open_store(con) == ""  # said once
    assert _snapshot(folder) == before  # the old files untouched, nothing added beside them

    imports = store.list_imports().set_index("impor_id")
    assert imports.index.tolist() == [gone, undone, revised, first]  # newest first, by their own times
    assert imports.loc[first, ["berkas", "sha256", "diimpor_pada", "baris", "nilai", "sumber"]].tolist() == [
        "baik_wonorejo.csv", hashlib.sha256(good).hexdigest(), "2026-01-05T08:00:00.250000+00:00", 2, 3, "aplikasi"]  # fmt: skip
    assert set(imports["oleh"]) == {store.MIGRATED_BY}
    assert imports["dibatalkan"].tolist() == [False, True, False, False]
    assert imports.loc[undone, ["dibatalkan_pada", "dibatalkan_oleh"]].tolist() == [
        "2026-03-02T11:00:00+00:00", store.MIGRATED_BY]  # fmt: skip
    assert _current() == [
        ["hilang-2020-0123456789", "tw1", "7.0"],  # matches no indicator: kept as it was
        [IKM, "target", "80.0"],
        [IKM, "tw4", "76.0"],  # the former id's value, now on the indicator, and the later import
        [LAPORAN, "tw1", "3.0"],  # the undone import's 9.0 does not count
    ]
    assert [v[:3] for v in _in_force()] == [("hilang-2020-0123456789", "tw1", gone), (IKM, "target", revised),
                                            (IKM, "tw4", revised), (LAPORAN, "tw1", first)]  # fmt: skip
    covers = store.coverage(con, store.list_imports())
    assert covers[revised] == "Wonorejo 2024" and covers[gone] == "1 nilai indikator yang sudah tidak ada"

    with pytest.raises(ImportRejected, match=f"sudah diimpor .*{first}"):  # the moved sha256 still counts
        store.import_bytes("baik_wonorejo.csv", good, indicators, "uji", oleh="petugas")

    _old_undo(folder, first, "2026-04-01T00:00:00+00:00")  # an old version still running undid one more
    store.close()  # a new process
    assert store.open_store(con) == "0 impor dipindahkan dari penyimpanan berkas (1 dibatalkan)"
    store.close()
    assert store.open_store(con) == ""
    with store._open().connect() as conn:
        moves = conn.execute(sa.select(store.pemindahan.c.impor, store.pemindahan.c.dibatalkan)).all()
    assert [tuple(m) for m in moves] == [(4, 1), (0, 1)]
    assert store.list_imports()["dibatalkan"].tolist() == [False, True, False, True]
    assert _current() == [["hilang-2020-0123456789", "tw1", "7.0"], [IKM, "target", "80.0"], [IKM, "tw4", "76.0"]]
    assert [v[:3] for v in _in_force()] == [("hilang-2020-0123456789", "tw1", gone), (IKM, "target", revised),
                                            (IKM, "tw4", revised)]  # the late undo took LAPORAN's value away  # fmt: skip


# ------------------------------------------------------------------------------------------------ several writers

_APP_WRITER = """
import json, sys, time
from pathlib import Path
from kinerja import db
from kinerja.capaian import assembly, store, template
from kinerja.errors import ImportRejected

indicators = assembly.indicators(db.connect())
while not Path(sys.argv[2]).exists():  # the signal: the commands are landing their imports
    time.sleep(0.005)
for name in sys.argv[3:]:
    content = Path(name).read_bytes()
    checked = template.validate(Path(name).name, template.read_table(name, content), indicators)  # as the page does
    try:
        store.store(checked, Path(name).name, content, "aplikasi", oleh=sys.argv[1])  # the page's Simpan
        print(json.dumps([Path(name).name, "disimpan"]), flush=True)
    except ImportRejected as rejected:
        print(json.dumps([Path(name).name, str(rejected)]), flush=True)
"""


def _files_for_writers(indicators: pd.DataFrame, folder: Path, count: int) -> dict[str, dict]:
    """`count` filled templates, each of its own content, overlapping on indicators and columns so the
    latest import decides; returns each file's values by (indikator_id, kolom)."""
    folder.mkdir(parents=True)
    files = {}
    for k in range(count):
        frame = template.template_frame(indicators)
        chosen = [i for i in range(len(frame)) if (i + k) % 3 == 0]
        frame.loc[chosen, "tw1"] = float(k + 1)
        frame.loc[chosen[: k % 4 + 1], "target"] = float(50 + k)
        path = folder / f"isian_{k:02d}.csv"
        path.write_text(frame.to_csv(index=False))
        values = {(frame.at[i, "indikator_id"], "tw1"): f"{k + 1}.0" for i in chosen}
        values |= {(frame.at[i, "indikator_id"], "target"): f"{50 + k}.0" for i in chosen[: k % 4 + 1]}
        files[path.name] = values
    return files


def test_two_app_processes_and_the_command_line_writing_at_once_lose_nothing(env, tmp_path):
    _, indicators = env
    files = _files_for_writers(indicators, tmp_path / "isian", 14)
    names = sorted(files)
    shared = names[-1]  # the same file from every writer at the same moment: stored once
    own = {"aplikasi 1": names[0:5], "aplikasi 2": names[5:10]}
    by_cli = names[10:13]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    folder, go = tmp_path / "isian", tmp_path / "mulai"
    spawn = functools.partial(subprocess.Popen, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    cli = [sys.executable, "-m", "kinerja", "realisasi", "import"]
    commands = [spawn([*cli, str(folder / n)], text=True) for n in [shared, shared, *by_cli]]
    apps = [spawn([sys.executable, "-c", _APP_WRITER, who, str(go), *[str(folder / n) for n in [shared, *mine]]], text=True)
            for who, mine in own.items()]  # fmt: skip
    deadline = time.time() + 120
    while store.signature()[1] == 0 and time.time() < deadline:  # the commands start slower than the apps
        time.sleep(0.005)
    go.touch()  # the apps save while the other commands land theirs
    writers = apps + commands
    results = [(*w.communicate(timeout=300), w.returncode) for w in writers]
    assert all(code in (0, 2) for *_, code in results), results
    said = [json.loads(line) for out, _, _ in results[:2] for line in out.splitlines()]
    by_the_app = {name for name, outcome in said if outcome == "disimpan"}
    assert sorted(by_the_app - {shared}) == names[:10]
    refused = [out + err for out, err, code in results if code == 2] + [o for _, o in said if o != "disimpan"]
    assert len(refused) == 3 and all("sudah diimpor" in r for r in refused)  # four tried the shared file, one won

    imports = store.list_imports()
    assert sorted(imports["berkas"]) == names  # every file once, the shared one too
    sources = {n: "aplikasi" if n in by_the_app else "baris perintah" for n in names}
    assert imports.set_index("berkas")["sumber"].to_dict() == sources
    assert set(imports["oleh"]) == {"aplikasi 1", "aplikasi 2", getpass.getuser()}
    expected = {}
    for name in reversed(imports["berkas"].tolist()):  # oldest first: a later import's value wins
        expected |= files[name]
    assert _current() == sorted([i, k, v] for (i, k), v in expected.items())
    assert len(_in_force()) == len(expected)  # and equal to the view


def test_the_app_says_once_what_it_moved_from_the_file_store(real_data, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from kinerja import site

    monkeypatch.setenv("KINERJA_DATA_DIR", str(real_data.parent))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    monkeypatch.delenv("KINERJA_DATABASE_URL", raising=False)
    lumajang = assembly.indicators(db.connect(real_data)).query("kecamatan == 'Lumajang'")["indikator_id"].iloc[0]
    _old_import(tmp_path / "realisasi", "lumajang.csv", b"lumajang", [(lumajang, "tw1", "5.0")], "2026-01-05T08:00:00+00:00",
                "aplikasi")  # fmt: skip
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.run()
    at.switch_page(site.page_of_view("capaian").from_router).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.toast] == ["1 impor dipindahkan dari penyimpanan berkas (0 dibatalkan)."]
    assert at.toggle(key="contoh").value is False  # the moved import is the officer's own data
    at.run()
    assert not at.toast  # once
    store.close()


def test_the_command_line_says_what_it_moved_from_the_file_store(env, tmp_path, capsys):
    from kinerja.cli import main

    moved = _old_import(tmp_path / "realisasi", "lama.csv", b"lama", [(IKM, "tw1", "5.0")], "2026-01-05T08:00:00+00:00",
                        "baris perintah")  # fmt: skip
    assert main(["realisasi", "daftar"]) == 0
    first, listed = capsys.readouterr().out.splitlines()
    assert first == "1 impor dipindahkan dari penyimpanan berkas (0 dibatalkan)."
    assert listed.startswith(moved) and "lama.csv  Wonorejo 2024  1 nilai  [Baris perintah, (dipindahkan dari" in listed
    assert main(["realisasi", "daftar"]) == 0
    assert "dipindahkan dari penyimpanan berkas (" not in capsys.readouterr().out  # said once
