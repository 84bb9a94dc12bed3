"""What people see, without streamlit: Plotly charts, one View per question, the slide deck (its
charts drawn natively from the same figures), the workbook and chart images. The dashboard pages,
presentation mode, the deck, the workbook and the command line all draw the same View objects.
"""

from kinerja import GROUND_FLOOR

MAY_IMPORT = (*GROUND_FLOOR, "kinerja.db", "kinerja.similarity", "kinerja.capaian", "kinerja.presentation")
