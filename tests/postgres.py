"""A real PostgreSQL server for the tests: Debian's binaries (`postgresql`, installed by
scripts/install-system.sh), a cluster made in a temporary folder, listening on 127.0.0.1 on a free
port, stopped and removed afterwards.

initdb refuses to run as root, so as root the cluster belongs to the `postgres` system user and its
commands run through `runuser -u postgres --`; as anyone else they run as that user. The folder is
made directly under the system's temporary folder, which every user can reach (pytest's own
temporary folders are private to the user running the tests)."""

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from glob import glob
from pathlib import Path

import pytest
import sqlalchemy

SUPERUSER = "postgres"
DATABASE = "postgres"


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One cluster: `start()` makes and starts it, `stop()` stops it and removes its folder."""

    def __init__(self, bin_dir: Path, durable: bool = False):
        self.bin_dir = bin_dir
        self.durable = durable  # tests need no flush to disk; a benchmark measures as deployed
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
        self.data = self.folder / "data"
        self.port = 0

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", SUPERUSER, "--"] if self.as_root else []
        result = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} gagal: {result.stderr or result.stdout}")

    def start(self) -> str:
        if self.as_root:
            shutil.chown(self.folder, SUPERUSER, SUPERUSER)
        self._run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-sync")
        for _ in range(5):  # another process may take the port between probing and starting
            self.port = _free_port()
            options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=100"
            options += "" if self.durable else " -c fsync=off"
            log = str(self.folder / "log")
            try:
                self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
                return self.url
            except RuntimeError:
                continue
        raise RuntimeError(f"PostgreSQL tidak dapat dijalankan; lihat {self.folder / 'log'}")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{DATABASE}"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a PostgreSQL server of its own for this test session."""
    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL tidak terpasang (/usr/lib/postgresql/*/bin/initdb tidak ada); jalankan `make system`")
    server = Server(bin_dir)
    try:
        yield server.start()
    finally:
        server.stop()


_databases = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_database(request, monkeypatch) -> Iterator[str]:
    """Each engine in turn for the realisation store: SQLite, its default file under KINERJA_REALISASI_DIR
    (which the test sets), then a fresh database on the session's PostgreSQL server. Yields the engine's name."""
    from kinerja.capaian import store

    if request.param == "sqlite":
        monkeypatch.delenv("KINERJA_DATABASE_URL", raising=False)
        yield request.param
        store.close()
        return
    server = request.getfixturevalue("postgres_url")
    name = f"uji_{next(_databases)}"
    admin = sqlalchemy.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sqlalchemy.pool.NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    monkeypatch.setenv("KINERJA_DATABASE_URL", server.rsplit("/", 1)[0] + f"/{name}")
    yield request.param
    store.close()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
