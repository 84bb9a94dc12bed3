"""Who may change data, on the pages (streamlit.testing.v1.AppTest, the real users file, store and
register): a viewer sees no write controls, a wrong password is refused, an editor's writes carry
their name, and a forged write is refused with every stored file byte for byte as it was."""

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from kinerja import archive, auth, db, intake, site
from kinerja.capaian import assembly, store, template
from kinerja.paths import RAW, ROOT
from tests.conftest import EDITOR, FIXTURES, READER, add_user, sign_in

DASHBOARD = str(ROOT / "dashboard.py")
CAPAIAN = site.page_of_view("capaian").script
DOKUMEN = "tambah_dokumen.py"
WRITE_BUTTONS = {"unggah_simpan", "editor_simpan", "batal", "batal_ya", "dokumen_simpan", "tarik", "tarik_ya"}


@pytest.fixture
def office(real_data, users_file, tmp_path, monkeypatch):
    """A dataset of its own (the real data), an empty realisation store, a copy of the documents and
    their register, and the users file with an editor and a reader."""
    shutil.copytree(real_data, tmp_path / "normalised")
    shutil.copytree(RAW, tmp_path / "raw")
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KINERJA_REALISASI_DIR", str(tmp_path / "realisasi"))
    monkeypatch.setenv("KINERJA_DOKUMEN_DIR", str(tmp_path / "raw"))
    monkeypatch.setattr("kinerja.intake.PARSE_CACHE", tmp_path / "cache")
    return tmp_path


def _open(page: str, who: tuple[str, str] | None = None, **query) -> AppTest:
    """The page as a visitor opens it, after signing in on the first page when `who` is given."""
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if who:
        sign_in(at, *who)
    return _go(at, page)


def _go(at: AppTest, page: str) -> AppTest:
    if page != site.PAGES[0].script:
        at.switch_page(site.page(page).from_router).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _import_lumajang(office) -> str:
    """An import made on the command line: Lumajang's 33 targets of 20."""
    indicators = assembly.indicators(db.connect(office / "normalised"))
    frame = template.template_frame(indicators[indicators["kecamatan"] == "Lumajang"])
    frame["target"] = "20"
    import_id, _ = store.import_bytes(
        "lumajang.csv", frame.to_csv(index=False).encode(), indicators, "baris perintah", oleh="Sri Wahyuni"
    )
    return import_id


def _files(office) -> dict[str, bytes]:
    """Every stored file of the realisation store and the documents' register, with its bytes."""
    folders = (office / "realisasi", office / "raw", office / "normalised")
    return {str(p): p.read_bytes() for folder in folders if folder.exists() for p in sorted(folder.rglob("*")) if p.is_file()}


def _write_controls(at: AppTest) -> list[str]:
    """What a viewer must not be offered: uploaders, table editors, and the buttons that write."""
    found = [f"uploader {u.key}" for u in at.get("file_uploader")] + [f"editor {e.key}" for e in at.data_editor]
    found += [f"button {b.key}" for b in at.button if b.key in WRITE_BUTTONS]
    found += [f"choice {s.key}" for s in at.selectbox if s.key in ("batal_pilih", "tarik_dokumen")]
    return found + [f"name field {t.key}" for t in at.text_input if t.key in ("dokumen_oleh", "tarik_oleh")]


def _sign_in_form(at: AppTest) -> list[str]:
    return [t.key for t in at.sidebar.text_input if t.key.startswith("masuk_")]


def _said(at: AppTest) -> list[str]:
    return [e.value for kind in ("info", "warning", "error", "success") for e in at.get(kind)]


def test_a_viewer_sees_the_history_and_the_template_but_no_write_controls_on_the_target_page(office):
    _import_lumajang(office)
    at = _open(CAPAIAN, kecamatan="Lumajang")
    assert _write_controls(at) == []
    asked = "Masuk sebagai editor untuk mengunggah, mengubah di tabel, atau membatalkan impor: pilih **Masuk** di sidebar."
    assert asked in _said(at)
    (history,) = [df.value for df in at.dataframe if "Waktu impor" in df.value.columns]
    assert history[["Berkas", "Status", "Nilai"]].values.tolist() == [["lumajang.csv", "berlaku", 33]]
    templates = [d.key for d in at.get("download_button") if d.key.startswith("unduh_templat")]
    assert templates == ["unduh_templat", "unduh_templat_csv"]
    assert _sign_in_form(at) == ["masuk_nama", "masuk_sandi"]


def test_a_history_longer_than_the_page_lists_says_how_many_and_nothing_of_the_command_line(office, monkeypatch):
    _import_lumajang(office)
    indicators = assembly.indicators(db.connect(office / "normalised"))
    frame = template.template_frame(indicators[indicators["kecamatan"] == "Masama"]).assign(target="5")
    store.import_bytes("masama.csv", frame.to_csv(index=False).encode(), indicators, "baris perintah", oleh="Sri Wahyuni")
    monkeypatch.setattr("kinerja.ui.entry._HISTORY_ROWS", 1)  # the page lists the newest 200: here the newest one
    at = _open(CAPAIAN, kecamatan="Lumajang")
    (history,) = [df.value for df in at.dataframe if "Waktu impor" in df.value.columns]
    assert history["Berkas"].tolist() == ["masama.csv"]
    assert "1 impor terbaru dari 2." in [c.value for c in at.caption]
    shown = [c.value for c in at.caption] + [m.value for m in at.markdown] + _said(at)
    assert not [text for text in shown if "python -m" in text]  # the command line is in the README, not the page


def test_a_viewer_sees_what_the_documents_page_is_for_and_no_uploader(office):
    at = _open(DOKUMEN)
    assert _write_controls(at) == []
    assert at.caption[0].value.startswith("Unggah satu atau beberapa dokumen IKI: Word (.docx), PDF, pindaian")
    assert "Masuk sebagai editor untuk menambah dokumen: pilih **Masuk** di sidebar." in _said(at)
    register = at.dataframe[0].value
    assert sorted(register["Kecamatan"]) == ["Bululawang", "Lumajang", "Masama", "Sangkapura"]
    assert register.columns.tolist() == ["Kecamatan", "Kabupaten/kota", "Provinsi", "Tahun", "Berkas", "Nama asli",
                                         "Ditambahkan oleh", "Ditambahkan pada", "Sidik berkas"]  # fmt: skip
    assert register["Sidik berkas"].str.fullmatch("[0-9a-f]{12}").all()  # the content's sha256, its first 12


@pytest.mark.parametrize("name, password", [(EDITOR[0], READER[1]), (EDITOR[0], ""), ("Tidak Ada", EDITOR[1])])
def test_a_wrong_password_or_name_is_refused_with_a_message(office, name, password):
    at = sign_in(AppTest.from_file(DASHBOARD, default_timeout=30).run(), name, password)
    assert [e.value for e in at.sidebar.error] == ["Nama atau kata sandi salah."]  # the same, whether the name exists or not
    assert "pengguna_masuk" not in at.session_state
    assert _write_controls(_go(at, CAPAIAN)) == []
    assert at.sidebar.text_input(key="masuk_sandi").value == ""  # the password is not kept in the form


def test_a_reader_signs_in_and_still_sees_no_write_controls(office):
    at = _open(CAPAIAN, READER, kecamatan="Lumajang")
    assert "Masuk sebagai **Budi Santoso** (pembaca)" in [m.value for m in at.sidebar.markdown]
    assert _write_controls(at) == []
    assert _write_controls(_go(at, DOKUMEN)) == []


def test_an_editor_signs_in_gets_the_write_controls_and_signs_out(office):
    at = _open(CAPAIAN, EDITOR, kecamatan="Lumajang")
    assert "Masuk sebagai **Sri Wahyuni** (editor)" in [m.value for m in at.sidebar.markdown]
    assert not _sign_in_form(at)  # no form while signed in
    assert [u.key for u in at.get("file_uploader")] == ["unggah"] and len(at.data_editor) == 1
    at = _go(at, DOKUMEN)
    assert [u.key for u in at.get("file_uploader")] == ["dokumen_unggah_0"]
    assert at.selectbox(key="tarik_dokumen")
    at.sidebar.button(key="keluar").click().run()
    assert _write_controls(at) == [] and "pengguna_masuk" not in at.session_state
    assert _sign_in_form(at) == ["masuk_nama", "masuk_sandi"]


def test_an_editor_adds_a_document_on_the_page_under_their_own_name(office):
    at = _open(DOKUMEN, EDITOR)
    wonorejo = (FIXTURES / "iki_wonorejo_numbered.txt").read_bytes()
    at.file_uploader(key="dokumen_unggah_0").set_value([("IKI Wonorejo.txt", wonorejo, "text/plain")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Disimpan atas nama **Sri Wahyuni**; riwayat mencatatnya." in [c.value for c in at.caption]
    at.button(key="dokumen_simpan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(s.startswith("Tersimpan: Wonorejo 2024.") for s in _said(at))
    added = next(s for s in archive.current() if s.kecamatan == "Wonorejo")
    assert (added.nama_asli, added.oleh) == ("IKI Wonorejo.txt", "Sri Wahyuni")
    assert [(h["tindakan"], h["kecamatan"], h["oleh"]) for h in archive.read_history()] == [("tambah", "Wonorejo", "Sri Wahyuni")]


def test_a_pending_undo_set_by_hand_in_a_viewers_session_changes_nothing(office):
    import_id = _import_lumajang(office)
    before = _files(office)
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    at.session_state["batal_menunggu"] = import_id  # as if "Batalkan impor ini…" had been clicked
    at.session_state["pengguna_masuk"] = EDITOR[0]  # a name, as a widget or a link would give it
    at = _go(at.run(), CAPAIAN)
    assert _write_controls(at) == []
    assert not [w for w in at.warning if "Batalkan impor" in w.value]
    assert _files(office) == before
    assert not store.list_imports()["dibatalkan"].any()


def test_a_user_made_up_in_the_session_is_nobody(office):
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    at.session_state["pengguna_masuk"] = auth.User("Palsu", "editor")  # not in the users file
    at = _go(at.run(), CAPAIAN)
    assert _write_controls(at) == [] and "pengguna_masuk" not in at.session_state


def test_an_editor_made_reader_before_answering_the_undo_question_cannot_answer_it(office, users_file):
    _import_lumajang(office)
    at = _open(CAPAIAN, EDITOR, kecamatan="Lumajang")
    at.button(key="batal").click().run()
    answer = at.button(key="batal_ya")  # the question is on screen
    before = _files(office)
    add_user(users_file, EDITOR[0], EDITOR[1], "pembaca")  # the administrator changes the role meanwhile
    answer.click().run()
    assert not at.exception
    assert "Masuk sebagai **Sri Wahyuni** (pembaca)" in [m.value for m in at.sidebar.markdown]
    assert _write_controls(at) == []
    assert _files(office) == before
    assert not store.list_imports()["dibatalkan"].any()


def _every_write(import_id, checked, content, source, proposal, editors):
    """Each write function of the two pages, called with each given editor; what they say is shown."""
    from kinerja.ui import documents, entry

    for editor in editors:
        entry._save(editor, checked, "lumajang.csv", content)
        entry._undo_now(editor, import_id, "lumajang.csv")
        documents._store(editor, [proposal], [])
        documents._take_out_of_use(editor, source, "Lumajang 2023")


@pytest.mark.parametrize("signed_in", [None, READER, EDITOR], ids=["viewer", "reader", "editor"])
def test_the_write_functions_refuse_anyone_but_the_signed_in_editor(office, signed_in):
    """Called without the editor the page was drawn for (none, one made up in code, another user):
    each refuses with the same message and nothing is stored."""
    import_id = _import_lumajang(office)
    indicators = assembly.indicators(db.connect(office / "normalised"))
    frame = template.template_frame(indicators[indicators["kecamatan"] == "Lumajang"])
    frame["tw4"] = "10"
    content = frame.to_csv(index=False).encode()
    checked = template.validate("lumajang.csv", template.read_table("lumajang.csv", content), indicators, False)
    proposal = intake.propose([("iki_wonorejo_numbered.txt", (FIXTURES / "iki_wonorejo_numbered.txt").read_bytes())])[0]
    proposal.region = intake.Region("Wonorejo", "Pasuruan", "Jawa Timur", 2024)
    source = next(s for s in archive.current() if s.kecamatan == "Lumajang")
    editors = [None, auth.Editor(EDITOR[0]), auth.Editor(READER[0]), auth.Editor("Palsu")]
    if signed_in == EDITOR:
        editors = [None, auth.Editor(READER[0]), auth.Editor("Palsu")]  # anyone but the one signed in
    before = _files(office)
    at = AppTest.from_function(_every_write, args=(import_id, checked, content, source, proposal, editors), default_timeout=60)
    if signed_in:
        at.session_state["pengguna_masuk"] = auth.verify(*signed_in)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    refusals = [e.value for e in at.error]
    assert len(refusals) == 4 * len(editors)
    assert {r.removeprefix("Tidak disimpan: ").removeprefix("Tidak diubah: ") for r in refusals} == {auth.REFUSED}
    assert _files(office) == before


OIDC = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "rahasia-kuki-untuk-pengujian-saja",
        "client_id": "dasbor-kinerja",
        "client_secret": "rahasia-klien",
        "server_metadata_url": "https://id.kab.go.id/.well-known/openid-configuration",
    },
    "kinerja": {"editor": ["sri.wahyuni@kab.go.id"]},
}


@pytest.mark.parametrize(
    "user, said, may_write",
    [
        ({"is_logged_in": True, "email": "Sri.Wahyuni@kab.go.id", "name": "Sri"}, "**Sri.Wahyuni@kab.go.id** (editor)", True),
        ({"is_logged_in": True, "email": "budi@kab.go.id", "name": "Budi"}, "**budi@kab.go.id** (pembaca)", False),
        ({"is_logged_in": True, "email": "sri.wahyuni@kab.go.id", "email_verified": False}, "(pembaca)", False),
        ({"is_logged_in": False}, None, False),
    ],
)
def test_with_an_identity_provider_its_sign_in_replaces_the_form_and_the_list_gives_the_role(office, user, said, may_write):
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    at.secrets.update(OIDC)
    at.user = user
    at = _go(at.run(), CAPAIAN)
    assert not _sign_in_form(at)  # no password form
    if said:
        assert any(said in m.value for m in at.sidebar.markdown if m.value.startswith("Masuk sebagai "))
        assert at.sidebar.button(key="keluar")
    else:
        assert at.sidebar.button(key="masuk_oidc").label == "Masuk"
    assert ([u.key for u in at.get("file_uploader")] == ["unggah"]) is may_write
    assert (_write_controls(at) == []) is not may_write
