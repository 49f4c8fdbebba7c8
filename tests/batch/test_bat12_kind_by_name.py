"""A Book sent back from a worker process carries its kind as the name of the module that
makes it, not as a copy of the whole spec: it arrives with the registry's own Kind, and the
message is a fraction of the size. A Kind no registry named is pickled whole."""

from __future__ import annotations

import dataclasses
import pickle

from opsbook import registry
from opsbook.api import load, new_workbook


def test_a_registered_kind_comes_back_as_itself():
    for kind in registry.kinds().values():
        sent = pickle.dumps(kind)
        assert pickle.loads(sent) is kind
        assert len(sent) < 200


def test_a_book_from_another_process_has_the_registrys_kind(tmp_path):
    new_workbook("plan", "zh", tmp_path / "plan.xlsx", sample=True)
    book = load(tmp_path / "plan.xlsx")
    back = pickle.loads(pickle.dumps(book))
    assert back.kind is registry.get("plan")
    assert back["Plan"].equals(book["Plan"])


def test_a_kind_of_ones_own_is_pickled_whole():
    mine = dataclasses.replace(registry.get("plan"), en="My plan")
    back = pickle.loads(pickle.dumps(mine))
    assert back.en == "My plan" and back is not mine and back == mine
