from functools import cache
from pathlib import Path

import pytest

from kinerja.ingest import parse_file
from kinerja.paths import RAW

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


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
