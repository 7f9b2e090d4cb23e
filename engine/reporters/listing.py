"""The default view of `chitieu check`: what failed first, one line per finding, a closing summary of the unmet items.

Laid out for an 80-column terminal (or the width the terminal has): each finding is one line — rule, period, result
— grouped under its status, unmet and at-risk first; text is cut or wrapped only between words, so a Vietnamese
syllable is never split. Written commune by commune as the audit goes, keeping only the failed findings for the
summary at the end.
"""

from __future__ import annotations

import os
import re
import shlex
from typing import IO, Iterable, Sequence

import click
from rich.cells import cell_len

from .. import vi
from ..catalogue import Catalogue
from ..facts import CommuneFacts
from ..matrix import covered
from ..messages_vi import say
from ..model import Finding
from ._style import AT_RISK, LOOKS, click_style
from ._text import one_line

# the groups of the view, worst first: an at-risk "pending" is shown with the failures, not among the waiting ones
GROUPS = ["unmet", "at_risk"] + [s for s in vi.STATUS_ORDER if s != "unmet"]


def beside(label: str, value: str, lang: str) -> str:
    """A Vietnamese label beside its JSON value, the run's language first: 'Chưa đạt (unmet)', 'unmet (Chưa đạt)'."""
    return f"{label} ({value})" if lang == "vi" else f"{value} ({label})"


# a group's heading: the Vietnamese label beside the JSON value, the run's language first
HEADINGS = {
    lang: {s: beside(vi.STATUS_LABELS[s], s, lang) for s in vi.STATUS_LABELS}
    | {"at_risk": beside(f"Chưa đến hạn, {vi.OUTLOOK_LABELS['at_risk']}", "pending, at_risk", lang)}
    for lang in ("vi", "en")
}
STYLE = {s: click_style(look.terminal) for s, look in LOOKS.items()} | {"at_risk": click_style(AT_RISK.terminal)}
# what the closing summary repeats in full: failures, and the report's own figures that do not agree
FAILED = {"unmet", "at_risk", "needs_clarification"}
SUMMARY_LABELS = {
    "vi": {
        "unmet": vi.STATUS_LABELS["unmet"].upper(),
        "at_risk": vi.OUTLOOK_LABELS["at_risk"].upper(),
        "needs_clarification": vi.STATUS_LABELS["needs_clarification"].upper(),
    },
    "en": {"unmet": "UNMET", "at_risk": "AT RISK", "needs_clarification": "TO CLARIFY"},
}
MIN_WIDTH, MAX_WIDTH = 40, 120
ID_WIDTH, PERIOD_WIDTH = 36, 17  # a period such as 'đến tháng 10/2024' fits


def group_of(f: Finding) -> str:
    return "at_risk" if f.status == "pending" and f.outlook == "at_risk" else f.status


def columns() -> int:
    """$COLUMNS (also through a pipe); else the width of the terminal standard output is on, or, when it goes into a
    pipe (`chitieu check | less`), the one standard error is on; else 80."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    for fd in (1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except OSError:
            continue
    return 80


def terminal_width() -> int:
    """The width of the view (``columns``), kept between 40 and 120 columns."""
    return max(MIN_WIDTH, min(MAX_WIDTH, columns()))


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken only at spaces (a word longer than a line stays whole)."""
    return fill(text.split(), width, first, rest)


def fill(words: Iterable[str], width: int, first: str = "", rest: str = "") -> list[str]:
    """``words`` in lines of at most ``width`` columns, the first line led by ``first``, the others by ``rest``."""
    lines, line, fresh = [], first, True
    for word in words:
        if not fresh and cell_len(line) + 1 + cell_len(word) > width:
            lines.append(line)
            line, fresh = rest, True
        line += word if fresh else " " + word
        fresh = False
    lines.append(line)
    return lines


# a piece of a line of the command's own that a terminal line must never split: a `quoted command`, a command that
# ends the line after ': ' ("… rồi chạy: chitieu rules lint && chitieu rules test -k …") or is a line of its own
_WHOLE = re.compile(r"`[^`]*`|(?<=: )(?:chitieu|export) .*$|^\s*(?:chitieu|export) .*$")


def fold(text: str, width: int, keep: Iterable[str] = (), indent: str = "  ") -> str:
    """``text`` with each of its lines wider than ``width`` columns broken between words, the further lines indented
    by ``indent``. Never inside a command the user would copy (``_WHOLE``) nor inside any of ``keep`` (the paths a
    message names, which may hold spaces): such a piece goes whole to the next line, and stays whole when it is wider
    than a line, as a word longer than a line does."""
    kept = [k for k in keep if " " in k]
    return "\n".join(_fold_line(line, width, kept, indent) for line in text.split("\n"))


def _fold_line(line: str, width: int, kept: list[str], indent: str) -> str:
    if cell_len(line) <= width:
        return line
    guarded: set[int] = set()
    for start, end in [m.span() for m in _WHOLE.finditer(line)] + [
        m.span() for k in kept for m in re.finditer(re.escape(k), line)
    ]:
        guarded.update(range(start, end))
    body = line.lstrip(" ")
    offset = len(line) - len(body)
    words, word = [], ""
    for i, ch in enumerate(body, start=offset):
        if ch == " " and i not in guarded:
            words.append(word)
            word = ""
        else:
            word += ch
    words.append(word)
    return "\n".join(fill([w for w in words if w], width, line[:offset], line[:offset] + indent))


def command_lines(label: str, argv: Sequence[str], width: int) -> list[str]:
    """``label`` and a command quoted as a shell needs it (paths with spaces); when it does not fit on the label's
    line, the command on lines of its own joined by a shell's ' \\', so that it can still be copied and run."""
    words = [one_line(shlex.quote(a)) for a in argv]
    single = f"{label} {' '.join(words)}"
    if cell_len(single) <= width:
        return [single]
    lines = ["  " + words[0]]
    for word in words[1:]:  # whole words: a quoted path keeps its spaces
        if cell_len(lines[-1]) + 1 + cell_len(word) > width - 2:
            lines.append("    " + word)
        else:
            lines[-1] += " " + word
    return [label] + [line + " \\" for line in lines[:-1]] + lines[-1:]


def cut(text: str, room: int) -> str:
    """``text`` if it fits in ``room`` columns, else as many whole words as fit, then '…'."""
    if cell_len(text) <= room:
        return text
    out = ""
    for word in text.split():
        nxt = word if not out else out + " " + word
        if cell_len(nxt) + 1 > room:
            break
        out = nxt
    return out + "…" if out else ""


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def period(f: Finding, lang: str = "vi") -> str:
    """The period as briefly as the line needs it: 'năm 2023', '2023–2024', 'đến 31/10/2024', 'hạn 31/12/2026'; in
    English '2023', '2023–2024', 'as of 31/10/2024', 'by 31/12/2026'."""
    label = f.period.label.replace("đến ngày ", "đến ", 1).removeprefix("giai đoạn ")
    if lang == "vi":
        return label
    p = f.period
    if p.kind == "deadline":
        return f"by {vi.date(p.deadline)}" if p.deadline else ""
    if p.kind == "as_of":
        return "as of " + label.removeprefix("đến ").removeprefix("tháng ")
    first, _, last = p.key.partition("-")
    return first if last in ("", first) else f"{first}–{last}"  # a span of one year is that year, as 'năm 2023'


def as_of(commune: CommuneFacts, lang: str) -> str:
    """The date a commune's figures run to: 'tháng 10/2024', 'ngày 31/10/2024'; in English '10/2024', '31/10/2024'."""
    phrase = commune.as_of_phrase
    return phrase if lang == "vi" else phrase.removeprefix("tháng ").removeprefix("ngày ")


def result(f: Finding, room: int, lang: str = "vi") -> str:
    """What was found and, for a target not met, the target when the line has room for all of it; else what was
    found, cut at a word."""
    if f.status == "not_applicable":  # nothing was judged: why, not "no data" (which reads as a gap to fill)
        return cut(say("list-not-in-force", lang), room)
    actual = one_line(f.actual_display)
    if f.target is not None and f.status != "met":
        target = say("list-target", lang, target=one_line(f.target.display))
        full = f"{actual} ({target})"
        if cell_len(full) <= room:
            return full
    return cut(actual, room)


class ListView:
    """Writes the view to ``out``, with ANSI styling only when ``color``."""

    def __init__(
        self,
        out: IO[str],
        *,
        width: int | None = None,
        color: bool = False,
        again: Sequence[str] = (),
        lang: str = "vi",
        statuses: str | None = None,
        scope: dict[str, int] | None = None,
        cat: Catalogue | None = None,
    ) -> None:
        self.out = out
        self.cat = cat  # to tell a commune no plan covers from one whose findings are all filtered out
        self.lang = lang
        self.statuses = statuses  # --status: only these are shown, and the summary must not speak for the others
        self.scope = scope
        self.again = tuple(again)
        self.width = width or terminal_width()
        self.color = color
        self.failed: list[tuple[CommuneFacts, Finding]] = []
        self.counts = {s: 0 for s in vi.STATUS_LABELS}
        self.communes = 0
        self.kinds: set[str] = set()  # what the closing count calls the communes: '02 phường', '03 đơn vị cấp xã'

    def _line(self, text: str = "", **style) -> None:
        self.out.write((click.style(text, **style) if self.color and style and text else text) + "\n")

    def commune(self, commune: CommuneFacts, findings: list[Finding]) -> None:
        self.communes += 1
        self.kinds.add(commune.commune.unit_kind)
        if self.communes > 1:
            self._line()
        unit = f"{one_line(commune.commune.name)} ({one_line(commune.commune.id)})"
        head = say("list-head", self.lang, unit=unit, as_of=as_of(commune, self.lang), n=len(findings))
        for line in wrap(head, self.width, rest="  "):
            self._line(line, bold=True)
        if commune.unreviewed:
            for line in wrap(
                vi.unreviewed_note(one_line(commune.commune.name), commune.unreviewed_files, self.lang),
                self.width,
                first="  ",
                rest="  ",
            ):
                self._line(line, fg="yellow", bold=True)
        if self.cat is not None and not covered(self.cat, commune, findings):
            for line in wrap(say("list-uncovered", self.lang), self.width, first="  ", rest="  "):
                self._line(line, fg="yellow", bold=True)
        groups: dict[str, list[Finding]] = {}
        for f in findings:
            groups.setdefault(group_of(f), []).append(f)
            self.counts[f.status] += 1
        id_w = min(ID_WIDTH, max([cell_len(f.rule_id) for f in findings] + [0]))
        period_w = min(PERIOD_WIDTH, max([cell_len(period(f, self.lang)) for f in findings] + [0]))
        for g in GROUPS:
            mine = groups.get(g, [])
            if not mine:
                continue
            for line in wrap(f"{HEADINGS[self.lang][g]}: {len(mine)}", self.width, first="  ", rest="   "):
                self._line(line, **STYLE[g])
            for f in mine:
                self._finding(f, id_w, period_w)
                if g in FAILED:
                    self.failed.append((commune, f))

    def _finding(self, f: Finding, id_w: int, period_w: int) -> None:
        lead = "    " + pad(f.rule_id, id_w) + "  " + pad(period(f, self.lang), period_w) + "  "
        room = self.width - cell_len(lead)
        text = result(f, room, self.lang) if room >= 12 else ""
        if text:
            self._line(lead + text)
            return
        # a narrow terminal: the rule id on its line, the period and the result wrapped under it instead of cut
        self._line("    " + f.rule_id)
        for line in wrap(
            f"{period(f, self.lang)} · {one_line(f.actual_display)}", self.width, first="      ", rest="      "
        ):
            self._line(line)

    def summary(self) -> None:
        n_failed = sum(1 for _, f in self.failed if group_of(f) != "needs_clarification")
        n_clarify = len(self.failed) - n_failed
        lang = self.lang
        parts = ([say("list-failed", lang, n=n_failed)] if n_failed else []) + (
            [say("list-clarify", lang, n=n_clarify)] if n_clarify else []
        )
        # the title rule says as much as the width allows: every count, the first one, or none
        word = say("list-summary", lang)
        titles = [f" {word}: {' · '.join(parts)} ", f" {word}: {parts[0]} ", f" {word}: "] if parts else [f" {word} "]
        title = next((t for t in titles if cell_len(t) <= self.width), titles[-1])
        side = max(0, self.width - cell_len(title))
        if self.communes:
            self._line()
        self._line("─" * (side // 2) + title + "─" * (side - side // 2), bold=True)
        for cf, f in self.failed:
            g = group_of(f)
            label = f.period.label if lang == "vi" else period(f, lang)
            head = f"{SUMMARY_LABELS[lang][g]} {f.rule_id} · {one_line(cf.commune.name)} · {label}"
            lines = wrap(head, self.width, rest="    ")
            self._line(lines[0], **STYLE[g])
            for line in lines[1:]:
                self._line(line, **STYLE[g])
            for line in wrap(one_line(f.message), self.width, first="    ", rest="    "):
                self._line(line)
        total = sum(self.counts.values())
        if not self.failed:
            if self.statuses:
                none = say("list-none-filtered", lang, statuses=self.statuses)
            else:  # nothing judged is not "nothing unmet"
                none = say("list-none", lang) if total else say("list-nothing", lang)
            for line in wrap(none, self.width, rest="  "):
                self._line(line)
        parts = [f"{self.counts[s]} {HEADINGS[lang][s]}" for s in vi.STATUS_ORDER if self.counts[s]]
        counted = say("list-total", lang, communes=vi.units(self.communes, self.kinds, lang), n=total)
        counted = counted + " · ".join(parts) if parts else counted.rstrip(": ")
        for line in wrap(counted, self.width, rest="  "):
            self._line(line, bold=True)
        hidden = sum(self.scope.values()) - total if self.scope is not None else 0
        if self.statuses and hidden:
            for line in wrap(say("list-hidden", lang, n=hidden, statuses=self.statuses), self.width, rest="  "):
                self._line(line, bold=True)
        again = ["chitieu", "check", *self.again, "--format", "table"]
        for line in command_lines(say("list-full-table", lang), again, self.width):
            self._line(line, dim=True)
        # the --rule example is a glob of this run's first rule shown, so that it matches something when copied
        shown = self.failed[0][1].rule_id if self.failed else "ntm-nang-cao"
        glob = shown.split("-")[0] + "-*"
        for line in wrap(say("list-hint", lang, glob=glob), self.width, rest="  "):
            self._line(line, dim=True)


def write_list(
    cat: Catalogue,
    stream: Iterable[tuple[CommuneFacts, list[Finding]]],
    out: IO[str],
    *,
    color: bool = False,
    width: int | None = None,
    again: Sequence[str] = (),
    lang: str = "vi",
    statuses: str | None = None,
    scope: dict[str, int] | None = None,
) -> None:
    view = ListView(out, width=width, color=color, again=again, lang=lang, statuses=statuses, scope=scope, cat=cat)
    for cf, findings in stream:
        view.commune(cf, findings)
    view.summary()
