"""Every location the project reads or writes, and the environment variables that move them.

Paths resolve from the package, never from the working directory. Three folders can be moved, and
the realisation store can be a database elsewhere:

    KINERJA_DATA_DIR        a dataset: its normalised tables (normalised/) and its realisation
                            store (realisasi/); data/ by default. Tests and generated datasets.
    KINERJA_REALISASI_DIR   the officers' imported targets and realisation, when not in the dataset
    KINERJA_DOKUMEN_DIR     the documents and their register (manifest.csv, riwayat.csv, koreksi.csv)
    KINERJA_DATABASE_URL    the realisation store's database (SQLAlchemy URL, e.g.
                            postgresql+psycopg://user:password@host/db); by default a SQLite file in
                            the realisation folder

and one file: KINERJA_PENGGUNA_FILE, the users who may sign in (data/config/pengguna.toml).
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
MANIFEST = RAW / "manifest.csv"
PARSE_CACHE = DATA / "cache" / "dokumen"  # each document's text and parse, by content: read once
NORMALISED = DATA / "normalised"
BANDS_FILE = DATA / "config" / "pita_penilaian.csv"
QUALITY_FILE = DATA / "config" / "kualitas.toml"  # the indicator-quality checklist an officer reads
SCOPE_FILE = DATA / "config" / "lingkup.toml"  # the default region scope; KINERJA_LINGKUP_FILE moves it
USERS_FILE = DATA / "config" / "pengguna.toml"  # names, roles, password hashes: not in git
EXAMPLE_FILE = DATA / "contoh" / "realisasi_contoh_ILUSTRASI.csv"
QUERIES = ROOT / "queries"
APP_PAGES = ROOT / "app_pages"  # not pages/: that name switches Streamlit to its legacy page discovery


def data_dir() -> Path:
    """The dataset served: KINERJA_DATA_DIR, else data/."""
    return Path(os.environ.get("KINERJA_DATA_DIR") or DATA)


def normalised_dir() -> Path:
    """Where the dashboard reads the normalised tables: the dataset's normalised/."""
    return data_dir() / "normalised"


def realisasi_dir() -> Path:
    """Where imported targets and realisation are kept: KINERJA_REALISASI_DIR, else the dataset's realisasi/."""
    return Path(os.environ.get("KINERJA_REALISASI_DIR") or data_dir() / "realisasi")


def raw_dir() -> Path:
    """Where the documents and their register are kept: KINERJA_DOKUMEN_DIR, else data/raw."""
    return Path(os.environ.get("KINERJA_DOKUMEN_DIR") or RAW)


def scope_file() -> Path:
    """The default region scope a deployment opens on: KINERJA_LINGKUP_FILE, else data/config/lingkup.toml."""
    return Path(os.environ.get("KINERJA_LINGKUP_FILE") or SCOPE_FILE)


def users_file() -> Path:
    """The local users file (names, roles, password hashes): KINERJA_PENGGUNA_FILE, else data/config/pengguna.toml."""
    return Path(os.environ.get("KINERJA_PENGGUNA_FILE") or USERS_FILE)


def database_url() -> str:
    """The realisation store's database: KINERJA_DATABASE_URL, else realisasi.sqlite in realisasi_dir()."""
    return os.environ.get("KINERJA_DATABASE_URL") or f"sqlite:///{realisasi_dir().absolute() / 'realisasi.sqlite'}"
