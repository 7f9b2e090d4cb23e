"""The `chitieu` command: parses options, calls the engine, picks a reporter, sets the exit code — no logic."""

from __future__ import annotations

import unicodedata
import atexit
import datetime as dt
import functools
import gc
import itertools
import os
import re
import shlex
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple, Optional

import click

from . import __version__, vi
from .batch import Tally, audit_batch, collect, default_jobs
from .catalogue import load_catalogue
from .cli_vi import ChitieuGroup, VietnameseUsage, date_form
from .diagnostics import Diagnostic, Diagnostics, InputError, did_you_mean
from .model import SLUG
from .output import AtomicFile, OutputError, Stdout, write_atomic
from .reporters import DOCUMENT_FORMATS, REPORTERS, SHORTFALL_FORMATS, Options, Reporter, Run, pick_format
from .reporters._text import clean
from .prepare import UNKNOWN, Asked, no_facts, prepare, reads_as_report, replaced_as_of, report_province
from .reporters.documents import PRODUCTS as DOCUMENT_PRODUCTS, DocumentOptions
from .resources import default_rules_dir, seed_facts_dir, shipped_files, shipped_rules_dir
from .runtime import EngineError
from .model import MAX_NAME, Commune
from .output import check_target
from .selection import NoCommuneMatches, Selection
from .sigmask import RECEIVED
from .yamlsrc import yaml_files
from .web.lazy import lazy

# Imported by the commands that use them, not at start-up: the reporting form's modules pull in openpyxl; the report
# intake compiles its grammar; rule authoring, examples and report lint are not on `check`'s path.
if TYPE_CHECKING:
    from .form_write import FormSpec

# Python's last garbage collections at exit walk every object a run made (on the seed commune they took longer than
# the audit). Nothing of chitieu waits for them — outputs are closed and renamed explicitly, durable_rules' states
# deleted — so at exit the objects are frozen out of the collector's reach and the process ends without walking them.
atexit.register(gc.freeze)

FAIL_LEVELS = ["unmet", "needs_clarification", "insufficient_data", "pending", "never"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
# ended by a signal: 128 + its number, as a shell reports a program the signal stopped
EXIT_SIGINT, EXIT_SIGPIPE = 130, 141
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)  # `kill`, a closed terminal; Ctrl-C is KeyboardInterrupt


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program is so that every temporary file is removed on the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum, frame) -> None:
    RECEIVED.append(signum)
    raise Terminated(signum)


def _on_interrupt(signum, frame) -> None:
    """Ctrl-C, as Python's own handler does it, remembered in case its exception is lost (sigmask.RECEIVED)."""
    RECEIVED.append(signum)
    raise KeyboardInterrupt


def _quiet_lost_signal(previous, unraisable) -> None:
    """Python prints an exception it cannot raise ("Exception ignored in: …" and a traceback) — a Ctrl-C landing in
    code run under C. The signal is remembered (sigmask.RECEIVED) and raised again before any output is kept, so the
    user is told once, in words, not shown Python's traceback; any other such exception is printed as before."""
    if isinstance(unraisable.exc_value, (KeyboardInterrupt, Terminated)) and RECEIVED:
        return
    previous(unraisable)


def _flush_stdout() -> None:
    try:
        Stdout().flush()
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_SIGPIPE)
    except OutputError as exc:
        _output_error(exc)
        sys.exit(EXIT_INPUT)


def _quiet_stdout() -> None:
    """After the reader of a pipe went away: point standard output at /dev/null, so that the flush at exit does not
    complain a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _lang() -> str:
    """The language of diagnostics: --lang, else $CHITIEU_LANG, else Vietnamese."""
    ctx = click.get_current_context(silent=True)
    return (ctx.find_root().params.get("lang") if ctx else None) or "vi"


def _say(key: str, **fields) -> str:
    """The command's own line ``key`` in the run's language (engine/messages_vi.py LINES)."""
    from .messages_vi import say

    return say(key, _lang(), **fields)


def _tell(key: str, **fields) -> None:
    """Print the command's own line ``key`` (engine/messages_vi.py LINES) on standard error, its fields (the paths it
    names) never split at a terminal's width."""
    echo_line(_say(key, **fields), True, keep=[str(v) for k, v in fields.items() if k != "error"])


def _tell_out(key: str, **fields) -> None:
    """``_tell``, on standard output (what the command made: a rule added, a file created, pages written)."""
    echo_line(_say(key, **fields), False, keep=[str(v) for v in fields.values()])


def echo_line(text: str, err: bool = True, keep: Iterable[str] = ()) -> None:
    """Print a line of the command's own (a note, a summary, a refusal, a diagnostic). To a terminal it is folded at
    the terminal's width between words, never inside a path or a command the user would copy; to a file or a pipe it
    goes as it is, one message a line, for grep and for editors that read ``path:line:col:``."""
    if _on_terminal(err):
        from .reporters.listing import fold, terminal_width

        text = fold(text, terminal_width(), keep)
    click.echo(text, err=err)


def _on_terminal(err: bool) -> bool:
    stream = sys.stderr if err else sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a stream replaced by one without isatty, or closed
        return False


def _output_error(exc: OutputError) -> None:
    """An output that cannot or must not be written: ``chitieu: error[output]: …`` in the run's language."""
    _refusal("output", str(exc))


def _refusal(code: str, message: str, message_vi: str = "") -> None:
    """``chitieu: error[code]: message`` (a problem that belongs to no input file) in the run's language."""
    said = Diagnostic("", 0, 0, code, message, message_vi=message_vi)
    echo_line(clean(f"chitieu: error[{code}]: {said.text(_lang())}"))


def _print_diagnostics(diags) -> None:
    # a message may quote the input: its control characters must not reach the terminal
    lang = _lang()
    for d in sorted(diags, key=lambda d: (d.path, d.sheet, d.line, d.col, d.code)):
        echo_line(clean(d.render(lang)), keep=[d.place])


class _VietnameseUsage(VietnameseUsage):
    """A usage error of a command's own checks, in Vietnamese (engine/messages_vi.py, "usage"); click's parser's own
    errors are put into Vietnamese by engine/cli_vi.py."""

    def __init__(self, exc: click.UsageError):
        from .messages_vi import vietnamese

        message = exc.format_message()
        super().__init__(vietnamese("usage", message) or message, exc.ctx)


def guarded(fn: Callable) -> Callable:
    """Turn expected failures into located messages and exit codes; tracebacks only with --debug."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        debug = bool(click.get_current_context().find_root().params.get("debug"))
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            _print_diagnostics(exc.diagnostics)
            n = sum(1 for d in exc.diagnostics if d.level == "error")
            _tell("input-errors", n=n)
            sys.exit(EXIT_INPUT)
        except OutputError as exc:
            _output_error(exc)
            sys.exit(EXIT_INPUT)
        except KeyboardInterrupt:
            _tell("interrupted")
            sys.exit(EXIT_SIGINT)
        except Terminated as exc:
            _tell("terminated", signal=signal.Signals(exc.signum).name)
            sys.exit(128 + exc.signum)
        except BrokenPipeError:  # `chitieu check | head`: the reader has what it wanted
            _quiet_stdout()
            sys.exit(EXIT_SIGPIPE)
        except SystemExit:
            _flush_stdout()  # here, not at interpreter exit, so that a closed pipe or a full disk is handled
            raise
        except click.UsageError as exc:
            if _lang() == "vi":
                raise _VietnameseUsage(exc) from None
            raise
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except EngineError as exc:
            if debug:
                raise
            _tell("internal-rete", error=exc)
            sys.exit(EXIT_INTERNAL)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if debug:
                raise
            _tell("internal", error=f"{type(exc).__name__}: {exc}")
            sys.exit(EXIT_INTERNAL)

    return wrapper


@click.group(
    "chitieu", cls=ChitieuGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110}
)
@click.version_option(__version__, "--version", prog_name="chitieu", message="%(prog)s %(version)s")  # no English word
@click.option("--debug", is_flag=True, help="Show Python tracebacks for internal errors.")
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"], case_sensitive=False),
    envvar="CHITIEU_LANG",
    default="vi",
    show_default=True,
    help="Language of --help, of usage errors, of the messages about input files (diagnostics) and of the "
    "commands' own lines (summaries, notes, refusals); codes, places and exit codes are the same in both. Also "
    "$CHITIEU_LANG.",
)
@click.pass_context
def main(ctx: click.Context, debug: bool, lang: str) -> None:
    """chitieu — checks the results a commune reports against the targets of the plans it implements.

    \b
    Examples:
      # the seed commune (facts/tinh-an): what failed first
      chitieu check
      chitieu check facts/tinh-an --format json
      # drafted “Tồn tại, hạn chế và nguyên nhân”
      chitieu check facts/tinh-an --section
    """
    if threading.current_thread() is threading.main_thread():  # these remove temporary files, like Ctrl-C
        RECEIVED.clear()  # a run in the same process before (tests, the web app) has no say in this one
        for sig in ENDING_SIGNALS:
            if signal.getsignal(sig) is not signal.SIG_IGN:  # `nohup chitieu …` keeps ignoring SIGHUP
                ctx.call_on_close(functools.partial(signal.signal, sig, signal.signal(sig, _on_signal)))
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            ctx.call_on_close(
                functools.partial(signal.signal, signal.SIGINT, signal.signal(signal.SIGINT, _on_interrupt))
            )
        previous = sys.unraisablehook
        sys.unraisablehook = functools.partial(_quiet_lost_signal, previous)
        ctx.call_on_close(functools.partial(setattr, sys, "unraisablehook", previous))


PLAN_OPTION = click.option(
    "--plan",
    "plans",
    multiple=True,
    metavar="DOC",
    help="Only the rules of this plan: its id or number, e.g. 156/KH-UBND (repeatable). The "
    "exit code and tallies count only them.",
)
RULE_OPTION = click.option(
    "--rule",
    "rule_globs",
    multiple=True,
    metavar="GLOB",
    help="Only these rules: an id or a glob such as 'ntm-nc-*' (repeatable, or several joined by commas). The "
    "exit code and tallies count only them.",
)


def _scope(cat, plans: tuple[str, ...], rule_globs: tuple[str, ...], sel: Optional[Selection] = None) -> Selection:
    """The run's scope (engine/selection.py): --plan and --rule checked against the catalogue."""
    sel = sel or Selection()
    try:
        sel.plans = Selection.resolve_plans(cat, plans)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    # 'a,b' as --status takes it, or --rule a --rule b: a rule id never holds a comma
    sel.rules = tuple(g.strip() for given in rule_globs for g in given.split(",") if g.strip())
    unknown = sel.unknown_rules(cat.by_id)
    if unknown:
        raise click.UsageError(f"--rule '{unknown[0]}' matches no rule" + did_you_mean(unknown[0], cat.by_id))
    return sel


RULES_OPTION = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Rule catalogue folder (default: the project's rules/, or $CHITIEU_RULES).",
)


# A date as an ISO date or as Vietnamese documents write it (day first); every date option takes both.
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
MONTH_FORMATS = ["%Y-%m", "%m/%Y"]


class Date(click.DateTime):
    """A date option; its refusal names the forms it takes as a person writes them (not strftime codes)."""

    def __init__(self, formats: Optional[list[str]] = None) -> None:
        super().__init__(formats or DATE_FORMATS)

    def convert(self, value, param, ctx):
        try:
            return super().convert(value.strip() if isinstance(value, str) else value, param, ctx)
        except click.BadParameter:
            forms = [date_form(f) for f in self.formats]
            self.fail(f"'{value}' is not a date written as {', '.join(forms[:-1])} or {forms[-1]}.", param, ctx)


class AsOfDate(Date):
    """--as-of: a day, or a month alone ("2024-10", "10/2024") when the report names only the month its figures run
    to (the fact file then says so: as_of: 2024-10, judged at the month's end)."""

    def __init__(self) -> None:
        super().__init__(DATE_FORMATS + MONTH_FORMATS)

    def convert(self, value, param, ctx):
        if isinstance(value, AsOf):
            return value
        when = super().convert(value, param, ctx).date()
        month_only = any(_parses(str(value).strip(), f) for f in MONTH_FORMATS)
        return AsOf(vi.month_end(when.year, when.month) if month_only else when, month_only)


class AsOf(NamedTuple):
    """The date an --as-of gives, and whether it named a month only."""

    day: dt.date
    month_only: bool

    def written(self) -> str:
        return self.day.isoformat()[:7] if self.month_only else self.day.isoformat()


def _parses(value: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(value, fmt)
    except ValueError:
        return False
    return True


def REPORT_IDENTITY(fn: Callable) -> Callable:
    """What a report given as text may leave unsaid: its as-of date, its unit's name and id."""
    fn = click.option(
        "--province", default=None, metavar="PROVINCE", help="(a report) The province, for the commune's id."
    )(fn)
    fn = click.option(
        "--commune-id", default=None, metavar="ID", help="(a report) The commune's id (default: a slug of its name)."
    )(fn)
    fn = click.option(
        "--name",
        "unit_name",
        default=None,
        metavar="'xã …'",
        help="(a report) The unit's name, when its header and opening do not say it.",
    )(fn)
    return click.option(
        "--as-of",
        "as_of",
        type=AsOfDate(),
        default=None,
        metavar="YYYY-MM-DD",
        help="(a report) The date its figures run to, when the report does not say it: 2024-12-31 or 31/12/2024, or "
        "a month alone (2024-10 or 10/2024) when the report names only the month.",
    )(fn)


def _asked(
    as_of: Optional[AsOf], unit_name: Optional[str], commune_id: Optional[str], province: Optional[str]
) -> Asked:
    if as_of is None:
        return Asked(None, unit_name, commune_id, province)
    return Asked(as_of.day, unit_name, commune_id, province, as_of_month_only=as_of.month_only)


ALLOW_UNREVIEWED = click.option(
    "--allow-unreviewed",
    is_flag=True,
    help="Audit drafts of `facts extract` (unreviewed: true) as they are; every output then says so.",
)


def _dash_is_stdout(ctx: click.Context, param: click.Parameter, value: Optional[Path]) -> Optional[Path]:
    """`-o -` is standard output, as for any Unix tool (it wrote a file named '-')."""
    return None if value is not None and str(value) == "-" else value


def OUTPUT_OPTIONS(fn: Callable) -> Callable:
    """-o FILE (written atomically, never over an input; '-' is standard output) and --force."""
    fn = click.option("--force", is_flag=True, help="Replace the output file if it exists.")(fn)
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        default=None,
        callback=_dash_is_stdout,
        metavar="FILE",
        help="Write to this file (atomically; its suffix picks the format when --format is not "
        "given) instead of standard output.",
    )(fn)


def _choose(formats: dict[str, Reporter] | list[str], fmt: Optional[str], output: Optional[Path], default: str) -> str:
    """The format from --format, the -o suffix or the default, before any work is done: a name that contradicts
    the format is refused (error[output]); a binary format without -o is a usage error."""
    try:
        fmt = pick_format(formats, fmt, output, default)
    except ValueError as exc:
        raise OutputError(str(exc)) from None
    if isinstance(formats, dict) and formats[fmt].binary and output is None:
        raise click.UsageError(f"--format {fmt} writes a file: give -o FILE")
    return fmt


def _use_color(color: Optional[bool], output: Optional[Path]) -> bool:
    """--color/--no-color when given; else styled only on a terminal, and never when NO_COLOR is set."""
    if color is not None:
        return color
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _fail_exit(counts: dict[str, int], level: str) -> int:
    if level == "never":
        return EXIT_OK
    worst = vi.STATUS_ORDER[: vi.STATUS_ORDER.index(level) + 1]
    return EXIT_FINDINGS if any(counts[s] for s in worst) else EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@RULES_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REPORTERS)),
    default=None,
    help="list (what failed first, one line per finding; the default), table (every field), json (the "
    "findings contract), section (drafted III.2), matrix / html / xlsx (commune × rule matrix, for "
    "many communes). Default: the format -o's suffix names (.json, .html, .xlsx), else list.",
)
@click.option("--section", is_flag=True, help="Same as --format section: the drafted “Tồn tại, hạn chế” section.")
@click.option(
    "--status",
    "statuses",
    default=None,
    metavar="STATUS,…",
    help="Show only findings with these statuses, e.g. unmet,pending (the exit code still counts all).",
)
@PLAN_OPTION
@RULE_OPTION
@click.option(
    "--commune",
    "commune_globs",
    multiple=True,
    metavar="GLOB",
    help="Only these communes, by id or name (any case; typed without diacritics, matched without them), or a glob "
    "such as 'quang-ngai/*' (repeatable). A pattern that matches no commune is an error (exit 2).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    default="unmet",
    show_default=True,
    help="Exit 1 when a finding has this status or a worse one (unmet > needs_clarification > insufficient_data > "
    "pending).",
)
@OUTPUT_OPTIONS
@click.option(
    "--color/--no-color", default=None, help="Style the terminal view (default: on a terminal, unless NO_COLOR is set)."
)
@ALLOW_UNREVIEWED
@REPORT_IDENTITY
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Audit communes in N worker processes (default: one per core); the output is the same as with 1.",
)
@guarded
def check(
    paths: tuple[Path, ...],
    rules_dir: Optional[Path],
    fmt: Optional[str],
    section: bool,
    statuses: Optional[str],
    plans: tuple[str, ...],
    rule_globs: tuple[str, ...],
    commune_globs: tuple[str, ...],
    fail_on: str,
    output: Optional[Path],
    force: bool,
    color: Optional[bool],
    allow_unreviewed: bool,
    as_of,
    unit_name: Optional[str],
    commune_id: Optional[str],
    province: Optional[str],
    jobs: Optional[int],
) -> None:
    """Check fact files (or folders of them) against the rule catalogue.

    PATHS are fact files (schema chitieu.facts/1), filled reporting forms (.xlsx made by `chitieu form`), waiver
    files (chitieu.waivers/1) or folders holding them, or a commune's report itself (.txt, .md, .docx, .pdf, or a
    scan read by OCR), whose facts are then drafted automatically (unreviewed; a report that does not say its date
    or its unit needs --as-of / --name); without PATHS the seed commune (facts/tinh-an) is checked.

    \b
    Exit codes:
      0  no finding at or above --fail-on (a commune no plan covers
         has no finding: it is told by warning commune-uncovered);
      1  findings at or above it;
      2  bad input or usage (and then no output file is written);
      3  internal error.

    \b
    Examples:
      chitieu check facts/tinh-an
      chitieu check facts/tinh-an --status unmet,insufficient_data \\
        --rule 'van-dong-*'
      # only that plan's rules (exit code included)
      chitieu check facts/ --plan 156/KH-UBND
      chitieu check facts/tinh-an --format table
      chitieu check facts/tinh-an -o findings.json
      chitieu check facts/tinh-an examples/waivers.yaml \\
        --fail-on insufficient_data
      chitieu check examples/tinh-an-bieu-mau.xlsx
    """
    if section:
        if fmt not in (None, "section"):
            raise click.UsageError(f"--section and --format {fmt} contradict each other; give one of them")
        fmt = "section"
    fmt = _choose(REPORTERS, fmt, output, "list")
    try:
        sel = Selection(Selection.parse_statuses(statuses), rule_globs, commune_globs)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    cat, diags, inputs, originals, policy = _prepare(
        rules_dir, paths, allow_unreviewed, _asked(as_of, unit_name, commune_id, province)
    )
    sel = _scope(cat, plans, rule_globs, sel)
    stream = audit_batch(
        cat,
        inputs,
        diags,
        progress=sys.stderr.isatty(),
        unreviewed=policy,
        jobs=jobs or default_jobs(),
        whole=not REPORTERS[fmt].header_only,
        json_lines=REPORTERS[fmt].json_lines,
        chosen=sel.picks,
    )
    first = next(stream, None) if inputs or not diags.has_errors() else None
    if first is None and diags.has_errors():
        raise InputError(diags.items)  # nothing could be audited
    audited = _protect_reports(itertools.chain([first] if first else [], stream), originals)
    tally = Tally(sel.scope(audited))
    shown = Tally(sel.shown(tally))  # what is written: the findings with the chosen statuses
    again = _again(paths, rules_dir, plans, rule_globs, commune_globs, statuses, allow_unreviewed, as_of, unit_name)
    again += _again_identity(commune_id, province)
    opts = Options(color=_use_color(color, output), again=again, lang=_lang(), statuses=statuses, scope=tally.counts)
    try:
        written = _deliver(REPORTERS[fmt], Run(cat, shown), opts, output, originals, force, diags)
    except NoCommuneMatches as exc:  # a typo in --commune is the user's to fix, not an empty result (no file kept)
        _print_diagnostics(diags.items)
        if diags.has_errors():  # the commune meant may be one left out for its errors: no guess at another
            _tell("no-commune-audited", globs=" ".join(f"'{g}'" for g in exc.globs), n=len(diags.errors))
            sys.exit(EXIT_INPUT)
        raise click.UsageError(str(exc)) from None
    if written:
        _tell("check-written", n=sum(shown.counts.values()), path=output)
    _finish(diags, tally.counts, fail_on, output)


def _again(paths, rules_dir, plans, rule_globs, commune_globs, statuses, allow_unreviewed, as_of, unit_name):
    """The arguments of this `check` as the user gave them, without the format and the output: what a hint of the
    list view repeats with another --format."""
    out = [str(p) for p in paths] + (["--rules", str(rules_dir)] if rules_dir is not None else [])
    for flag, values in (("--plan", plans), ("--rule", rule_globs), ("--commune", commune_globs)):
        out += [a for v in values for a in (flag, v)]
    out += (["--status", statuses] if statuses else []) + (["--allow-unreviewed"] if allow_unreviewed else [])
    out += (["--as-of", as_of.written()] if as_of else []) + (["--name", unit_name] if unit_name else [])
    return tuple(out)


def _again_identity(commune_id, province) -> tuple[str, ...]:
    return (("--commune-id", commune_id) if commune_id else ()) + (("--province", province) if province else ())


def _protect_reports(stream, protected: list[Path]):
    """Pass the audit through, adding the report files each commune's fact files name to the paths no output may
    replace (they are learnt only as each commune is loaded)."""
    for cf, findings in stream:
        protected.extend(cf.report_files)
        yield cf, findings


def _prepare(
    rules_dir: Optional[Path], paths: tuple[Path, ...], allow_unreviewed: bool = False, asked: Asked = Asked()
):
    """The catalogue, the diagnostics so far, the inputs to audit, every file given (which an output must never
    overwrite) and the policy for unreviewed drafts (engine.prepare)."""
    p = prepare(
        rules_dir,
        paths,
        allow_unreviewed=allow_unreviewed,
        echo=_tell,
        asked=asked,
    )
    return p.catalogue, p.diags, p.inputs, p.originals, p.unreviewed


def _finish(diags: Diagnostics, counts: dict[str, int], fail_on: str, output: Optional[Path] = None) -> None:
    """Report the input problems of a run that went on without the communes they touched; set the exit code."""
    _print_diagnostics(diags.items)
    if diags.has_errors():
        n = len(diags.errors)
        if output is not None:
            _tell("input-errors-left-out-file", n=n, path=output)
        else:
            _tell("input-errors-left-out", n=n)
        sys.exit(EXIT_INPUT)
    sys.exit(_fail_exit(counts, fail_on))


def _audit(
    paths: tuple[Path, ...],
    rules_dir: Optional[Path],
    allow_unreviewed: bool = False,
    plans: tuple[str, ...] = (),
    rule_globs: tuple[str, ...] = (),
    asked: Asked = Asked(),
):
    """Audit for the document commands: every commune kept; input errors reported, their communes left out; only
    the findings in the run's scope (--plan, --rule); a report's unsaid date and unit as the user gave them."""
    cat, diags, inputs, originals, policy = _prepare(rules_dir, paths, allow_unreviewed, asked)
    sel = _scope(cat, plans, rule_globs)
    if not inputs and diags.has_errors():
        raise InputError(diags.items)
    result = collect(cat, sel.scope(audit_batch(cat, inputs, diags, progress=sys.stderr.isatty(), unreviewed=policy)))
    # A document for a commune the run judged nothing of would say "no shortcoming found" of what was never checked:
    # none is drafted for it. No plan covers it (warning commune-uncovered), or --plan / --rule left it no rule.
    judged = {f.commune.id for f in result.findings}
    for cf in result.communes:
        if cf.commune.id in judged:
            continue
        covered = bool(cat.documents_for(cf.commune))
        why = "ngoài phạm vi --plan, --rule của lần chạy" if covered else "không văn bản nào trong danh mục áp dụng"
        result.left_out.append(f"{cf.commune.name} ({why})")
        if covered:
            path, line, col = cf.where
            diags.warning(
                path,
                line,
                col,
                "nothing-in-scope",
                f"no rule in the run's scope (--plan, --rule) applies to {cf.commune.name} ('{cf.commune.id}'): no "
                "document is drafted for it",
            )
    left_out = len(result.communes)
    result.communes[:] = [cf for cf in result.communes if cf.commune.id in judged]
    if not result.communes and left_out and not diags.has_errors():
        _print_diagnostics(diags.items)
        _refusal("nothing-judged", "no commune of the input has a finding in the run's scope: no document was drafted")
        sys.exit(EXIT_INPUT)
    if not result.communes and diags.has_errors():
        raise InputError(diags.items)
    for cf in result.communes:
        originals.extend(cf.report_files)
    return result, originals, diags


def _keep_assessable(result, diags: Diagnostics) -> None:
    """A self-assessment sheet is only for a commune some criteria set covers (the NTM sets are for xã): any other is
    told and left out, so that no empty workbook is written as if it were one; none left → refused."""
    cat = result.catalogue
    left: list = []
    for cf in result.communes:
        if cat.criteria_for(cf.commune):
            left.append(cf)
            continue
        path, line, col = cf.where
        english = (
            f"no criteria set of the catalogue applies to {cf.commune.name} ('{cf.commune.id}'): no self-assessment "
            "sheet is drafted for it"
        )
        vietnamese = (
            f"không bộ tiêu chí nào trong danh mục áp dụng cho {cf.commune.name} ('{cf.commune.id}'): không lập biểu "
            "tự đánh giá cho đơn vị này"
        )
        diags.warning(path, line, col, "no-criteria-set", english, message_vi=vietnamese)
    if not left:
        _print_diagnostics(diags.items)
        _refusal(
            "nothing-judged",
            "no commune of the input has a criteria set to assess itself on: no document was drafted",
            "không đơn vị nào trong dữ liệu đầu vào có bộ tiêu chí để tự đánh giá: chưa soạn văn bản nào",
        )
        sys.exit(EXIT_INPUT)
    result.communes[:] = left


def _deliver(
    reporter: Reporter,
    run: Run,
    opts: Options,
    output: Optional[Path],
    originals: list[Path],
    force: bool,
    diags: Diagnostics,
) -> bool:
    """Write one format of a run to standard output, or to -o FILE: atomically, never over an input, and not at all
    when the input had errors (the streamed formats write as the communes are audited and are abandoned then).
    True when a file was written."""
    if output is None:
        out = Stdout()
        reporter.write(run, out, opts)
        out.flush()
        return False
    target = AtomicFile(output, inputs=originals, force=force, binary=reporter.binary)
    with target as fh:
        reporter.write(run, fh, opts)
        if diags.has_errors():
            target.abandon()
    return not diags.has_errors()


def _emit(data: str, output: Optional[Path], originals: list[Path], force: bool) -> bool:
    """Write to -o FILE (atomically, never over an input) or to standard output. True when a file was written."""
    if output is None:
        out = Stdout()
        out.write(data)
        out.flush()
        return False
    write_atomic(output, data, inputs=originals, force=force)
    return True


# what `report -o` says it wrote (engine/messages_vi.py LINES)
DOCUMENT_NAMES = {
    "commune": "document-commune",
    "reviewer": "document-reviewer",
    "self-assessment": "document-self-assessment",
}


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@RULES_OPTION
@click.option(
    "--for",
    "product",
    type=click.Choice(list(DOCUMENT_PRODUCTS)),
    default="commune",
    show_default=True,
    help="commune: the commune's own draft of sections III.2 and IV (for its signature); reviewer: the "
    "review sheet (Phiếu rà soát) of the reviewing body; self-assessment: the NTM self-assessment "
    "table (Biểu tự đánh giá).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(DOCUMENT_FORMATS)),
    default=None,
    help="md, txt, docx, json or xlsx (default: the format -o's suffix names, else md).",
)
@OUTPUT_OPTIONS
@click.option(
    "--date",
    "date_",
    type=Date(),
    default=None,
    metavar="YYYY-MM-DD",
    help="Date of the document (default: left blank for the drafter).",
)
@click.option(
    "--number", default=None, metavar="NUMBER", help="Number line of the document (default: “Số: …/BC-UBND”)."
)
@click.option("--signer", default="", metavar="NAME", help="Name of the signer (default: left blank).")
@click.option(
    "--recipient",
    "recipients",
    multiple=True,
    metavar="LINE",
    help="A line of “Nơi nhận” (repeatable; default: the body whose plan the report answers, the commune's "
    "leadership, Lưu: VT.).",
)
@click.option(
    "--reviewer-body",
    default=None,
    metavar="BODY",
    help="(--for reviewer) The reviewing body, written in full; '\\n' separates lines.",
)
@click.option(
    "--reviewer-parent", default=None, metavar="BODY", help="(--for reviewer) The body above it, where there is one."
)
@click.option("--reviewer-place", default=None, metavar="PLACE", help="(--for reviewer) Place of the date line.")
@click.option(
    "--reviewer-signer",
    default=None,
    metavar="ROLE",
    help="(--for reviewer) Role of the signer (default: NGƯỜI RÀ SOÁT).",
)
@click.option(
    "--reviewer-config",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="(--for reviewer) A YAML file (schema: chitieu.reviewer/1) with body, parent, place, signer_role, "
    "signer_name, recipients.",
)
@PLAN_OPTION
@RULE_OPTION
@ALLOW_UNREVIEWED
@REPORT_IDENTITY
@guarded
def report(
    paths: tuple[Path, ...],
    rules_dir: Optional[Path],
    product: str,
    fmt: str,
    output: Optional[Path],
    force: bool,
    date_,
    number: Optional[str],
    signer: str,
    recipients: tuple[str, ...],
    reviewer_body: Optional[str],
    reviewer_parent: Optional[str],
    reviewer_place: Optional[str],
    reviewer_signer: Optional[str],
    reviewer_config: Optional[Path],
    plans: tuple[str, ...],
    rule_globs: tuple[str, ...],
    allow_unreviewed: bool,
    as_of,
    unit_name: Optional[str],
    commune_id: Optional[str],
    province: Optional[str],
) -> None:
    """Draft a document from a commune's facts: the commune's own draft, the review sheet, or the self-assessment table.

    The commune's draft (default) holds sections III.2 “Tồn tại, hạn chế và nguyên nhân” and IV “Phương hướng,
    nhiệm vụ thời gian tới” in the commune's own voice, with its results table, for the chairman's signature.

    The review sheet (--for reviewer) is the reviewing body's: every finding with its quote and line, where each
    threshold comes from, the checks of the report's figures, drafting problems and missing evidence.

    \b
    Examples:
      # the commune's draft, Markdown
      chitieu report facts/tinh-an
      # Word (the name picks the format)
      chitieu report facts/tinh-an -o du-thao.docx
      chitieu report facts/tinh-an --for reviewer \\
        --reviewer-body "BAN DÂN VẬN THÀNH ỦY" -o phieu.docx
      chitieu report facts/tinh-an --for self-assessment -o bieu-tu-danh-gia.xlsx
      # the draft answers that plan only
      chitieu report facts/tinh-an --plan 84-KH/TU
    """
    from .documents.review import ReviewOptions, review_options_from

    fmt = _choose(DOCUMENT_FORMATS, fmt, output, "md")
    asked = _asked(as_of, unit_name, commune_id, province)
    result, inputs, diags = _audit(paths, rules_dir, allow_unreviewed, plans, rule_globs, asked)
    if product == "self-assessment":
        _keep_assessable(result, diags)
    review = review_options_from(reviewer_config) if reviewer_config else ReviewOptions()
    for name, value in (
        ("body", reviewer_body),
        ("parent", reviewer_parent),
        ("place", reviewer_place),
        ("signer_role", reviewer_signer),
    ):
        if value:
            setattr(review, name, value.replace("\\n", "\n"))
    opts = DocumentOptions(
        date=date_.date() if date_ else None, number=number, signer=signer, recipients=list(recipients), reviewer=review
    )
    if _deliver(
        DOCUMENT_FORMATS[fmt],
        Run.of(result),
        Options(product=product, document=opts),
        output,
        inputs + ([reviewer_config] if reviewer_config else []),
        force,
        diags,
    ):
        _tell("document-written", document=_say(DOCUMENT_NAMES[product]), path=output)
    _finish(diags, {}, "never", output)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@RULES_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(SHORTFALL_FORMATS)),
    default=None,
    help="xlsx, csv, md or json (default: the format -o's suffix names, else md).",
)
@OUTPUT_OPTIONS
@PLAN_OPTION
@RULE_OPTION
@ALLOW_UNREVIEWED
@REPORT_IDENTITY
@guarded
def shortfalls(
    paths: tuple[Path, ...],
    rules_dir: Optional[Path],
    fmt: Optional[str],
    output: Optional[Path],
    force: bool,
    plans: tuple[str, ...],
    rule_globs: tuple[str, ...],
    allow_unreviewed: bool,
    as_of,
    unit_name: Optional[str],
    commune_id: Optional[str],
    province: Optional[str],
) -> None:
    """The shortfall list: one row per unmet, at-risk or claimed-only finding (XLSX, CSV, Markdown, JSON).

    \b
    Examples:
      chitieu shortfalls facts/tinh-an -o thieu-hut.xlsx
      chitieu shortfalls facts/ -o thieu-hut.csv
      chitieu shortfalls facts/ --plan 13-ĐA/TU --rule 'van-dong-*'
    """
    fmt = _choose(SHORTFALL_FORMATS, fmt, output, "md")
    asked = _asked(as_of, unit_name, commune_id, province)
    result, inputs, diags = _audit(paths, rules_dir, allow_unreviewed, plans, rule_globs, asked)
    if _deliver(SHORTFALL_FORMATS[fmt], Run.of(result), Options(), output, inputs, force, diags):
        _tell("document-written", document=_say("document-shortfalls"), path=output)
    _finish(diags, {}, "never", output)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@guarded
def init(folder: Path) -> None:
    """Copy the shipped rule catalogue and the seed commune into FOLDER, to edit them.

    FOLDER/rules gets the catalogue and FOLDER/facts/tinh-an the seed commune's facts. Nothing that exists is
    replaced: FOLDER/rules and FOLDER/facts must not exist yet.

    \b
    Example:
      chitieu init ~/chitieu-quang-ngai
      # or: chitieu check --rules ~/chitieu-quang-ngai/rules
      export CHITIEU_RULES=~/chitieu-quang-ngai/rules
      chitieu check ~/chitieu-quang-ngai/facts
    """
    rules_src, seed_src = shipped_rules_dir(), seed_facts_dir()
    plan = [(rules_src, folder / "rules"), (seed_src, folder / "facts" / seed_src.name)]
    for existing in (folder / "rules", folder / "facts"):
        if existing.exists():
            raise OutputError(f"{existing} already exists; choose a new folder (nothing was copied)")
    copied = 0
    for src, dest in plan:
        for f in shipped_files(src):
            target = dest / f.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, f.read_bytes())
            copied += 1
    rules_out = folder / "rules"
    seed_out = folder / "facts" / seed_src.name
    _tell_out(  # the variable holds an absolute path: it must still name the copy after a `cd`
        "init-done",
        copied=copied,
        folder=folder,
        rules=rules_out,
        rules_abs=shlex.quote(str(rules_out.resolve())),
        seed=seed_out,
        facts=folder / "facts",
    )


# --------------------------------------------------------------------------------------------------- facts


@main.group()
def facts() -> None:
    """Work from a commune's report: draft fact files from it, check the report's own consistency, read a form.

    \b
    Examples:
      chitieu facts extract examples/bao-cao-mau.txt -o nhap.yaml \\
        --commune-id quang-ngai/tan-mau
      chitieu facts lint examples/bao-cao-mau.docx
      chitieu facts import examples/tinh-an-bieu-mau.xlsx -o so-lieu-tinh-an.yaml
    """


@facts.command("extract")
@click.argument("report_path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@OUTPUT_OPTIONS
@REPORT_IDENTITY
@RULES_OPTION
@guarded
def facts_extract(
    report_path: Path,
    output: Optional[Path],
    force: bool,
    as_of: Optional[AsOf],
    unit_name: Optional[str],
    commune_id: Optional[str],
    province: Optional[str],
    rules_dir: Optional[Path],
) -> None:
    """Draft a fact file from a report (.txt, .md, .docx, .pdf; a scan or an image through OCR when Tesseract is
    installed): every fact with its quoted sentence and line (or table cell) and a confidence.

    Uncertain readings carry `review: true`; sentences with numbers or “chưa …” that matched no indicator are
    listed under `unmatched:` so nothing is dropped silently. Review the draft, then remove `unreviewed: true`.
    A report that does not say the date its figures run to, or its unit, needs --as-of or --name: chitieu never
    guesses them.

    \b
    Example:
      chitieu facts extract examples/bao-cao-mau.docx \\
        --commune-id quang-ngai/tan-mau -o nhap-tan-mau.yaml
    """
    from .intake import Unknown, extract, to_yaml
    from .reporttext import encoding_note, read_report

    _choose(["yaml"], None, output, "yaml")
    cat = _catalogue(rules_dir)
    if report_path.suffix.lower() in (".yaml", ".yml"):
        raise InputError(
            [
                Diagnostic(
                    str(report_path),
                    1,
                    1,
                    "file-kind",
                    "a YAML file is not a report: `facts "
                    "extract` drafts facts from a commune's report (.txt, .md, .docx); check a fact "
                    "file with `chitieu check`",
                )
            ]
        )
    report = read_report(report_path)
    note = encoding_note(report)
    if note:
        _print_diagnostics([Diagnostic(str(report_path), 1, 1, "encoding", note, "note")])
    ex = extract(cat, report)
    if not ex.facts or not reads_as_report(report):  # nothing to draft: say so in the user's file, write nothing
        raise InputError([Diagnostic(str(report_path), 1, 1, "no-facts", no_facts(report))])
    base = output.parent if output is not None else Path.cwd()
    try:
        shown = os.path.relpath(report_path.resolve(), base.resolve())
    except ValueError:
        shown = str(report_path.resolve())
    try:
        text = to_yaml(
            ex,
            commune_id=commune_id,
            province=province or report_province(report),
            report_file=shown,
            name=unit_name,
            as_of=as_of.day if as_of else None,
            as_of_month_only=bool(as_of and as_of.month_only),
            catalogue=cat,
        )
    except Unknown as exc:
        raise InputError(
            [Diagnostic(str(report_path), 1, 1, "report-unknown", "; ".join(UNKNOWN[w] for w in exc.what))]
        ) from None
    replaced = replaced_as_of(ex, _asked(as_of, unit_name, commune_id, province))
    if replaced:
        _print_diagnostics([Diagnostic(str(report_path), 1, 1, "as-of-replaced", replaced, "note")])
    written = _emit(text, output, [report_path, *_rule_files(rules_dir)], force)
    n_review = sum(1 for f in ex.facts if f.review)
    counts = {"facts": len(ex.facts), "statements": len(ex.statements), "unmatched": len(ex.unmatched)}
    if written:
        _tell("draft-written", path=output)
    _tell("extract-done", review=n_review, **counts)  # the summary, last


@facts.command("lint")
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@RULES_OPTION
@guarded
def facts_lint(reports: tuple[Path, ...], rules_dir: Optional[Path]) -> None:
    """Check a report's own consistency: names, numbering, brackets, figures, evidence, summary, contradictions.

    Exit 1 when problems are found, 0 when none, 2 when a report cannot be read.

    \b
    Example:
      chitieu facts lint examples/bao-cao-mau.txt
    """
    from .reportlint import lint_report

    cat = _catalogue(rules_dir)
    diags = Diagnostics()
    for path in reports:
        lint_report(cat, path, diags)
    _print_diagnostics(diags.items)
    _tell("lint-done", problems=len(diags.warnings), reports=len(reports))
    sys.exit(EXIT_FINDINGS if diags.warnings or diags.errors else EXIT_OK)


@facts.command("import")
@click.argument("form_path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@OUTPUT_OPTIONS
@RULES_OPTION
@guarded
def facts_import(form_path: Path, output: Optional[Path], force: bool, rules_dir: Optional[Path]) -> None:
    """Turn a filled reporting form (.xlsx made by `chitieu form`) into a fact file; every fact cites its cell.

    Every cell that cannot be read is an error at that cell (bieu-mau.xlsx:Biểu 01!E14: error[wrong-type]: …) and
    nothing is written (exit 2). A blank row is no data, never zero.

    \b
    Examples:
      chitieu facts import examples/tinh-an-bieu-mau.xlsx -o so-lieu.yaml
      # or check the form directly
      chitieu check examples/tinh-an-bieu-mau.xlsx
    """
    from .facts import load_form
    from .form_read import to_yaml as form_to_yaml

    _choose(["yaml"], None, output, "yaml")
    cat = _catalogue(rules_dir)
    diags = Diagnostics()
    doc = load_form(form_path, cat, diags)
    if doc is None or diags.has_errors():
        raise InputError(diags.items)
    base = output.parent if output is not None else Path.cwd()
    try:
        shown = os.path.relpath(form_path.resolve(), base.resolve())
    except ValueError:
        shown = str(form_path.resolve())
    written = _emit(form_to_yaml(doc, form_file=shown), output, [form_path, *_rule_files(rules_dir)], force)
    _print_diagnostics(diags.items)
    facts_read = doc.data.get("facts", [])
    n_items = sum(len(f.get("items", [])) for f in facts_read)
    if written:
        _tell("facts-written", path=output)
    _tell("import-done", facts=len(facts_read), items=n_items, path=form_path)  # the summary, last


# --------------------------------------------------------------------------------------------------- the form


def _commune_option(text: str) -> Commune:
    from pydantic import ValidationError

    cid, sep, name = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(
            f"'{text}': write ID=NAME, e.g. quang-ngai/tinh-an=\"xã Tịnh An\"", param_hint="--commune"
        )
    name = unicodedata.normalize("NFC", name.strip())
    if len(name) > MAX_NAME:
        raise click.BadParameter(
            f"'{name[:40]}…': too long, {len(name):,} characters; at most {MAX_NAME} characters", param_hint="--commune"
        )
    try:
        return Commune(id=cid.strip(), name=name)
    except ValidationError as exc:
        if not any(e["loc"][:1] == ("id",) for e in exc.errors()):  # the name is at fault: the model's own words
            why = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
            said = why if why.startswith(f"'{name}'") else f"'{name[:80]}': {why}"
            raise click.BadParameter(said, param_hint="--commune") from None
        raise click.BadParameter(
            f"'{cid}' is not a commune id: lower-case ASCII words joined by '-', "
            "groups by '/' (e.g. quang-ngai/tinh-an)",
            param_hint="--commune",
        ) from None


@main.command("form")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="The workbook to write (default: bieu-mau.xlsx); with several --commune, a folder.",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--plan",
    "plans",
    multiple=True,
    metavar="DOC",
    help="Only the targets of this plan (id or number, e.g. 156/KH-UBND; repeatable; default: all).",
)
@click.option(
    "--commune",
    "communes",
    multiple=True,
    metavar="ID=NAME",
    help="The commune the form is for (repeatable: one workbook each; default: the seed commune).",
)
@click.option(
    "--formed-from",
    default=None,
    metavar="UNITS",
    help='(one --commune) The units merged into it, with their kind: "xã Tịnh An; xã Tịnh Hà".',
)
@click.option(
    "--merged-on",
    type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="(with --formed-from) The day the merged unit began, e.g. 2025-07-01.",
)
@click.option(
    "--year",
    "years",
    multiple=True,
    type=click.IntRange(1900, 2100),
    metavar="YYYY",
    help="Only this year's rows (repeatable; default: every plan year up to this year).",
)
@RULES_OPTION
@guarded
def form(
    output: Optional[Path],
    force: bool,
    plans: tuple[str, ...],
    communes: tuple[str, ...],
    formed_from: Optional[str],
    merged_on: Optional[dt.datetime],
    years: tuple[int, ...],
    rules_dir: Optional[Path],
) -> None:
    """Write the reporting form (biểu mẫu, XLSX) a commune fills in: one row per target indicator and period.

    Biểu 01 holds the commune and report header and one row per indicator and period (value, bound, Đạt/Không đạt,
    evidence document, note), with the allowed values as Excel lists and ranges; Biểu 02 lists the items (each
    "Dân vận khéo" model with its decision); the first sheet says how to fill it in. Read it back with
    `chitieu facts import` or check it directly with `chitieu check FORM.xlsx`.

    \b
    Examples:
      chitieu form -o bieu-mau.xlsx
      chitieu form --plan 156/KH-UBND --year 2024 -o bieu-mau-2024.xlsx
      chitieu form -o bieu-mau/ --commune quang-ngai/tinh-ha="xã Tịnh Hà" \\
                                --commune quang-ngai/tinh-an="xã Tịnh An"
      chitieu form --commune quang-ngai/an-phu="xã An Phú" \\
                   --formed-from "xã Tịnh An; xã Tịnh Hà" --merged-on 2025-07-01 \\
                   -o bieu-mau-an-phu.xlsx
    """
    from .batch import uncovered_message
    from .form import UncoveredCommune, choose_documents, choose_years, covering
    from .form_write import FormSpec, build_form

    cat = _catalogue(rules_dir)
    try:
        documents = choose_documents(cat, plans)
        chosen_years = choose_years(cat, documents, years, dt.date.today().year)
        specs = [FormSpec(_commune_option(c), documents, chosen_years) for c in communes] or [
            _seed_form(cat, documents, chosen_years)
        ]
        if formed_from is not None or merged_on is not None:
            _formed_from(specs, bool(communes), formed_from, merged_on.date() if merged_on else None)
        for spec in specs:  # each commune is asked only for the plans that cover it
            spec.documents = covering(cat, documents, spec.commune, named=bool(plans))
    except UncoveredCommune as exc:
        _refusal("commune-uncovered", *uncovered_message(cat, exc.commune, form=True))
        sys.exit(EXIT_INPUT)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if len(specs) == 1:
        if output is not None and output.suffix.lower() not in ("", ".xlsx"):  # a workbook named .md, .json…
            raise OutputError(f"-o {output}: chitieu form writes an Excel workbook; give a name ending in .xlsx")
        targets = [output or Path("bieu-mau.xlsx")]
    else:
        folder = output or Path(".")
        if folder.exists() and not folder.is_dir():
            raise OutputError(
                f"with several --commune, -o names a folder (one workbook per commune); {folder} is a file"
            )
        if not folder.parent.is_dir():
            raise OutputError(f"{folder}: the folder {folder.parent} does not exist")
        folder.mkdir(exist_ok=True)  # a new folder for the workbooks, as `rules docs -o DIR` makes one
        targets = [folder / f"bieu-mau-{s.commune.id.replace('/', '-')}.xlsx" for s in specs]
    for target in targets:
        check_target(target, [], force=force)
    for spec, target in zip(specs, targets, strict=False):
        write_atomic(target, build_form(cat, spec), force=force)
        _tell("form-done", path=target, name=spec.commune.name, id=spec.commune.id)


def _formed_from(specs: list, named: bool, units: Optional[str], merged_on: Optional[dt.date]) -> None:
    """The units merged into the one commune a form is for, as its header's "Đơn vị cũ hợp thành" lists them."""
    from .model import Predecessor

    if not named or len(specs) != 1:
        raise click.UsageError("--formed-from and --merged-on go with exactly one --commune")
    if not units:
        raise click.BadParameter("give the units merged into the commune", param_hint="--formed-from")
    commune = specs[0].commune
    until = merged_on - dt.timedelta(days=1) if merged_on else None
    try:
        names = vi.former_units(units)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--formed-from") from None
    predecessors = [Predecessor(id=vi.predecessor_id(commune.id, n), name=n, until=until) for n in names]
    specs[0].commune = commune.model_copy(update={"predecessors": predecessors})


def _seed_form(cat, documents: list[str], years: set[int]) -> FormSpec:
    from .facts import load_inputs
    from .form_write import FormSpec

    communes, _ = load_inputs([seed_facts_dir()], cat, Diagnostics())
    cf = communes[0]
    return FormSpec(cf.commune, documents, years, issuer=cf.report.issuer)


# --------------------------------------------------------------------------------------------------- rules


@main.group()
def rules() -> None:
    """Work on the rule catalogue: list, show, new-document, new, lint, test, diff, docs.

    \b
    Examples:
      chitieu rules list --source kh-156-ubnd-tinh-an
      chitieu rules show mo-hinh-dvk-moi-nam
      chitieu rules lint
      chitieu rules test -k giam-ngheo
    """


def _catalogue(rules_dir: Optional[Path]):
    return load_catalogue(rules_dir or default_rules_dir())


def _rule_files(rules_dir: Optional[Path]) -> list[Path]:
    """The catalogue's files: inputs of every run that reads them, never written over, with or without --force."""
    return yaml_files([rules_dir or default_rules_dir()])


@rules.command("list")
@click.option(
    "--source",
    "source",
    default=None,
    metavar="DOC",
    help="Only rules of this document (id or number, e.g. 156/KH-UBND).",
)
@click.option("--tag", default=None, metavar="TAG", help="Only rules with this tag.")
@RULES_OPTION
@guarded
def rules_list(source: Optional[str], tag: Optional[str], rules_dir: Optional[Path]) -> None:
    """The catalogue as a table: id, title, source clause, period, severity.

    \b
    Examples:
      chitieu rules list
      chitieu rules list --source 84-KH/TU --tag dan-van-kheo
    """
    from .reporters.rules import authoring_table

    cat = _catalogue(rules_dir)
    chosen = [
        lr
        for lr in cat.rules
        if (source is None or source in (lr.document.id, lr.document.number)) and (tag is None or tag in lr.rule.tags)
    ]
    if source is not None and not any(source in (d.id, d.number) for d in cat.documents.values()):
        names = [d.id for d in cat.documents.values()] + [d.number for d in cat.documents.values()]
        raise click.UsageError(f"unknown document '{source}'" + did_you_mean(source, names))
    tags = {t for lr in cat.rules for t in lr.rule.tags}
    if tag is not None and tag not in tags:
        raise click.UsageError(
            f"no rule has the tag '{tag}'" + (did_you_mean(tag, tags) or "; the tags are: " + ", ".join(sorted(tags)))
        )
    click.echo(clean(authoring_table(chosen)), nl=False)


@rules.command("show")
@click.argument("rule_id")
@RULES_OPTION
@guarded
def rules_show(rule_id: str, rules_dir: Optional[Path]) -> None:
    """Everything about one rule: what it measures, why, its clause, its condition in plain words, its examples.

    \b
    Example:
      chitieu rules show ntm-nang-cao
    """
    from .authoring import rule_page

    cat = _catalogue(rules_dir)
    lr = cat.by_id.get(rule_id)
    if lr is None:
        _refusal("unknown-rule", f"no rule '{rule_id}'" + did_you_mean(rule_id, cat.by_id))
        sys.exit(EXIT_INPUT)
    page = clean(rule_page(cat, lr))
    if not _on_terminal(err=False):  # through a pipe or into a file: the Markdown page, to keep or publish
        click.echo(page, nl=False)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    from .reporters.listing import terminal_width

    # on a terminal: the page laid out at its width (tables folded into their columns, not 300-column lines)
    Console(file=sys.stdout, width=terminal_width(), highlight=False).print(Markdown(page))


@rules.command("new")
@click.argument("rule_id")
@click.option(
    "--source", "source", required=True, metavar="DOC", help="The document the rule comes from (id or number)."
)
@click.option(
    "--indicator", default=None, metavar="KEY", help="The indicator the rule reads (examples are filled to match it)."
)
@click.option("--title", default=None, metavar="TITLE", help="The rule's title (else a TODO placeholder).")
@click.option("--clause", default=None, metavar="CLAUSE", help="The clause of the document (else a TODO placeholder).")
@click.option(
    "--theme",
    type=click.Choice(["kinh_te", "nong_thon_moi", "do_thi_van_minh", "dan_van_chinh_quyen"]),
    default=None,
    help="The group in “Tồn tại, hạn chế” (else a working value marked TODO).",
)
@click.option(
    "--severity",
    type=click.Choice(["critical", "major", "minor", "info"]),
    default=None,
    help="How grave a miss is (else 'major', marked TODO).",
)
@click.option(
    "--target",
    "target",
    type=click.FLOAT,
    default=None,
    help="The target's level, e.g. 60 for 60% or 2 for two meetings (else a working value marked TODO).",
)
@RULES_OPTION
@guarded
def rules_new(
    rule_id: str,
    source: str,
    indicator: Optional[str],
    title: Optional[str],
    clause: Optional[str],
    theme: Optional[str],
    severity: Optional[str],
    target: Optional[float],
    rules_dir: Optional[Path],
) -> None:
    """Append a rule skeleton (with a met, an unmet and a no-data example) to the document's rule file.

    The rule file is changed in place: work on a copy of the catalogue (`chitieu init`), not the shipped one.

    \b
    Example:
      chitieu init ~/chitieu-thu
      chitieu rules new cu-can-bo-hoc-tap --source kh-84-tu \\
        --indicator dvcq.cu_can_bo_tap_huan --rules ~/chitieu-thu/rules
    """
    from .authoring import append_rule, skeleton

    cat = _catalogue(rules_dir)
    if not re.match(SLUG, rule_id):
        raise click.UsageError(f"'{rule_id}' is not a rule id: use lower-case ASCII words joined by '-'")
    if rule_id in cat.by_id:
        raise click.UsageError(f"rule '{rule_id}' already exists in {cat.by_id[rule_id].path}")
    docs = {d.id: d for d in cat.documents.values()} | {d.number: d for d in cat.documents.values()}
    if source not in docs:
        raise click.UsageError(f"unknown document '{source}'" + did_you_mean(source, docs))
    if indicator is not None and indicator not in cat.indicators:
        raise click.UsageError(
            f"unknown indicator '{indicator}'"
            + did_you_mean(indicator, cat.indicators)
            + "; declare it in rules/indicators.yaml first"
        )
    doc = docs[source]
    path = cat.document_where[doc.id][0]  # the plan's file, with or without rules yet
    from decimal import Decimal

    level = None
    if target is not None:
        level = Decimal(str(target)).normalize()
        level = level.quantize(Decimal(1)) if level == level.to_integral() else level
        if level < 0:
            raise click.UsageError("--target is a level to reach: a number from 0 up")
    text = skeleton(
        cat, rule_id, doc.id, indicator, title, clause, dt.date.today(), theme=theme, severity=severity, target=level
    )
    try:
        append_rule(path, text)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    line = len(path.read_text(encoding="utf-8").splitlines()) - text.count("\n") + 2
    _tell_out("rule-added", place=f"{path}:{line}", id=rule_id)


def _year_span(text: str) -> dict:
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?", text)
    if not m:
        raise click.BadParameter(
            f"'{text}' is not a span of years like 2025-2027 (or one year 2025)", param_hint="--period"
        )
    return {"from": int(m.group(1)), "to": int(m.group(2) or m.group(1))}


@rules.command("new-document")
@click.argument("document_id")
@click.option(
    "--kind",
    default="Kế hoạch",
    show_default=True,
    metavar="KIND",
    help="The kind of document (Kế hoạch, Đề án, Quyết định…).",
)
@click.option("--number", required=True, metavar="NUMBER", help="The document's number and symbol, e.g. 200/KH-UBND.")
@click.option(
    "--date",
    "issued",
    required=True,
    type=Date(),
    metavar="YYYY-MM-DD",
    help="The date it was issued, as YYYY-MM-DD (2025-01-15).",
)
@click.option("--issuer", required=True, metavar="BODY", help="The body that issued it, e.g. “UBND tỉnh Quảng Ngãi”.")
@click.option("--title", required=True, metavar="TITLE", help="The document's title (trích yếu).")
@click.option(
    "--period", "years", required=True, metavar="YYYY-YYYY", help="The years it covers: 2025-2027, or one year 2025."
)
@click.option(
    "--in-force-from",
    type=Date(),
    default=None,
    metavar="YYYY-MM-DD",
    help="The date it comes into force, when not the date it was issued (YYYY-MM-DD).",
)
@click.option(
    "--in-force-to",
    type=Date(),
    default=None,
    metavar="YYYY-MM-DD",
    help="The date it ceases to be in force (YYYY-MM-DD).",
)
@click.option(
    "--province",
    "provinces",
    multiple=True,
    metavar="PROVINCE",
    help="It applies to every commune of this province, by id (quang-ngai); repeatable.",
)
@click.option(
    "--commune",
    "communes",
    multiple=True,
    metavar="ID",
    help="It applies to this commune, by id (quang-ngai/tinh-an); repeatable.",
)
@click.option("--all-communes", is_flag=True, help="It applies to every commune (a central document).")
@click.option("--implements", default=None, metavar="DOC_ID", help="The id of the higher document this one implements.")
@RULES_OPTION
@guarded
def rules_new_document(
    document_id: str,
    kind: str,
    number: str,
    issued: dt.datetime,
    issuer: str,
    title: str,
    years: str,
    in_force_from: Optional[dt.datetime],
    in_force_to: Optional[dt.datetime],
    provinces: tuple[str, ...],
    communes: tuple[str, ...],
    all_communes: bool,
    implements: Optional[str],
    rules_dir: Optional[Path],
) -> None:
    """Create the rule file of a new document (a plan, a scheme, a set of criteria) and add it to the catalogue's
    `order`.

    The new file is DOCUMENT_ID.yaml in the catalogue folder: a header describing the document — kind, number, date,
    issuer, years, when in force, which communes it applies to — and an empty `rules:`; add rules with
    `chitieu rules new … --source DOCUMENT_ID`. In a folder without a catalogue (an empty one) catalogue.yaml and
    indicators.yaml are created too. Which communes it applies to must be said: --province, --commune or
    --all-communes.

    \b
    Example:
      chitieu rules new-document kh-200-ubnd --number 200/KH-UBND \\
        --date 2025-01-15 --issuer "UBND tỉnh Quảng Ngãi" \\
        --title "Kế hoạch thực hiện công tác dân vận năm 2025-2027" \\
        --period 2025-2027 --province quang-ngai --rules ~/chitieu-thu/rules
    """
    from .authoring import add_to_order, document_file, new_catalogue

    root = rules_dir or default_rules_dir()
    if not re.match(SLUG, document_id):
        raise click.UsageError(
            f"'{document_id}' không phải mã văn bản: dùng chữ thường không dấu nối bằng '-' (kh-200-ubnd)"
        )
    if all_communes and (provinces or communes):
        raise click.UsageError("--all-communes đã gồm mọi xã: bỏ --province, --commune")
    if not (all_communes or provinces or communes):
        raise click.UsageError(
            "nêu văn bản áp dụng cho xã nào: --province MÃ-TỈNH, --commune MÃ-XÃ (lặp lại được) hoặc --all-communes"
        )
    covers: object = (
        "all" if all_communes else {k: list(v) for k, v in (("provinces", provinces), ("communes", communes)) if v}
    )
    in_force = None
    if in_force_from or in_force_to:
        in_force = {"from": (in_force_from or issued).date()} | ({"to": in_force_to.date()} if in_force_to else {})
    document = {
        "id": document_id,
        "kind": kind,
        "number": number,
        "date": issued.date(),
        "issuer": issuer,
        "title": title,
        "period": _year_span(years),
        "implements": implements,
        "covers": covers,
    }
    from pydantic import ValidationError
    from .model import DateSpan, Document

    try:
        Document.model_validate(document)
        if in_force:
            DateSpan.model_validate(in_force)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise click.UsageError(f"{where}: {first['msg']}") from exc
    path = root / f"{document_id}.yaml"
    if path.exists():
        raise OutputError(f"{path}: the file exists; choose another document id (nothing is written over)")
    root.mkdir(parents=True, exist_ok=True)
    made = (
        new_catalogue(root, f"Danh mục chỉ tiêu — {kind} số {number}") if not (root / "catalogue.yaml").exists() else []
    )
    cat = load_catalogue(root)  # the catalogue must load before it is changed
    if document_id in cat.documents:
        raise click.UsageError(f"văn bản '{document_id}' đã có trong {cat.document_where[document_id][0]}")
    if cat.info_doc is None:
        raise click.UsageError(f"{root}: không tìm thấy catalogue.yaml")
    try:
        write_atomic(path, document_file(document, in_force))
        add_to_order(cat.info_doc.path, document_id)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    for p in made:
        _tell_out("created", path=p)
    _tell_out("document-added", path=path, id=document_id, catalogue=cat.info_doc.path.name)


@rules.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@RULES_OPTION
@guarded
def rules_lint(paths: tuple[Path, ...], rules_dir: Optional[Path]) -> None:
    """Check the catalogue (and extra rule files): every problem as path:line:col, all in one run; exit 2 on errors.

    \b
    Examples:
      chitieu rules lint
      # a new rule file, checked with the catalogue
      chitieu rules lint examples/quy-tac-moi.yaml
    """
    from .authoring import lint

    diags = Diagnostics()
    lint(paths, rules_dir or default_rules_dir(), diags)
    _print_diagnostics(diags.items)
    errors, warnings = len(diags.errors), len(diags.warnings)
    _tell("rules-lint-done", errors=errors, warnings=warnings)
    sys.exit(EXIT_INPUT if errors else EXIT_OK)


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-k",
    "selected",
    multiple=True,
    metavar="GLOB",
    help="Only this rule (its whole id), the rules matching a glob ('ntm-nc-*'), or else the rules whose id "
    "contains this text ('dvk'); repeatable.",
)
@PLAN_OPTION
@RULES_OPTION
@guarded
def rules_test(
    paths: tuple[Path, ...], selected: tuple[str, ...], plans: tuple[str, ...], rules_dir: Optional[Path]
) -> None:
    """Run every rule's examples through the real engine; exit 1 when one fails. This is the rule author's whole
    test suite: a catalogue whose examples pass and whose lint is clean is ready to use.

    \b
    Examples:
      chitieu rules test
      chitieu rules test -k mo-hinh-dvk-moi-nam -k 'ntm-nc-*'
      chitieu rules test -k dvk --plan 84-KH/TU
    """
    from .examples import run_examples
    from .reporters.rules import example_line

    import fnmatch

    root = rules_dir or default_rules_dir()
    extra = [p for p in paths if not p.is_dir()]
    root = next((p for p in paths if p.is_dir()), root)
    cat = load_catalogue(root, extra=extra)
    try:
        docs = Selection.resolve_plans(cat, plans)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None

    def picked(rule_id: str, k: str) -> bool:  # a rule's whole id picks that rule; else a glob; else a part of ids
        if k in cat.by_id:
            return rule_id == k
        return fnmatch.fnmatchcase(rule_id, k) if any(c in k for c in "*?[") else k in rule_id

    for k in selected:
        if not any(picked(lr.id, k) for lr in cat.rules):
            raise click.UsageError(f"-k '{k}' matches no rule" + did_you_mean(k, cat.by_id))
    ids = {
        lr.id
        for lr in cat.rules
        if (not selected or any(picked(lr.id, k) for k in selected)) and (not docs or lr.document.id in docs)
    }
    results = run_examples(cat, ids if selected or docs else None)
    for res in results:
        click.echo(clean(example_line(res, _lang())))
    failed = sum(1 for r in results if not r.passed)
    _tell_out("rules-test-done", passed=len(results) - failed, failed=failed)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@rules.command("diff")
@click.argument("old_dir", type=click.Path(path_type=Path, file_okay=False))
@click.argument("new_dir", type=click.Path(path_type=Path, file_okay=False))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text (one block per changed finding) or json.",
)
@guarded
def rules_diff(old_dir: Path, new_dir: Path, paths: tuple[Path, ...], fmt: str) -> None:
    """Run the same facts under two versions of the catalogue and list every finding whose status, target or
    message changed (and the findings only one version gives) — the review before publishing a revision.

    PATHS are fact files, forms or folders, as for `check` (default: the seed commune). Exit 0 when nothing
    changed, 1 when something did (as diff does), 2 on bad input.

    \b
    Example:
      # a copy of the catalogue to revise
      chitieu init ~/chitieu-ban-sua
      chitieu rules diff rules ~/chitieu-ban-sua/rules facts/tinh-an
    """
    import json

    from .authoring import diff_findings, diff_text

    runs = []
    for rules_dir in (old_dir, new_dir):
        cat, diags, inputs, _originals, policy = _prepare(rules_dir, paths)
        if diags.has_errors():
            raise InputError(diags.items)
        result = collect(cat, audit_batch(cat, inputs, diags, unreviewed=policy))
        if diags.has_errors():
            raise InputError(diags.items)
        runs.append(result.findings)
    changes = diff_findings(*runs)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "schema": "chitieu.rules-diff/1",
                    "old": str(old_dir),
                    "new": str(new_dir),
                    "changes": [c.to_json() for c in changes],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        click.echo(clean(diff_text(changes, len(runs[1]))), nl=False)
    sys.exit(EXIT_FINDINGS if changes else EXIT_OK)


@rules.command("docs")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    metavar="DIR",
    help="Folder for the pages (default: docs/rules under the working folder).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write into a folder that also holds files chitieu did not write (they are left alone).",
)
@RULES_OPTION
@guarded
def rules_docs(out_dir: Optional[Path], force: bool, rules_dir: Optional[Path]) -> None:
    """Write one Markdown page per rule and an index, from the rule files alone.

    Every page starts with a "generated" mark; a later run replaces and removes only pages with that mark, and
    refuses a folder holding other files unless --force.

    \b
    Example:
      chitieu rules docs -o docs/rules
    """
    from .authoring import docs_pages, write_docs

    cat = _catalogue(rules_dir)
    out_dir = out_dir or Path("docs") / "rules"
    pages = docs_pages(cat)
    stale = write_docs(out_dir, pages, force=force)
    if stale:
        _tell_out("docs-done-stale", pages=len(pages), path=out_dir, stale=len(stale))
    else:
        _tell_out("docs-done", pages=len(pages), path=out_dir)


# the web page (chitieu.web is imported only when these run)
main.add_command(lazy("serve", "chitieu.web.commands:serve", "Start the local web page (upload, review, findings)."))
main.add_command(lazy("users", "chitieu.web.commands:users", "User accounts for a shared `chitieu serve`."))


if __name__ == "__main__":  # pragma: no cover
    main()
