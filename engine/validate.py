"""Turning pydantic validation errors into located diagnostics (path:line:col, code, plain message)."""

from __future__ import annotations

import re
from typing import Any, TypeVar, Union, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import model
from .diagnostics import Diagnostics, did_you_mean, nearest
from .yamlsrc import YamlDoc

M = TypeVar("M", bound=BaseModel)


def _vocabulary() -> set[str]:
    """Every key any chitieu file may use, for 'did you mean' on an unknown key."""
    from .kinds import KINDS

    names: set[str] = set()
    classes = [obj for obj in vars(model).values() if isinstance(obj, type) and issubclass(obj, BaseModel)]
    for cls in classes + [k.model for k in KINDS.values()]:
        if cls is not BaseModel:
            for name, f in cls.model_fields.items():
                names.add(f.alias or name)
    return names


_VOCAB = _vocabulary()


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field's annotation may hold a mapping of (through Optional, Union, Annotated, list, dict)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in get_args(annotation):
        found += [m for m in _models_in(arg) if m not in found]
    return found


def _keys_at(cls: Any, payload: Any, loc: tuple) -> set[str]:
    """The keys allowed in the mapping at ``loc`` of ``payload`` validated as ``cls``; empty when the place cannot be
    told (then 'did you mean' draws on every key)."""
    from .kinds import DEFAULT_KIND, KINDS

    if isinstance(cls, TypeAdapter):  # a rule of any kind: its own kind's model
        kind = payload.get("kind", DEFAULT_KIND) if isinstance(payload, dict) else None
        models: list[type[BaseModel]] = [KINDS[kind].model] if isinstance(kind, str) and kind in KINDS else []
    else:
        models = [cls]
    for part in loc:
        if isinstance(part, int):  # an item of a list: the list's models stand
            continue
        fields = [f for m in models for name, f in m.model_fields.items() if part in (name, f.alias)]
        models = [m for f in fields for m in _models_in(f.annotation)]
        if not models:
            return set()
    return {f.alias or name for m in models for name, f in m.model_fields.items()}


def _yaml_loc(data: Any, loc: tuple) -> tuple[tuple, bool]:
    """The longest prefix of a pydantic ``loc`` that exists in the YAML data, and whether the whole loc does."""
    here: Any = data
    out: list = []
    for part in loc:
        if isinstance(here, dict) and isinstance(part, str) and part in here:
            here = here[part]
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            here = here[part]
        else:
            return tuple(out), False
        out.append(part)
    return tuple(out), True


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"


# words an author may write for an allowed value that shares no spelling with it
SYNONYMS = {
    "yearly": "annual",
    "year": "annual",
    "annually": "annual",
    "hang-nam": "annual",
    "hang_nam": "annual",
    "total": "cumulative",
    "accumulated": "cumulative",
    "luy-ke": "cumulative",
    "luy_ke": "cumulative",
    "due": "deadline",
    "by": "deadline",
    "han": "deadline",
    "now": "as_of",
    "current": "as_of",
    "asof": "as_of",
    "as-of": "as_of",
    "high": "major",
    "low": "minor",
    "critial": "critical",
}


def _listed(expected: str) -> list[str]:
    """The values a pydantic "expected 'a', 'b' or 'c'" names."""
    return re.findall(r"'([^']*)'", expected)


def _message(err: dict, key: str | None) -> tuple[str, str]:
    kind = err["type"]
    msg = err["msg"]
    if kind == "extra_forbidden":
        if err.get("_required"):
            return "unknown-key", f"unknown key '{key}': is it the required key '{err['_required']}', which is missing?"
        rule_kind = err.get("_rule_kind")
        if rule_kind is not None:
            from .kinds import KINDS

            owners = [name for name, k in KINDS.items() if key in k.model.model_fields]
            if owners:
                return "unknown-key", (
                    f"'{key}' does not apply to a rule of kind '{rule_kind}'; it is a key of "
                    + " and ".join(f"'{o}'" for o in owners)
                    + " rules"
                )
        return "unknown-key", f"unknown key '{key}'" + did_you_mean(str(key), (err.get("_allowed") or _VOCAB) - {key})
    if kind == "missing":
        if key == "source" and err.get("_in") == "fact":
            return "missing-key", (
                "missing required key 'source': every fact cites the report's sentence it comes from "
                "(source: {line: …, quote: …}, or a form's cell)"
            )
        if key in ("source", "clause") and err.get("_in") == "rule":
            return "missing-citation", (
                f"missing required key '{key}': every rule cites the clause of the document "
                "its target comes from (source: {clause: …})"
            )
        return "missing-key", f"missing required key '{key}'"
    if kind == "invalid_kind":
        expected = err.get("ctx", {}).get("expected", "")
        given = err.get("input")
        hint = did_you_mean(given, _listed(expected)) if isinstance(given, str) else ""
        return "invalid-value", f"{_show(given)} is not a rule kind{hint}; expected {expected}"
    if kind in ("literal_error", "enum"):
        expected = err.get("ctx", {}).get("expected", "")
        allowed = _listed(expected)
        given = str(err.get("input"))
        near = SYNONYMS.get(given.strip().lower())
        hint = (f" (did you mean: '{near}'?)" if near in allowed else did_you_mean(given, allowed)) if allowed else ""
        field = f"'{key}': " if isinstance(key, str) else ""
        return "invalid-value", f"{field}{_show(err.get('input'))} is not allowed{hint}; expected {expected}"
    if kind == "string_pattern_mismatch":
        return "invalid-value", (
            f"{_show(err.get('input'))} is not a valid identifier: use lower-case ASCII letters, "
            "digits and '-' (ids; a commune's id joins province and commune with '/', as in quang-ngai/tinh-an) "
            "or '_' and '.' (indicator keys)"
        )
    if kind == "value_error":
        text = msg.removeprefix("Value error, ")
        if text.startswith("missing required key"):
            return "missing-key", text
        return ("wrong-type" if text.startswith("expected") else "invalid-value"), text
    if kind.endswith("_type") or kind.endswith("_parsing") or kind == "model_attributes_type":
        if kind in ("dict_type", "model_type", "model_attributes_type"):
            return "wrong-type", f"expected a mapping of keys, got {_show(err.get('input'))}"
        if kind == "list_type":
            return "wrong-type", f"expected a list ('- ' items), got {_show(err.get('input'))}"
        return "wrong-type", f"{msg.lower()}, got {_show(err.get('input'))}"
    if kind in ("too_long", "string_too_long") and isinstance(err.get("input"), str):
        ctx = err.get("ctx", {})
        return "invalid-value", (
            f"{_show(err.get('input'))}: too long, {len(err['input']):,} characters; "
            f"at most {ctx.get('max_length', '?'):,} characters"
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than", "too_long", "string_too_long"):
        return "invalid-value", f"{_show(err.get('input'))}: {msg.lower()}"
    return "invalid-value", msg


_MEMBER_TAG = re.compile(r"^[a-z][a-z-]*\[.*\]$")


def _locations(exc: ValidationError, payload: Any, tags: frozenset[str]) -> list[dict]:
    """The errors with the union tag (a rule's kind) dropped from their locations, so they point into the YAML."""
    out = []
    for details in exc.errors(include_url=False):
        err: dict[str, Any] = dict(details)
        loc = tuple(err["loc"])
        if err["type"] == "invalid_kind":
            err = dict(err, input=payload.get("kind") if isinstance(payload, dict) else err.get("input"))
            loc = ("kind",)
        elif loc and loc[0] in tags:
            if len(loc) == 2:  # a key of the rule itself (not of a mapping inside it)
                err = dict(err, _rule_kind=loc[0])
            loc = loc[1:]
        # the member of a union inside a model ('covers: all' or a mapping): "literal['all']",
        # "function-after[_some(), Coverage]" name no key of the YAML
        loc = tuple(p for p in loc if not (isinstance(p, str) and _MEMBER_TAG.match(p)))
        out.append(dict(err, loc=loc))
    return out


def validate(
    cls: Union[type[M], TypeAdapter], doc: YamlDoc, diags: Diagnostics, *, data: Any = None, base: tuple = ()
) -> Any:
    """Validate ``data`` (default: the whole document) as ``cls`` (a model, or a TypeAdapter for a union such as
    the rule kinds); on failure add one diagnostic per located value and return None."""
    from .kinds import KINDS

    payload = doc.data if data is None else data
    try:
        if isinstance(cls, TypeAdapter):
            return cls.validate_python(payload)
        return cls.model_validate(payload)
    except ValidationError as exc:
        by_place: dict[tuple, list[dict]] = {}
        # a rule cites the clause of its document; a fact or a statement, the report's sentence
        place_kind = "rule" if isinstance(cls, TypeAdapter) else "fact" if cls in (model.Fact, model.Statement) else ""
        for err in _locations(exc, payload, frozenset(KINDS)):
            loc, complete = _yaml_loc(payload, tuple(err["loc"]))
            if err["type"] in ("missing",) or not complete:
                key = next((p for p in err["loc"][len(loc) :] if isinstance(p, str) and "[" not in p), None)
                if err["type"] == "missing" and key is None:
                    key = str(err["loc"][-1])
            else:
                key = str(err["loc"][-1]) if err["loc"] else None
            err = dict(err, _key=key, _complete=complete, _in=place_kind)
            if err["type"] == "extra_forbidden":
                err["_allowed"] = _keys_at(cls, payload, tuple(err["loc"][:-1]))
            by_place.setdefault(loc, []).append(err)
        _misspelt_required(by_place)
        _mapping_member_speaks(by_place)
        for loc, errs in by_place.items():
            if not errs:  # its one error went to a misspelt key beside it
                continue
            errs = _pick(errs)
            for err in errs:
                prefer_key = err["type"] in ("extra_forbidden",)
                place = base + loc
                if err["type"] == "missing" and err["_key"] and doc.has_mark(place + (err["_key"],)):
                    place += (err["_key"],)  # a blank cell of a form has a place of its own
                code, text = _message(err, err["_key"])
                label = doc.labels.get(place) if err["type"] == "missing" else None
                if label:
                    # a form's blank cell is named by its label, as the commune's clerk reads it, not by its key
                    diags.at(doc, place, code, f"the cell “{label}” is blank; fill it in")
                    continue
                if err["type"] == "missing" or (not err["_complete"] and err["type"] != "extra_forbidden"):
                    where_ = ".".join(str(p) for p in loc) or "the document"
                    if err["type"] != "missing":
                        text = f"{where_}: {text}"
                diags.at(doc, place, code, text, prefer_key=prefer_key)
        return None


def _misspelt_required(by_place: dict[tuple, list[dict]]) -> None:
    """A required key written misspelt ('titel' for 'title') is one mistake, not two: the unknown key's error names
    the required key it is nearest to, and that key's "missing" error goes."""
    for loc, errs in list(by_place.items()):
        siblings = by_place.get(loc[:-1], []) if loc else []
        missing = {e["_key"]: e for e in siblings if e["type"] == "missing" and e["_key"]}
        for err in errs:
            if err["type"] != "extra_forbidden" or not missing or not isinstance(err["_key"], str):
                continue
            near = nearest(err["_key"], missing, 1)
            if near:
                err["_required"] = near[0]
                siblings.remove(missing.pop(near[0]))


def _mapping_member_speaks(by_place: dict[tuple, list[dict]]) -> None:
    """A mapping given where a word or a mapping may stand ('covers: all' or 'covers: {provinces: […]}'): what the
    mapping's member says of the keys inside it tells more than "expected 'all'" at the mapping itself."""
    for loc, errs in by_place.items():
        if any(e["type"] == "literal_error" and isinstance(e.get("input"), dict) for e in errs) and any(
            other[: len(loc)] == loc and len(other) > len(loc) and by_place[other] for other in by_place
        ):
            errs[:] = [e for e in errs if not (e["type"] == "literal_error" and isinstance(e.get("input"), dict))]


def _pick(errs: list[dict]) -> list[dict]:
    """Errors on one value from several union members collapse to the most telling one."""
    if len(errs) == 1:
        return errs
    distinct_kinds = {e["type"] for e in errs}
    if distinct_kinds <= {"missing", "extra_forbidden"}:
        return errs
    for preferred in ("value_error", "literal_error", "string_pattern_mismatch"):
        found = [e for e in errs if e["type"] == preferred]
        # a member that took the value's type and refused its content says more than one that expected another
        # type ("give 'gt' or 'gte', not both" for a bound, not "expected a number, got a mapping")
        fitting = [e for e in found if not str(e.get("msg", "")).startswith("Value error, expected ")]
        if found:
            return (fitting or found)[:1]
    return errs[:1]
