"""The `chitieu` command: parses options, calls the engine, picks a reporter, sets the exit code — no logic."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Callable, Optional

import click

from engine import __version__, vi
from engine.audit import run_audit
from engine.catalogue import PROJECT_ROOT, default_rules_dir, load_catalogue
from engine.diagnostics import Diagnostics, InputError
from engine.facts import load_inputs
from engine.output import OutputError, write_atomic
from engine.reporters import REPORTERS
from engine.runtime import EngineError
from engine.yamlsrc import yaml_files

SEED_FACTS = PROJECT_ROOT / "facts" / "tinh-an"
FAIL_LEVELS = ["unmet", "insufficient_data", "pending", "never"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _print_diagnostics(diags) -> None:
    for d in sorted(diags, key=lambda d: (d.path, d.line, d.col, d.code)):
        click.echo(d.render(), err=True)


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
            click.echo(f"chitieu: {n} error(s) in the input; nothing was evaluated", err=True)
            sys.exit(EXIT_INPUT)
        except OutputError as exc:
            click.echo(f"chitieu: error[output]: {exc}", err=True)
            sys.exit(EXIT_INPUT)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except EngineError as exc:
            if debug:
                raise
            click.echo(f"chitieu: internal error in the rule network: {exc}\n"
                       "Please report it with the input files; run with --debug for the traceback.", err=True)
            sys.exit(EXIT_INTERNAL)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if debug:
                raise
            click.echo(f"chitieu: internal error: {type(exc).__name__}: {exc}\n"
                       "Please report it with the input files; run with --debug for the traceback.", err=True)
            sys.exit(EXIT_INTERNAL)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, "--version", prog_name="chitieu")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for internal errors.")
def main(debug: bool) -> None:
    """chitieu — kiểm tra kết quả báo cáo của xã so với chỉ tiêu kế hoạch.

    \b
    Examples:
      chitieu check                          # the seed commune (facts/tinh-an)
      chitieu check facts/tinh-an --format json
      chitieu check facts/tinh-an --section  # drafted “Tồn tại, hạn chế và nguyên nhân”
    """


def _fail_exit(result, level: str) -> int:
    if level == "never":
        return EXIT_OK
    worst = vi.STATUS_ORDER[: vi.STATUS_ORDER.index(level) + 1]
    return EXIT_FINDINGS if any(f.status in worst for f in result.findings) else EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=None,
              help="Rule catalogue folder (default: the project's rules/, or $CHITIEU_RULES).")
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="table", show_default=True,
              help="Output format.")
@click.option("--section", is_flag=True, help="Same as --format section: the drafted “Tồn tại, hạn chế” section.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="unmet", show_default=True,
              help="Exit 1 when a finding has this status or a worse one (unmet > insufficient_data > pending).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--color/--no-color", default=None, help="Colour the table (default: when writing to a terminal).")
@guarded
def check(paths: tuple[Path, ...], rules_dir: Optional[Path], fmt: str, section: bool, fail_on: str,
          output: Optional[Path], force: bool, color: Optional[bool]) -> None:
    """Check fact files (or folders of them) against the rule catalogue.

    PATHS are fact files (schema chitieu.facts/1), waiver files (chitieu.waivers/1) or folders holding them;
    without PATHS the seed commune (facts/tinh-an) is checked.

    \b
    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 bad input or usage;
    3 internal error.

    \b
    Examples:
      chitieu check facts/tinh-an
      chitieu check facts/tinh-an --format json -o findings.json
      chitieu check facts/tinh-an waivers.yaml --fail-on insufficient_data
    """
    if section:
        fmt = "section"
    diags = Diagnostics()
    cat = load_catalogue(rules_dir or default_rules_dir(), diags=diags)
    inputs = list(paths) or [SEED_FACTS]
    communes, waivers = load_inputs(inputs, cat, diags)
    if diags.has_errors():
        raise InputError(diags.items)
    _print_diagnostics(diags.warnings)
    result = run_audit(cat, communes, waivers)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    text = REPORTERS[fmt](result, color=bool(use_color) and fmt == "table")
    if output is not None:
        write_atomic(output, text, inputs=yaml_files(inputs), force=force)
    else:
        click.echo(text, nl=False)
    sys.exit(_fail_exit(result, fail_on))


if __name__ == "__main__":  # pragma: no cover
    main()
