"""Names that differ only in width, case or spaces ("Sales", "sales ", "Ｓａｌｅｓ") as one:
one mechanism for the departments of every kind."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.core.parse import folded


def spellings(names: pd.Series) -> dict[str, str]:
    """Folded name (:func:`opsbook.core.parse.folded`) → the spelling most of ``names`` use,
    the first in sort order on a tie, so that the order of the rows does not matter. Blanks
    (None, NaN, only spaces) are left out."""
    codes, uniques = pd.factorize(names.to_numpy(dtype=object), use_na_sentinel=True)
    if not len(uniques):
        return {}
    typed = pd.Series(uniques, dtype=object).astype(str)
    tally = pd.DataFrame({"key": typed.map(folded), "name": typed,
                          "n": np.bincount(codes[codes >= 0], minlength=len(uniques))})
    tally = tally[tally["key"].ne("")].groupby(["key", "name"], as_index=False)["n"].sum()
    best = tally.sort_values(["key", "n", "name"], ascending=[True, False, True],
                             kind="stable").drop_duplicates("key")
    return dict(zip(best["key"], best["name"]))


def one_spelling(names: pd.Series, spelt: dict[str, str] | None = None) -> pd.Series:
    """Each of ``names`` in the spelling of its name (``spelt``, else :func:`spellings` of
    ``names``), same index, object dtype; a name ``spelt`` does not know stays as typed, and
    a blank (None, NaN, only spaces) is None."""
    spelt = spellings(names) if spelt is None else spelt
    codes, uniques = pd.factorize(names.to_numpy(dtype=object), use_na_sentinel=True)
    keys = [folded(u) for u in uniques]
    mapped = np.array([spelt.get(k, u) if k else None for k, u in zip(keys, uniques)] + [None],
                      dtype=object)
    return pd.Series(mapped[codes], index=names.index, dtype=object)
