"""The durable_rules runtime — the only module that imports durable_rules.

One ``Runtime`` owns one private host for one audit run and handles every sharp edge measured in
shared/domain/durable-rules-notes.md:
- a private ``Host`` whose two timer threads are never started (``_run`` is a no-op), so no thread leaks and no action
  runs off the caller's thread;
- the ruleset's C memory is freed on ``close()`` (there is no public API; ``delete_ruleset`` on its handle);
- one state (sid) per commune, holding all its periods (every fact carries its period key ``p`` and joins match on
  it), deleted right after the commune is evaluated, so at most one state is live: the 1,024-live-sid limit and the
  32-bit sid hash are never reached;
- every action catches its own exceptions (durable swallows them) and the run fails loudly if any was caught;
- Ctrl-C, SIGTERM and SIGHUP are held back while durable_rules runs (milliseconds per call): raised inside its code,
  the exception would be swallowed by it or by an action and the run would end as an "internal error" instead of
  as interrupted; held back, they are raised in the caller as soon as the call returns;
- durable logs a traceback of any BaseException raised inside its action callback (a signal landing there — Ctrl-C,
  SIGTERM — is one) on its "durable" logger, which Python's last-resort handler prints to stderr; the exception
  itself still reaches the caller, so that logger is silenced here and the CLI reports the signal in its own words;
- observations are asserted as plain ints and ASCII/NFC strings only (engine.audit validates and scales them);
- durable_rules identifies a fact by a 32-bit FNV-1a hash of its ``id`` (and a state by the same hash of its sid):
  two different ids with one hash are "the same fact" and the second raises MessageObservedException. So the ids
  asserted are not the engine's own (``o|rule|period``, ``w|…``, ``c|…``) but short ones handed out here, each
  checked against the hashes already in the state: collision-free by construction. The same holds for sids,
  checked against the states still alive.
"""

from __future__ import annotations

import logging
import traceback
import uuid
from typing import Any, Iterable, Optional

import durable.engine as _durable
import durable_rules_engine as _core

from .compiler import Branch, CompiledCatalogue
from .sigmask import signals_held
from .wire import F_FORM, F_ID, F_PERIOD, F_RULE, F_TYPE, Activation, conclusion_fact

_durable_log = logging.getLogger("durable")
_durable_log.addHandler(logging.NullHandler())
_durable_log.propagate = False


def _brief(fact: dict) -> str:
    return "{" + ", ".join(f"{k}: {fact[k]!r}" for k in (F_TYPE, F_ID, F_RULE, F_PERIOD, F_FORM) if k in fact) + "}"


class EngineError(RuntimeError):
    """The rule network misbehaved (an action raised, or an observation got no or several conclusions)."""


def fnv1a32(text: str) -> int:
    """The hash durable_rules gives an id or a sid (its C core XORs each byte as a signed char)."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ ((b - 0x100) & 0xFFFFFFFF if b >= 0x80 else b)) * 16777619) & 0xFFFFFFFF
    return h


class _PrivateHost(_durable.Host):
    def _run(self) -> None:  # the timer threads dispatch actions and timers we do not use
        return None


class Runtime:
    """One durable_rules host and ruleset for one run (a chitieu.wire.Evaluator). Use as a context manager."""

    def __init__(self, compiled: CompiledCatalogue):
        self._name = "chitieu_" + uuid.uuid4().hex[:12]
        self._fired: list[Activation] = []
        self._read = compiled.read_conclusions
        self._seen: set[tuple[str, str]] = set()
        self._errors: list[str] = []
        self._sid = 0
        self._open_sid: Optional[str] = None
        self._live_sids: set[int] = set()  # hashes of the states not deleted
        self._ids: dict[str, str] = {}  # wire id → the engine's id, for the open state
        self._id_hashes: set[int] = set()
        self._next_id = 0
        self._stored = False
        self._host: Optional[_PrivateHost] = _PrivateHost()
        try:
            self._host.set_rulesets({self._name: compiled.definition(self._action)})
        except BaseException:
            self._host = None
            raise

    # -- life cycle
    def close(self) -> None:
        if self._host is None:
            return
        try:
            if self._open_sid is not None:
                self.end_state()
            _core.delete_ruleset(self._host.get_ruleset(self._name)._handle)
        finally:
            self._host = None

    def __enter__(self) -> "Runtime":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- actions
    def _action(self, branch: Branch):
        def run(c) -> None:
            try:
                obs = c.o._d
                # durable_rules expands '$or' into alternatives that each fire: one branch can match one
                # observation more than once. Same branch, same observation, same conclusion: keep the first.
                obs_id = self._ids[obs[F_ID]]
                seen = (branch.name, obs_id)
                if seen in self._seen:
                    return
                self._seen.add(seen)
                waiver = c.w._d if branch.waiver_join else None
                self._fired.append(
                    Activation(branch, obs_id, obs[F_PERIOD], self._ids[waiver[F_ID]] if waiver else None)
                )
                if branch.rule_id in self._read:  # chaining: another rule joins on this conclusion
                    fact = conclusion_fact(branch.rule_id, obs[F_PERIOD], branch.outcome.status)
                    c.assert_fact(dict(fact, **{F_ID: self._wire_id(fact[F_ID])}))
            except BaseException:  # durable would swallow it; keep it and fail the run
                self._errors.append(f"{branch.name}: {traceback.format_exc(limit=3)}")

        return run

    # -- states
    def begin_state(self) -> str:
        if self._host is None:
            raise EngineError("the runtime is closed")
        if self._open_sid is not None:
            raise EngineError("a state is already open; end it first")
        while True:  # a sid whose hash no live state has
            self._sid += 1
            if fnv1a32(str(self._sid)) not in self._live_sids:
                break
        self._open_sid = str(self._sid)
        self._live_sids.add(fnv1a32(self._open_sid))
        # the state object durable_rules stores in each sid has an id of its own
        self._ids, self._next_id = {}, 0
        self._id_hashes = {fnv1a32(f"sid-{self._open_sid}")}
        return self._open_sid

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
        if self._host is not None and self._open_sid is not None:
            try:
                # Deleting a state that never stored a fact aborts the C core (measured: a sid whose only
                # assertion was unhandled). Such a state is left alone; it holds nothing.
                if self._stored:
                    self._host.delete_state(self._name, self._open_sid)
                    self._live_sids.discard(fnv1a32(self._open_sid))
            finally:
                self._open_sid = None
                self._stored = False
                self._seen.clear()

    def assert_facts(self, facts: Iterable[dict]) -> list[Activation]:
        """Assert facts into the open state; return the activations they caused, in firing order."""
        if self._host is None or self._open_sid is None:
            raise EngineError("no open state")
        batch = []
        for f in facts:
            batch.append(dict(f, **{F_ID: self._wire_id(f[F_ID])}, sid=self._open_sid))
        if not batch:
            return []
        self._fired = []
        try:
            with signals_held():
                self._host.assert_facts(self._name, batch)
        except _durable.MessageObservedException:
            raise EngineError(f"a fact was asserted twice (batch of {len(batch)}, first {_brief(batch[0])})") from None
        except _durable.MessageNotHandledException:
            raise EngineError(f"no rule handles a fact (batch of {len(batch)}, first {_brief(batch[0])})") from None
        self._stored = True
        if self._errors:
            errors, self._errors = self._errors, []
            raise EngineError("an action failed:\n" + "\n".join(errors))
        fired, self._fired = self._fired, []
        return fired
