"""Which findings a run is about and shows, applied to the audit's stream.

`--plan` (a document's id or number), `--rule` (an id or a glob) and `--commune` scope a run of `check`, `report` or
`shortfalls`: only those findings are counted (the exit code, the tallies), shown and written — the rules they read
still run. `--status` (check only) is a display filter: the exit code still counts every finding in scope."""

from __future__ import annotations

import difflib
import fnmatch
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from . import vi
from .diagnostics import did_you_mean
from .facts import CommuneFacts
from .model import Finding
from .reporttext import fold


UNIT_WORDS = tuple(k + " " for k in vi.UNIT_KINDS)  # a name may be typed without them: 'Tịnh An'


def _spelled(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def commune_names(cid: str, name: str) -> list[str]:
    """What a commune may be called by on the command line: its id, its id without the province ('tinh-an'), its
    name, and its name without the kind of unit ('Tịnh An'); NFC, lower-case."""
    out = [cid, cid.rsplit("/", 1)[-1], _spelled(name)]
    out += [out[2][len(w) :] for w in UNIT_WORDS if out[2].startswith(w)]
    return out


def commune_matches(pattern: str, cid: str, name: str) -> bool:
    """A --commune pattern against a commune: a glob over any of its names, whatever the case and the Unicode form
    typed; a pattern typed without diacritics ('Tinh An') matches without them."""
    p = _spelled(pattern)
    plain = fold(p) == p
    return any(fnmatch.fnmatchcase(fold(c) if plain else c, p) for c in commune_names(cid, name))


def _likeness(typed: str, cid: str, name: str) -> float:
    """How much a commune's nearest name is like what was typed (0 to 1)."""
    return max(difflib.SequenceMatcher(None, typed, c).ratio() for c in commune_names(cid, name))


class NoCommuneMatches(Exception):
    """--commune matched none of the communes audited (known only once they are loaded: a name is in the files)."""

    def __init__(self, globs: tuple[str, ...], seen: list[tuple[str, str]]):
        self.globs, self.seen = globs, seen
        what = " ".join(f"'{g}'" for g in globs) + (" matches" if len(globs) == 1 else " match")
        hint = ""
        if len(globs) == 1:  # the id without its province, or the name without 'xã', suggests the commune
            also = {alias: cid for cid, name in seen for alias in commune_names(cid, name)[1:]}
            hint = did_you_mean(_spelled(globs[0]), [cid for cid, _ in seen], also=also)
        if seen:
            # the communes most like what was typed first
            typed = _spelled(globs[0])
            ordered = sorted(seen, key=lambda pair: (-_likeness(typed, *pair), pair[0]))
            shown = ", ".join(f"{cid} ({name})" for cid, name in ordered[:SHOWN_COMMUNES])
            n = f"{len(seen):,} commune{'s' if len(seen) > 1 else ''}"
            read = (
                f"the run read {n}: {shown}"
                if len(seen) <= SHOWN_COMMUNES
                else f"the run read {n}; the nearest: {shown}"
            )
        else:
            read = "the run read no commune"
        super().__init__(f"--commune {what} no commune{hint}; {read}")


SHOWN_COMMUNES = 5  # communes named in the message when --commune matches none


@dataclass
class Selection:
    """Statuses (exact values), rule ids and communes (globs: `ntm-nc-*`; a commune by its id or its name)."""

    statuses: Optional[set[str]] = None
    rules: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()
    plans: frozenset[str] = frozenset()  # document ids (resolve_plans turns what was typed into ids)
    matched_communes: int = field(default=0, init=False)

    @staticmethod
    def parse_statuses(text: Optional[str]) -> Optional[set[str]]:
        """'unmet,pending' → {'unmet', 'pending'}; an unknown status raises ValueError naming the nearest ones."""
        if text is None:
            return None
        out = set()
        for part in (p.strip() for p in text.split(",")):
            if part not in vi.STATUS_LABELS:
                raise ValueError(
                    f"unknown status '{part}'"
                    + did_you_mean(part, vi.STATUS_LABELS)
                    + f"; the statuses are: {', '.join(vi.STATUS_ORDER)}"
                )
            out.add(part)
        return out

    @staticmethod
    def resolve_plans(cat, wanted: Iterable[str]) -> frozenset[str]:
        """The ids of the documents named by id or number ('kh-156-ubnd-tinh-an', '156/KH-UBND'); an unknown one
        raises ValueError naming the nearest."""
        known = {d.id: d.id for d in cat.documents.values()} | {d.number: d.id for d in cat.documents.values()}
        out = set()
        for w in wanted:
            if w not in known:
                raise ValueError(
                    f"--plan '{w}' is no document of the catalogue"
                    + did_you_mean(w, known)
                    + "; the documents are: "
                    + ", ".join(f"{d.number} ({d.id})" for d in cat.documents.values())
                )
            out.add(known[w])
        return frozenset(out)

    def unknown_rules(self, rule_ids: Iterable[str]) -> list[str]:
        """The --rule patterns that match no rule of the catalogue."""
        ids = list(rule_ids)
        return [p for p in self.rules if not fnmatch.filter(ids, p)]

    def picks(self, cf: CommuneFacts) -> bool:
        """Is the commune one the run is about (--commune)?"""
        return not self.communes or any(commune_matches(p, cf.commune.id, cf.commune.name) for p in self.communes)

    def _rule(self, f: Finding) -> bool:
        return (not self.rules or any(fnmatch.fnmatchcase(f.rule_id, p) for p in self.rules)) and (
            not self.plans or f.source.document in self.plans
        )

    def scope(
        self, stream: Iterable[tuple[CommuneFacts, list[Finding]]]
    ) -> Iterator[tuple[CommuneFacts, list[Finding]]]:
        """Only the chosen communes and rules: what the run is about (the exit code counts these). When --commune
        matched none of the communes, NoCommuneMatches is raised once the stream is over (a file being written is
        then abandoned)."""
        seen: list[tuple[str, str]] = []
        for cf, findings in stream:
            if self.picks(cf):
                self.matched_communes += 1
                yield cf, [f for f in findings if self._rule(f)]
            elif not self.matched_communes:
                seen.append((cf.commune.id, cf.commune.name))
        if self.communes and not self.matched_communes:
            raise NoCommuneMatches(self.communes, seen)

    def shown(
        self, stream: Iterable[tuple[CommuneFacts, list[Finding]]]
    ) -> Iterator[tuple[CommuneFacts, list[Finding]]]:
        """Of those, the findings with the chosen statuses: what is shown or written."""
        for cf, findings in stream:
            yield cf, findings if self.statuses is None else [f for f in findings if f.status in self.statuses]
