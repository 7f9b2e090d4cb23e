"""The output models' quick constructor (chitieu.model.Out.model_construct) gives the object pydantic's would."""

from __future__ import annotations

import pytest
from pydantic import BaseModel
from pydantic._internal._model_construction import init_private_attributes

from chitieu import model
from chitieu.model import Finding, Out, PeriodOut


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _pydantic_construct(cls, **values):
    return BaseModel.model_construct.__func__(cls, **values)


@pytest.mark.filterwarnings("ignore::UserWarning")  # the values are placeholders of the wrong types
def test_every_output_model_built_quickly_is_the_one_pydantic_builds():
    outs = sorted(set(_subclasses(Out)), key=lambda c: c.__name__)
    assert Finding in outs and PeriodOut in outs
    for cls in outs:
        values = {name: f"v-{name}" for name in cls.__pydantic_fields__}
        quick, slow = cls.model_construct(**values), _pydantic_construct(cls, **values)
        assert quick == slow, cls.__name__
        assert quick.model_dump() == slow.model_dump(), cls.__name__
        assert quick.__pydantic_fields_set__ == slow.__pydantic_fields_set__, cls.__name__
        assert quick.__pydantic_private__ == slow.__pydantic_private__, cls.__name__
        # the quick path runs no post-init: a model with one of its own (beyond the private attributes' defaults,
        # which the quick path gives) must not be an Out
        assert vars(cls).get("model_post_init", init_private_attributes) is init_private_attributes, cls.__name__


def test_private_defaults_are_not_shared_between_findings():
    values = {name: None for name in Finding.__pydantic_fields__}
    a, b = Finding.model_construct(**values), Finding.model_construct(**values)
    a.values["title"] = "x"
    assert b.values == {}


def test_a_missing_field_is_left_to_pydantic_which_fills_its_default():
    values = {name: None for name in Finding.__pydantic_fields__ if name != "notes"}
    assert "notes" in Finding.__pydantic_fields__
    built = Finding.model_construct(**values)
    assert built.model_dump() == _pydantic_construct(Finding, **values).model_dump()
    assert "notes" not in built.__pydantic_fields_set__


def test_the_seed_findings_are_built_with_the_quick_path(seed_json):
    # the committed sample's JSON is compared byte for byte elsewhere; here: a finding has every field the contract has
    first = seed_json["findings"][0]
    assert list(first) == list(Finding.__pydantic_fields__)
    assert model.Out.model_construct.__qualname__ == "Out.model_construct"


def test_fields_left_to_a_plain_default_are_filled_as_pydantic_fills_them():
    from chitieu.model import TargetOut

    values = {"operator": ">=", "value": 1, "unit": "mô hình", "display": "ít nhất 01 mô hình", "threshold_known": True}
    quick, slow = TargetOut.model_construct(**values), _pydantic_construct(TargetOut, **values)
    assert quick.basis is None and quick.in_force_from is None
    assert quick == slow and quick.model_dump_json() == slow.model_dump_json()
    assert quick.__pydantic_fields_set__ == slow.__pydantic_fields_set__ == set(values)
    assert list(vars(quick)) == list(TargetOut.__pydantic_fields__)  # the fields in their declared order
