"""python -m kinerja.ingest: write the excerpt of the hunspell-id word list the shipped documents
need (data/config/kata_hunspell_dokumen.txt), after data/raw changes. See kinerja/ingest/words.py."""

import sys

from kinerja.ingest.words import main

sys.exit(main())
