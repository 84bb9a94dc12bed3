"""Project paths, resolved from the package so nothing depends on the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
NORMALISED = DATA / "normalised"
MANIFEST = RAW / "manifest.csv"
CORRECTIONS = DATA / "corrections.csv"
QUERIES = ROOT / "queries"
