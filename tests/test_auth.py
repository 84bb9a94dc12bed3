"""The users file and the `pengguna` command: salted hashes, never a password in clear, a private
file, roles, and the check every write makes."""

import io
import os
import pty
import select
import stat
import subprocess
import sys
import tomllib

import pytest
from argon2 import PasswordHasher

from kinerja import auth
from kinerja.cli import main
from kinerja.errors import NotFound, Refused
from kinerja.paths import ROOT
from tests.conftest import EDITOR, READER


def _hashes(path) -> dict[str, str]:
    return {name: entry["hash_kata_sandi"] for name, entry in tomllib.loads(path.read_text())["pengguna"].items()}


def test_two_users_with_the_same_password_get_different_salted_hashes(tmp_path):
    path = tmp_path / "pengguna.toml"
    auth.save_user("Ani", "editor", "sama-sama-rahasia", path)
    auth.save_user("Budi", "pembaca", "sama-sama-rahasia", path)
    hashes = _hashes(path)
    assert hashes["Ani"] != hashes["Budi"]
    assert all(h.startswith("$argon2id$") for h in hashes.values())
    salts = {h.split("$")[4] for h in hashes.values()}  # $argon2id$v=19$m=…,t=…,p=…$salt$hash
    assert len(salts) == 2
    assert b"sama-sama-rahasia" not in path.read_bytes()
    assert auth.verify("Ani", "sama-sama-rahasia", path) == auth.User("Ani", "editor")
    assert auth.verify("Budi", "sama-sama-rahasia", path) == auth.User("Budi", "pembaca")


def test_a_wrong_password_or_an_unknown_name_is_nobody(users_file):
    assert auth.verify(EDITOR[0], READER[1], users_file) is None
    assert auth.verify(EDITOR[0], "", users_file) is None
    assert auth.verify("Tidak Ada", EDITOR[1], users_file) is None
    assert auth.verify("  sri   WAHYUNI ", EDITOR[1], users_file) == auth.User("Sri Wahyuni", "editor")  # case and spaces


def test_the_users_file_is_private_and_stays_so_after_every_change(tmp_path):
    path = tmp_path / "config" / "pengguna.toml"  # the folder is made when missing
    auth.save_user("Ani", "editor", "rahasia-ani-1", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    auth.save_user("Budi", "pembaca", "rahasia-budi-1", path)
    auth.remove_user("budi", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [a.name for a in auth.accounts(path)] == ["Ani"]
    assert sorted(p.name for p in path.parent.iterdir()) == [".pengguna.toml.kunci", "pengguna.toml"]  # no temporary left


def test_a_hash_made_with_older_cost_parameters_is_replaced_at_sign_in(tmp_path):
    path = tmp_path / "pengguna.toml"
    auth.save_user("Ani", "editor", "rahasia-ani-1", path)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("rahasia-ani-1")
    path.write_text(path.read_text().replace(_hashes(path)["Ani"], weak))
    assert PasswordHasher().check_needs_rehash(weak)
    assert auth.verify("Ani", "salah-sekali", path) is None
    assert _hashes(path)["Ani"] == weak  # a wrong password changes nothing
    assert auth.verify("Ani", "rahasia-ani-1", path) == auth.User("Ani", "editor")
    renewed = _hashes(path)["Ani"]
    assert renewed != weak and "m=65536,t=3,p=4" in renewed
    assert auth.verify("Ani", "rahasia-ani-1", path) is not None


def test_changing_a_user_keeps_the_others_and_the_order(tmp_path):
    path = tmp_path / "pengguna.toml"
    for name in ("Ani", "Budi", "Citra"):
        auth.save_user(name, "pembaca", f"rahasia-{name}", path)
    before = _hashes(path)
    assert auth.save_user("budi", "editor", path=path) is False  # the role only; the password stays
    assert [(a.name, a.role) for a in auth.accounts(path)] == [("Ani", "pembaca"), ("budi", "editor"), ("Citra", "pembaca")]
    assert _hashes(path)["budi"] == before["Budi"] and _hashes(path)["Ani"] == before["Ani"]
    with pytest.raises(NotFound, match="belum ada"):
        auth.save_user("Dewi", "editor", path=path)  # a new user needs a password


@pytest.mark.parametrize(
    "name, role, password, message",
    [
        ("", "editor", "rahasia-panjang", "nama pengguna kosong"),
        ("Ani\x07", "editor", "rahasia-panjang", "tanpa karakter kendali"),
        ("A" * 61, "editor", "rahasia-panjang", "paling panjang 60"),
        ("Ani", "admin", "rahasia-panjang", "peran “admin” tidak dikenal"),
        ("Ani", "editor", "pendek", "paling sedikit 8 karakter"),
    ],
)
def test_a_bad_name_role_or_password_is_refused_and_nothing_is_written(tmp_path, name, role, password, message):
    path = tmp_path / "pengguna.toml"
    with pytest.raises(Refused, match=message):
        auth.save_user(name, role, password, path)
    assert not path.exists()


def test_a_damaged_users_file_says_where_and_what(tmp_path):
    path = tmp_path / "pengguna.toml"
    path.write_text('[pengguna.Ani]\nperan = "raja"\nhash_kata_sandi = "x"\n')
    with pytest.raises(auth.UsersFileError, match="“Ani” tanpa peran"):
        auth.accounts(path)
    path.write_text("[pengguna\n")
    with pytest.raises(auth.UsersFileError, match="bukan TOML yang sah"):
        auth.verify("Ani", "apa saja", path)


def test_only_an_editor_in_the_users_file_now_may_write(users_file):
    editor = auth.verify(*EDITOR, users_file)
    assert auth.require_editor(editor, users_file) == auth.Editor("Sri Wahyuni")
    for nobody in (None, "Sri Wahyuni", {"name": "Sri Wahyuni", "role": "editor"}, auth.verify(*READER, users_file)):
        with pytest.raises(Refused, match="hanya pengguna yang masuk sebagai editor"):
            auth.require_editor(nobody, users_file)
    with pytest.raises(Refused):  # a User made up in code, with a name not in the file
        auth.require_editor(auth.User("Palsu", "editor"), users_file)
    auth.save_user(EDITOR[0], "pembaca", path=users_file)  # made a reader after signing in
    with pytest.raises(Refused):
        auth.require_editor(editor, users_file)
    assert auth.refreshed(editor, users_file) == auth.User("Sri Wahyuni", "pembaca")
    auth.remove_user(EDITOR[0], users_file)
    assert auth.refreshed(editor, users_file) is None


def test_the_identity_providers_user_is_an_editor_only_when_listed():
    settings = auth.provider(
        {
            "auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "a",
                     "google": {"client_id": "b"}, "client_kwargs": {"prompt": "login"}},
            "kinerja": {"editor": ["Sri@Kab.go.id", "248289761001"]},
        }
    )  # fmt: skip
    assert settings == auth.Provider((None, "google"), ("Sri@Kab.go.id", "248289761001"))
    signed = {"is_logged_in": True, "email": "sri@kab.go.id", "sub": "1"}
    assert auth.provider_user(signed, settings) == auth.User("sri@kab.go.id", "editor", "oidc")
    assert auth.provider_user({**signed, "email_verified": False}, settings).role == "pembaca"
    assert auth.provider_user({"is_logged_in": True, "sub": "248289761001"}, settings).role == "editor"
    assert auth.provider_user({"is_logged_in": True, "email": "lain@kab.go.id"}, settings).role == "pembaca"
    assert auth.provider_user({"is_logged_in": False, "email": "sri@kab.go.id"}, settings) is None
    assert auth.provider_user({"email": "sri@kab.go.id"}, settings) is None  # st.user without a sign-in
    assert auth.provider({"kinerja": {"editor": ["a@b.go.id"]}}) is None  # no [auth]: the users file


@pytest.fixture
def cli(capsys, monkeypatch):
    """`python -m kinerja pengguna …` in this process (the fixtures run the real program): its exit
    status and what it printed; `stdin` is what a script pipes in."""

    def run(path, *args, stdin: str = "") -> subprocess.CompletedProcess:
        monkeypatch.setenv("KINERJA_PENGGUNA_FILE", str(path))
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(["pengguna", *args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


def test_the_pengguna_commands(tmp_path, cli):
    path, _cli = tmp_path / "pengguna.toml", cli
    first = _cli(path, "periksa")
    assert first.returncode == 0
    assert first.stdout == (
        "Belum ada editor: siapa pun dapat melihat dasbor, tetapi belum ada yang dapat mengubah data. "
        'Tambahkan editor pertama dengan:\n  .venv/bin/python -m kinerja pengguna tambah "Nama Anda" --peran editor\n'
    )
    assert _cli(path, "daftar").stdout == f"Belum ada pengguna di {path}.\n"
    added = _cli(path, "tambah", "Sri Wahyuni", "--peran", "editor", "--kata-sandi-stdin", stdin="rahasia sekali\n")
    assert added.stdout == f"Ditambahkan: Sri Wahyuni sebagai editor ({path}).\n"
    reader = _cli(path, "tambah", "Budi", "--kata-sandi-stdin", stdin="rahasia budi\n")  # pembaca unless told
    assert reader.stdout == f"Ditambahkan: Budi sebagai pembaca ({path}).\n"
    assert _cli(path, "periksa").stdout == ""  # an editor exists: nothing to say
    assert _cli(path, "daftar").stdout == "Sri Wahyuni  editor\nBudi         pembaca\n"
    assert "rahasia" not in path.read_text()
    assert auth.verify("Sri Wahyuni", "rahasia sekali", path) is not None  # the line without its newline

    again = _cli(path, "tambah", "budi", "--peran", "editor", "--kata-sandi-stdin", stdin="rahasia baru\n")
    assert again.stdout == f"Diperbarui: budi sebagai editor ({path}).\n"
    assert auth.verify("budi", "rahasia budi", path) is None and auth.verify("budi", "rahasia baru", path) is not None

    short = _cli(path, "tambah", "Citra", "--kata-sandi-stdin", stdin="pendek\n")
    assert short.returncode == 2
    assert short.stderr == ("GAGAL: kata sandi terlalu pendek: paling sedikit 8 karakter\nTidak ada berkas yang ditulis.\n")
    before = path.read_bytes()
    missing = _cli(path, "hapus", "Tidak Ada")
    assert missing.returncode == 2 and missing.stderr.startswith("GAGAL: pengguna “Tidak Ada” tidak ada di ")
    assert path.read_bytes() == before

    assert _cli(path, "hapus", "budi").stdout == "Dihapus: budi.\n"
    last = _cli(path, "hapus", "sri wahyuni")
    assert last.stdout.startswith("Dihapus: Sri Wahyuni.\nBelum ada editor:")  # and how to add one again
    assert _cli(path, "daftar").stdout == f"Belum ada pengguna di {path}.\n"


def test_periksa_names_the_identity_providers_editors_when_one_is_configured(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\nclient_id = "a"\n')
    settings = auth.provider(auth.read_secrets((tmp_path / "tidak-ada.toml", secrets)))
    assert "Tulis e-mail editor di .streamlit/secrets.toml" in auth.missing_editor(tmp_path / "p.toml", settings)
    secrets.write_text('[auth]\nclient_id = "a"\n[kinerja]\neditor = ["sri@kab.go.id"]\n')
    settings = auth.provider(auth.read_secrets((secrets,)))
    assert auth.missing_editor(tmp_path / "p.toml", settings) is None  # no users file needed


def _at_a_terminal(path, args: list[str], typed: list[str]) -> tuple[int, str]:
    """Run the command with a terminal of its own, type each answer after its prompt, and return
    the exit status and everything the terminal showed."""
    pid, terminal = pty.fork()
    if pid == 0:  # the command, with the terminal as its controlling terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "kinerja", *args], {**os.environ, "KINERJA_PENGGUNA_FILE": str(path)})
    shown = b""
    for answer in typed:
        while not shown.endswith(b": "):
            ready, _, _ = select.select([terminal], [], [], 60)
            assert ready, shown
            shown += os.read(terminal, 1024)
        os.write(terminal, answer.encode() + b"\n")
        shown += b"|"  # a mark where an answer was typed; what follows is the terminal's own output
    while True:
        try:
            chunk = os.read(terminal, 1024)
        except OSError:  # the command ended and closed its terminal
            break
        if not chunk:
            break
        shown += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode()


def test_tambah_asks_the_password_twice_without_showing_it(tmp_path):
    path = tmp_path / "pengguna.toml"
    code, shown = _at_a_terminal(path, ["pengguna", "tambah", "Sri Wahyuni", "--peran", "editor"], ["rahasia-01", "rahasia-01"])
    assert code == 0, shown
    assert shown.startswith("Kata sandi: |") and "Ulangi kata sandi: |" in shown
    assert "rahasia-01" not in shown  # typed, not echoed
    assert "Ditambahkan: Sri Wahyuni sebagai editor" in shown
    assert auth.verify("Sri Wahyuni", "rahasia-01", path) is not None

    code, shown = _at_a_terminal(path, ["pengguna", "tambah", "Budi"], ["rahasia-02", "rahasia-03"])
    assert code == 2 and "GAGAL: kedua kata sandi tidak sama" in shown
    assert [a.name for a in auth.accounts(path)] == ["Sri Wahyuni"]


def test_the_users_file_and_streamlits_secrets_are_not_in_git():
    ignored = subprocess.run(
        ["git", "check-ignore", "data/config/pengguna.toml", "data/config/.pengguna.toml.kunci", ".streamlit/secrets.toml"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert ignored.stdout.split() == ["data/config/pengguna.toml", "data/config/.pengguna.toml.kunci", ".streamlit/secrets.toml"]
