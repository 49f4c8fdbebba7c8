"""Names that differ only in width, case or spaces ("Sales", "sales ", "Ｓａｌｅｓ") as one:
one mechanism for the departments of every kind."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.parse import folded


def spellings(names: pd.Series) -> dict[str, str]:
    """Folded name (:func:`opsbook.core.parse.folded`) → the spelling most of ``names`` use,
    the first in sort order on a tie, so that the order of the rows does not matter. Blanks
    (None, NaN, only spaces) are left out. Keys come in sort order.

    Each distinct value is folded once (a column of 10,000 items names a few hundred
    departments); a value that is not text is spelt as pandas' ``astype(str)`` spells it.
    """
    codes, uniques = pd.factorize(names.to_numpy(dtype=object), use_na_sentinel=True)
    if not len(uniques):
        return {}
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()
    tally: dict[tuple[str, str], int] = {}
    for name, n in zip(_texts(list(uniques)), counts):
        key = folded(name)
        if key:
            tally[key, name] = tally.get((key, name), 0) + n
    best: dict[str, tuple[int, str]] = {}
    for (key, name), n in tally.items():  # most used, then first in sort order
        if key not in best or (-n, name) < best[key]:
            best[key] = (-n, name)
    return {key: best[key][1] for key in sorted(best)}


def _texts(values: list[Any]) -> list[str]:
    """``values`` as text, as ``pd.Series(values, dtype=object).astype(str)`` gives them:
    text as it is, anything else converted by pandas (bytes decoded, numbers as typed)."""
    others = [v for v in values if type(v) is not str]
    converted = iter(pd.Series(others, dtype=object).astype(str).tolist() if others else [])
    return [v if type(v) is str else next(converted) for v in values]


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
