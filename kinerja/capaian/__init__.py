"""Targets, realisation and capaian (achievement), one feature in four rooms:

rules.py      pure rules: capaian, quarterly roll-up, rating bands (no I/O but the band file)
template.py   the template officers fill, and whole-file validation of what they send back
store.py      the append-only store of accepted imports, with undo
assembly.py   the document's indicators, the stored (or example) values and the rules, put together
"""

from kinerja import GROUND_FLOOR

MAY_IMPORT = (*GROUND_FLOOR, "kinerja.db", "kinerja.capaian")
