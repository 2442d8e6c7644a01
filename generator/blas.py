"""Imported first by the entry points (`python -m generator`, the MkDocs hook), before numpy loads.

The analysis multiplies small matrices (one meeting's sentences), for which BLAS threads cost more than they
save, and it already runs one process per core: one BLAS thread each. A variable the user set is kept.
"""
import os

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")
