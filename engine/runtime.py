"""The durable_rules runtime — the only module that imports durable_rules.

One ``Runtime`` owns one ruleset of durable_rules' C core for one audit run and handles every sharp edge measured in
shared/domain/durable-rules-notes.md:
- it drives the C core (``durable_rules_engine``) itself: assert a batch of facts, then take the actions it queued
  one by one (``start_action_for_state`` / ``complete_and_start_action``) and run each here, on the caller's thread.
  durable's Python host is not used: it starts timer threads, wraps every action in closures and lease timers, and
  serialises the state back to JSON after each action — about a third of an audit's time in the Rete, for nothing
  this engine needs (it keeps no state of its own in durable);
- the ruleset's C memory is freed on ``close()`` (``delete_ruleset`` on its handle);
- communes are evaluated one after another in one durable state (sid), up to ``UNITS_PER_STATE`` of them, then the
  state is deleted, so at most one state is live: the 1,024-live-sid limit and the 32-bit sid hash are never
  reached. Every fact carries its commune's number within the state (``u``) and its period key (``p``), and every
  join matches on both (chitieu.compiler ``same_unit``), so no commune's waiver or conclusion reaches another's
  observations. Creating and deleting a state costs the C core a table per beta node of the ruleset: sharing one
  among 32 communes took a quarter off the C core's time in the audit (measured: 0.47–0.52 s → 0.34–0.39 s per
  1,500 commune-years);
- every action catches its own exceptions (so that the C core's action is always completed) and the run fails loudly
  if any was caught;
- Ctrl-C, SIGTERM and SIGHUP are held back while durable_rules runs (milliseconds per call): raised inside the loop
  over its actions, the exception would leave an action open in the C core, or be caught by an action and end the
  run as an "internal error" instead of as interrupted; held back, they are raised in the caller as soon as the call
  returns;
- observations are asserted as plain ints and ASCII/NFC strings only (engine.audit validates and scales them), each
  with only the fields its rule's branches read (``CompiledCatalogue.observation_fields``);
- durable_rules identifies a fact by a 32-bit FNV-1a hash of its ``id`` (and a state by the same hash of its sid):
  two different ids with one hash are "the same fact" and the second is refused as already observed. So the ids
  asserted are not the engine's own (``o|rule|period``, ``w|…``, ``c|…``) but short ones handed out here, each
  checked against the hashes already in the state: collision-free by construction. The same holds for sids,
  checked against the states still alive.
"""

from __future__ import annotations

import functools
import json
import re
import traceback
import uuid
from typing import Any, Callable, Iterable, Optional

import durable_rules_engine as _core

from .compiler import Branch, CompiledCatalogue
from .sigmask import signals_held
from .wire import F_FORM, F_ID, F_PERIOD, F_RULE, F_TYPE, F_UNIT, OBS, Activation, conclusion_fact

# what the C core's assert_facts / assert_fact answer besides "stored" (src/rules/rules.h)
_NOT_HANDLED, _OBSERVED = 1, 2
# communes kept one after another in one durable state before it is deleted (see the module docstring)
UNITS_PER_STATE = 32
# The start of a match as the C core writes it: the branch's name, then the observation with its first fields in the
# order Observation.fact gives them. A match that does not start so (another layout, an escaped character) is parsed
# as JSON instead; 15,000 matches parsed whole cost a tenth of a second.
_TEXT = r'"([^"\\]*)"'  # a JSON string without escapes
_MATCH_HEAD = re.compile(
    r'\{"(?P<name>[^"\\]+)":\{"o":\{'
    + ",".join(
        (
            f'"{F_TYPE}":"{OBS}"',
            f'"{F_ID}":"(?P<id>[^"\\\\]+)"',
            f'"{F_RULE}":{_TEXT}',
            f'"{F_PERIOD}":"(?P<p>[^"\\\\]*)"',
        )
    )
)


def _brief(fact: dict) -> str:
    return "{" + ", ".join(f"{k}: {fact[k]!r}" for k in (F_TYPE, F_ID, F_RULE, F_PERIOD, F_FORM) if k in fact) + "}"


class EngineError(RuntimeError):
    """The rule network misbehaved (an action raised, or an observation got no or several conclusions)."""


@functools.lru_cache(maxsize=1 << 16)  # the same short ids and sids come back in every state
def fnv1a32(text: str) -> int:
    """The hash durable_rules gives an id or a sid (its C core XORs each byte as a signed char)."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ ((b - 0x100) & 0xFFFFFFFF if b >= 0x80 else b)) * 16777619) & 0xFFFFFFFF
    return h


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Runtime:
    """One durable_rules ruleset for one run (a chitieu.wire.Evaluator). Use as a context manager."""

    def __init__(self, compiled: CompiledCatalogue):
        self._name = "chitieu_" + uuid.uuid4().hex[:12]
        self._actions: dict[str, Callable[[str, Optional[re.Match]], None]] = {}
        self._fired: list[Activation] = []
        self._read = compiled.read_conclusions
        # the C core tests every property of a fact at each node it passes: an observation goes in with only the
        # fields its rule reads (a threshold's carries no counts of conclusions, a chain's no interval)
        self._fields = compiled.fields_by_rule
        self._seen: set[tuple[str, str]] = set()
        self._errors: list[str] = []
        self._sid = 0
        self._open_sid: Optional[str] = None
        self._live_sids: set[int] = set()  # hashes of the states not deleted
        self._ids: dict[str, str] = {}  # wire id → the engine's id, for the open state
        self._id_hashes: set[int] = set()
        self._next_id = 0
        self._units = 0  # communes opened in the durable state in use; the open one is number self._units
        self._unit_open = False
        self._stored = False
        self._acted = False  # an action was started in the durable state in use
        self._failed = False  # a call into the C core raised in it
        for b in compiled.branches:
            self._actions[b.name] = self._action(b)
        self._handle: Optional[int] = _core.create_ruleset(self._name, compiled.ruleset_json)

    # -- life cycle
    def close(self) -> None:
        if self._handle is None:
            return
        try:
            self._unit_open = False
            self._delete_state()
            _core.delete_ruleset(self._handle)
        finally:
            self._handle = None

    def __enter__(self) -> "Runtime":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- actions
    def _action(self, branch: Branch) -> Callable[[str, Optional[re.Match]], None]:
        """What runs when ``branch`` fires; ``match`` is the C core's match as JSON, the facts by the rule's names for
        them ({branch: {"o": observation, "w": waiver}}), and ``head`` its beginning as _MATCH_HEAD read it."""

        def run(match: str, head: Optional[re.Match]) -> None:
            try:
                if head is not None and not branch.waiver_join:  # the observation's id and period: no need to parse
                    wire_id, period, waiver = head["id"], head["p"], None
                else:
                    (frame,) = json.loads(match).values()
                    obs, waiver = frame["o"], frame["w"] if branch.waiver_join else None
                    wire_id, period = obs[F_ID], obs[F_PERIOD]
                # durable_rules expands '$or' into alternatives that each fire: one branch can match one
                # observation more than once. Same branch, same observation, same conclusion: keep the first.
                obs_id = self._ids[wire_id]
                seen = (branch.name, obs_id)
                if seen in self._seen:
                    return
                self._seen.add(seen)
                self._fired.append(Activation(branch, obs_id, period, self._ids[waiver[F_ID]] if waiver else None))
                if branch.rule_id in self._read:  # chaining: another rule joins on this conclusion
                    fact = conclusion_fact(branch.rule_id, period, branch.outcome.status)
                    fact = dict(fact, **{F_ID: self._wire_id(fact[F_ID]), F_UNIT: self._units}, sid=self._open_sid)
                    self._check(_core.assert_fact(self._handle, _dumps(fact))[0], [fact])
            except BaseException:  # the C core's action must still be completed; keep it and fail the run
                self._errors.append(f"{branch.name}: {traceback.format_exc(limit=3)}")

        return run

    # -- states
    def begin_state(self) -> str:
        """Open the state of one commune: a unit of the durable state in use, or of a new one when that is full."""
        if self._handle is None:
            raise EngineError("the runtime is closed")
        if self._unit_open:
            raise EngineError("a state is already open; end it first")
        if self._open_sid is None:
            while True:  # a sid whose hash no live state has
                self._sid += 1
                if fnv1a32(str(self._sid)) not in self._live_sids:
                    break
            self._open_sid = str(self._sid)
            self._live_sids.add(fnv1a32(self._open_sid))
            # the state object durable_rules stores in each sid has an id of its own
            self._ids, self._next_id, self._units = {}, 0, 0
            self._id_hashes = {fnv1a32(f"sid-{self._open_sid}")}
        self._units += 1
        self._unit_open = True
        return f"{self._open_sid}.{self._units}"

    def _wire_id(self, engine_id: str) -> str:
        """A short id whose hash no other fact of the open state has (see the module docstring)."""
        while True:
            self._next_id += 1
            wire = f"{self._next_id:x}"
            h = fnv1a32(wire)
            if h not in self._id_hashes:
                self._id_hashes.add(h)
                self._ids[wire] = engine_id
                return wire

    def end_state(self) -> None:
        """Close the commune's state; the durable state goes once it holds UNITS_PER_STATE communes, or a call into
        the C core failed in it."""
        self._unit_open = False
        self._seen.clear()
        if self._units >= UNITS_PER_STATE or self._failed:
            self._delete_state()

    def _delete_state(self) -> None:
        if self._handle is not None and self._open_sid is not None:
            try:
                # Deleting a state that never stored a fact aborts the C core (measured: a sid whose only
                # assertion was unhandled); so does one in which no action ever started (its C struct's action
                # context is never initialised and deleteStateNode frees it: "free(): invalid pointer", or a
                # segfault, depending on the heap). Such a state is left alone, its sid never handed out again;
                # chitieu.audit never makes one (facts that fire nothing, waivers, go in with observations).
                if self._stored and self._acted:
                    _core.delete_state(self._handle, self._open_sid)
                    self._live_sids.discard(fnv1a32(self._open_sid))
            finally:
                self._open_sid = None
                self._stored = self._acted = self._failed = False

    def assert_facts(self, facts: Iterable[dict]) -> list[Activation]:
        """Assert facts into the open state; return the activations they caused, in firing order."""
        if self._handle is None or not self._unit_open:
            raise EngineError("no open state")
        batch = []
        sid, unit, fields = self._open_sid, self._units, self._fields
        for f in facts:
            keep = fields.get(f[F_RULE]) if f[F_TYPE] == OBS else None
            sent = {k: f[k] for k in keep} if keep else dict(f)
            sent[F_ID] = self._wire_id(f[F_ID])
            sent[F_UNIT] = unit
            sent["sid"] = sid
            batch.append(sent)
        if not batch:
            return []
        self._fired = []
        try:
            with signals_held():
                self._run(batch)
        except BaseException:
            self._failed = True
            raise
        self._stored = True
        if self._errors:
            errors, self._errors = self._errors, []
            raise EngineError("an action failed:\n" + "\n".join(errors))
        fired, self._fired = self._fired, []
        return fired

    def _run(self, batch: list[dict]) -> None:
        """Assert the batch, then run every action it queued until none is left (an action may queue more)."""
        handle = self._handle
        code, state = _core.assert_facts(handle, _dumps(batch))
        self._check(code, batch)
        started = _core.start_action_for_state(handle, state)
        messages = started[1] if started else None
        self._acted = self._acted or bool(messages)
        while messages:
            try:
                # one action's match: {rule name: {fact name: fact}}
                head = _MATCH_HEAD.match(messages)
                self._actions[head["name"] if head else next(iter(json.loads(messages)))](messages, head)
                messages = _core.complete_and_start_action(handle, state)
            except BaseException:
                _core.abandon_action(handle, state)
                raise

    @staticmethod
    def _check(code: int, batch: list[dict]) -> None:
        if code == _OBSERVED:
            raise EngineError(f"a fact was asserted twice (batch of {len(batch)}, first {_brief(batch[0])})")
        if code == _NOT_HANDLED:
            raise EngineError(f"no rule handles a fact (batch of {len(batch)}, first {_brief(batch[0])})")
