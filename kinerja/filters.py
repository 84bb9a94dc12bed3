"""The shared filters every page applies; an empty filter means 'all'."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Filters:
    kabupaten: tuple[str, ...] = field(default_factory=tuple)
    kecamatan: tuple[str, ...] = field(default_factory=tuple)
    tahun: tuple[int, ...] = field(default_factory=tuple)
    jenis: tuple[str, ...] = field(default_factory=tuple)
    bidang: tuple[str, ...] = field(default_factory=tuple)
    jabatan: tuple[str, ...] = field(default_factory=tuple)  # canonical titles picked from the list
    teks: str = ""  # typed fragment(s) of a title: "seksi pem", "pengadministrasi"

    def params(self) -> dict:
        """The query parameters: lists for the multi-value filters, the fragment as text."""
        values = asdict(self)
        return {k: (list(v) if isinstance(v, tuple) else v.strip()) for k, v in values.items()}
