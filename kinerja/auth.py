"""Who may change data: the local users file, password checks, roles, and the check every write makes.

Viewing is open to everyone. Every write (a realisation import, an edit in the table, an undo, a
document added, replaced, corrected or withdrawn) needs a signed-in user whose role is `editor`, and
records that editor's name. A user is signed in one of two ways:

- the local users file (`data/config/pengguna.toml`, or KINERJA_PENGGUNA_FILE; never in git), kept
  with `python -m kinerja pengguna`: per user a name, a role (`editor` or `pembaca`) and an Argon2id
  hash of the password (argon2-cffi: a random salt in every hash, the cost parameters stored in it,
  a constant-time comparison). The file is written whole under a lock and is private (0600);
- an identity provider (OpenID Connect through Streamlit's `st.login`), when Streamlit's secrets
  have an `[auth]` section: the provider says who it is, and the role comes from the e-mails (or
  subjects) listed in `[kinerja] editor`.

No streamlit here: kinerja/ui/signin.py keeps the verified user in the session, and every write asks
`require_editor` again at the moment of writing.
"""

import secrets
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import tomli_w
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kinerja import GROUND_FLOOR
from kinerja.errors import KinerjaError, NotFound, Refused
from kinerja.paths import ROOT, users_file
from kinerja.spreadsheet import atomic_write, exclusive_lock

MAY_IMPORT = GROUND_FLOOR

EDITOR, READER = "editor", "pembaca"
ROLES = (EDITOR, READER)
LOCAL, PROVIDER = "lokal", "oidc"  # how a user's identity was checked
MIN_PASSWORD = 8
MAX_NAME = 60
PRIVATE = 0o600
ADD_FIRST_EDITOR = '.venv/bin/python -m kinerja pengguna tambah "Nama Anda" --peran editor'
REFUSED = "Ditolak: hanya pengguna yang masuk sebagai editor yang dapat mengubah data. Tidak ada yang berubah."
# Streamlit reads its secrets from these two files, the second overriding the first (`make run`
# starts it from the project folder).
SECRETS_FILES = (Path.home() / ".streamlit" / "secrets.toml", ROOT / ".streamlit" / "secrets.toml")
_HEADER = (
    "# Pengguna Dasbor Kinerja Kecamatan. Diubah hanya dengan `python -m kinerja pengguna`.\n"
    "# Berisi hash Argon2id, bukan kata sandi; jangan disimpan di git.\n\n"
)


class UsersFileError(KinerjaError):
    """The users file cannot be read: not TOML, or an entry without a known role or a password hash."""


@dataclass(frozen=True)
class User:
    """Someone whose identity was checked, by password (`lokal`) or by the identity provider (`oidc`)."""

    name: str
    role: str
    via: str = LOCAL

    @property
    def is_editor(self) -> bool:
        return self.role == EDITOR


@dataclass(frozen=True)
class Editor:
    """An editor as checked at the moment of writing: the name the write records."""

    name: str


@dataclass(frozen=True)
class Account:
    """One entry of the users file."""

    name: str
    role: str
    password_hash: str


@dataclass(frozen=True)
class Provider:
    """Sign-in through an identity provider: the providers configured (None: the one in `[auth]`
    itself) and the e-mails or subjects of the editors."""

    names: tuple[str | None, ...]
    editors: tuple[str, ...]


# ---- the users file -------------------------------------------------------------------------


def accounts(path: Path | None = None) -> list[Account]:
    """Every user in the file, in its order; none when there is no file yet."""
    path = path or users_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as error:
        raise UsersFileError(f"berkas pengguna {path} tidak dapat dibaca ({error.strerror})") from error
    try:
        table = tomllib.loads(text).get("pengguna", {})
    except tomllib.TOMLDecodeError as error:
        raise UsersFileError(f"berkas pengguna {path} bukan TOML yang sah ({error})") from error
    return [_account(name, entry, path) for name, entry in table.items()]


def _account(name: str, entry: object, path: Path) -> Account:
    role = entry.get("peran") if isinstance(entry, dict) else None
    hashed = entry.get("hash_kata_sandi") if isinstance(entry, dict) else None
    if role not in ROLES or not isinstance(hashed, str) or not hashed.startswith("$argon2"):
        raise UsersFileError(
            f"berkas pengguna {path}: “{name}” tanpa peran (editor atau pembaca) atau tanpa hash kata sandi; "
            "tambahkan lagi dengan `python -m kinerja pengguna tambah`"
        )
    return Account(name, role, hashed)


def _key(name: str) -> str:
    """Names compare without regard to case or repeated spaces: "sri  wahyuni" is "Sri Wahyuni"."""
    return " ".join(name.split()).casefold()


def find(name: str, path: Path | None = None) -> Account | None:
    wanted = _key(name)
    return next((a for a in accounts(path) if _key(a.name) == wanted), None)


def role_of(name: str, path: Path | None = None) -> str | None:
    """The user's role in the users file, or None when there is no such user."""
    account = find(name, path)
    return account.role if account else None


def save_user(name: str, role: str, password: str | None = None, path: Path | None = None) -> bool:
    """Add a user, or change an existing one's role and (when given) password. True when added."""
    name, path = _valid_name(name), path or users_file()
    if role not in ROLES:
        raise Refused(f"peran “{role}” tidak dikenal; pilih editor atau pembaca")
    hashed = None if password is None else _hasher().hash(_valid_password(password))
    with _locked(path):
        current = accounts(path)
        old = next((a for a in current if _key(a.name) == _key(name)), None)
        if old is None and hashed is None:
            raise NotFound(f"pengguna “{name}” belum ada; tambahkan dengan kata sandinya")
        new = Account(name, role, hashed or old.password_hash)
        _write([new if a is old else a for a in current] + ([new] if old is None else []), path)
    return old is None


def remove_user(name: str, path: Path | None = None) -> str:
    """Take a user out of the file; returns the name as it was stored."""
    path = path or users_file()
    with _locked(path):
        current = accounts(path)
        old = next((a for a in current if _key(a.name) == _key(name)), None)
        if old is None:
            raise NotFound(f"pengguna “{' '.join(name.split())}” tidak ada di {path}")
        _write([a for a in current if a is not old], path)
    return old.name


def _valid_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise Refused("nama pengguna kosong")
    if len(name) > MAX_NAME or not name.isprintable():
        raise Refused(f"nama pengguna paling panjang {MAX_NAME} huruf, tanpa karakter kendali")
    return name


def _valid_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise Refused(f"kata sandi terlalu pendek: paling sedikit {MIN_PASSWORD} karakter")
    return password


def _write(users: list[Account], path: Path) -> None:
    table = {"pengguna": {a.name: {"peran": a.role, "hash_kata_sandi": a.password_hash} for a in users}}
    atomic_write(path, (_HEADER + tomli_w.dumps(table)).encode("utf-8"), mode=PRIVATE)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One change of the users file at a time: the command line and a rehash at sign-in never lose
    each other's work."""
    with exclusive_lock(path.with_name(f".{path.name}.kunci"), PRIVATE):
        yield


# ---- passwords ------------------------------------------------------------------------------


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2-cffi's defaults: Argon2id, RFC 9106's low-memory profile


@cache
def _decoy() -> str:
    """A hash no password matches, checked for a name that does not exist, so an unknown name takes
    as long to refuse as a wrong password and does not tell that the name is unknown."""
    return _hasher().hash(secrets.token_urlsafe(32))


def verify(name: str, password: str, path: Path | None = None) -> User | None:
    """The user when the password is theirs, else None. A hash made with older cost parameters is
    replaced by one with the current ones."""
    path = path or users_file()
    account = find(name, path)
    stored = account.password_hash if account else _decoy()
    try:
        _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):  # a wrong password, or a hash that was damaged
        return None
    if account is None:
        return None
    if _hasher().check_needs_rehash(stored):
        _rehash(account, password, path)
    return User(account.name, account.role)


def _rehash(account: Account, password: str, path: Path) -> None:
    with _locked(path):
        current = accounts(path)
        if account in current:  # unchanged meanwhile
            fresh = Account(account.name, account.role, _hasher().hash(password))
            _write([fresh if a == account else a for a in current], path)


# ---- authorisation --------------------------------------------------------------------------


def refreshed(user: object, path: Path | None = None) -> User | None:
    """A signed-in user as the users file says now: the role changed, or None when the user was
    removed. Anything that is not a verified User (a bare name from a widget or the URL) is nobody."""
    if not isinstance(user, User):
        return None
    if user.via != LOCAL:
        return user
    account = find(user.name, path)
    return User(account.name, account.role) if account else None


def require_editor(user: object, path: Path | None = None) -> Editor:
    """Asked by every write at the moment of writing: the user is signed in and, for the users file,
    is an editor there now. Refused otherwise, and the caller changes nothing."""
    current = refreshed(user, path)
    if current is None or not current.is_editor:
        raise Refused(REFUSED)
    return Editor(current.name)


# ---- an identity provider (OIDC) ------------------------------------------------------------


def provider(settings: Mapping) -> Provider | None:
    """Sign-in through an identity provider when Streamlit's secrets have an `[auth]` section: its own
    provider (client_id in `[auth]`) and any named ones (`[auth.google]`), and `[kinerja] editor`."""
    section = settings.get("auth")
    if not isinstance(section, Mapping):
        return None
    named = tuple(k for k, v in section.items() if isinstance(v, Mapping) and k != "client_kwargs")
    own = (None,) if "client_id" in section else ()
    listed = (settings.get("kinerja") or {}).get("editor") or []
    editors = (listed,) if isinstance(listed, str) else tuple(listed)
    return Provider(own + named, tuple(str(e).strip() for e in editors if str(e).strip()))


def provider_user(claims: Mapping, settings: Provider) -> User | None:
    """The user the identity provider signed in (st.user's claims), an editor when listed: an e-mail
    the provider has not verified does not count."""
    if not claims.get("is_logged_in"):
        return None
    email, subject = str(claims.get("email") or "").strip(), str(claims.get("sub") or "").strip()
    if not (email or subject):
        return None
    verified = email and claims.get("email_verified", True) is not False
    by_email = verified and email.casefold() in {e.casefold() for e in settings.editors}
    by_subject = subject and subject in settings.editors  # subjects are case-sensitive
    return User(email or subject, EDITOR if by_email or by_subject else READER, PROVIDER)


def read_secrets(files: tuple[Path, ...] = SECRETS_FILES) -> dict:
    """Streamlit's secrets as the server will read them, for the command line."""
    merged: dict = {}
    for file in files:
        try:
            merged.update(tomllib.loads(file.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return merged


def missing_editor(path: Path | None = None, settings: Provider | None = None) -> str | None:
    """What to do when nobody may change data yet (`make run` prints it), or None."""
    if settings is not None:
        if settings.editors:
            return None
        return (
            "Belum ada editor: masuk lewat penyedia identitas sudah diatur, tetapi tidak ada yang boleh mengubah data. "
            'Tulis e-mail editor di .streamlit/secrets.toml, bagian [kinerja]: editor = ["nama@instansi.go.id"]'
        )
    if any(a.role == EDITOR for a in accounts(path)):
        return None
    return (
        "Belum ada editor: siapa pun dapat melihat dasbor, tetapi belum ada yang dapat mengubah data. "
        f"Tambahkan editor pertama dengan:\n  {ADD_FIRST_EDITOR}"
    )
