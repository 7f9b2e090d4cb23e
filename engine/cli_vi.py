"""The commands' help and click's own usage errors in the run's language: Vietnamese by default, English with
``--lang en`` or ``CHITIEU_LANG=en``.

Every command of ``chitieu`` is a :class:`ChitieuCommand` or a :class:`ChitieuGroup`. In English their help is click's
own, from the docstrings and the options' ``help=``. In Vietnamese the same parts are drawn from engine/help_vi.py
(keyed by command path and option name); the examples are the docstrings' own lines, only their comments put into
Vietnamese, so that the examples a test runs are the ones both languages show.

click's parser errors (an unknown option or command, a missing argument, a bad choice, a path that does not exist, a
value that is not a number or a date) are said in Vietnamese from the exception's attributes — the option, the
parameter and its type, the value given — never by rewriting click's English text; the frame is
"Cách dùng: … / Lỗi: …" and the exit code 2, as for the commands' own usage errors.
"""

from __future__ import annotations

import inspect
import io
import os
import re
import sys
from typing import Any, Optional

import click
from click.utils import _make_default_short_help

from . import help_vi

LANGS = ("vi", "en")
_ARGV = "chitieu.argv"  # ctx.meta: the root command's own arguments, for the language before --lang is processed


def help_lang(ctx: Optional[click.Context]) -> str:
    """The run's language, also while the root's options are still being parsed (``chitieu --lang en --help``: the
    help option is eager and acts before --lang is processed): --lang, else $CHITIEU_LANG, else Vietnamese."""
    if ctx is None:
        ctx = click.get_current_context(silent=True)
    if ctx is not None:
        root = ctx.find_root()
        lang = root.params.get("lang")
        if lang in LANGS:
            return lang
        argv = root.meta.get(_ARGV, [])
        for i, arg in enumerate(argv):
            if arg == "--lang" and i + 1 < len(argv):
                return argv[i + 1].lower() if argv[i + 1].lower() in LANGS else "vi"
            if arg.startswith("--lang="):
                given = arg.partition("=")[2].lower()
                return given if given in LANGS else "vi"
            if arg == "--" or not arg.startswith("-"):
                break
    env = (os.environ.get("CHITIEU_LANG") or "").lower()
    return env if env in LANGS else "vi"


def command_path(ctx: click.Context) -> str:
    """The command's path as the table keys it ("chitieu facts extract"), whatever name the program was run by."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["chitieu", *reversed(names)])


def option_key(param: click.Parameter) -> str:
    """The name an option's Vietnamese help is kept under: its first long name (``--output`` for ``-o, --output``);
    an argument's, its name as the usage line shows it (``PATHS``)."""
    if isinstance(param, click.Argument):
        return param.human_readable_name
    names = [o for o in param.opts if o.startswith("--")]
    return (names or param.opts)[0]


# --------------------------------------------------------------------------------------------------- help


def _examples(help_text: str) -> tuple[str, list[str]]:
    """The help text before its "Examples:" block (with the block's ``\\b``), and the block's lines."""
    m = re.search(r"(?:^|\n)(?:\x08\n)?Examples?:\n", help_text)
    if not m:
        return help_text, []
    return help_text[: m.start()], help_text[m.end() :].rstrip("\n").split("\n")


def _note(path: str, line: str) -> str:
    """An example line with its comment in Vietnamese — a comment on a line of its own above the example, or after
    it; the command itself is left as it is."""
    m = re.match(r"(?P<head>.*?)(?<!\S)# (?P<note>.*)$", line)
    if not m:
        return line
    vi = help_vi.note(path, m.group("note"))
    return f"{m.group('head')}# {vi}" if vi else line


def vietnamese_help(cmd: click.Command, path: str) -> Optional[str]:
    """The Vietnamese help text of a command: its description from the table, then its docstring's examples."""
    text = help_vi.description(path)
    if text is None:
        return None
    _, lines = _examples(inspect.cleandoc(cmd.help or ""))
    if lines:
        text = f"{inspect.cleandoc(text)}\n\n\b\nVí dụ:\n" + "\n".join(_note(path, line) for line in lines)
    return text


def short_help_vi(cmd: click.Command, path: str, limit: int) -> Optional[str]:
    text = help_vi.short(path)
    if text is None:
        return None
    return _make_default_short_help(text, limit)


def _extra_vi(param: click.Option, ctx: click.Context) -> str:
    extra: dict[str, Any] = dict(param.get_help_extra(ctx))
    items = []
    if "envvars" in extra:
        items.append("biến môi trường: " + ", ".join(extra["envvars"]))
    if "default" in extra:
        items.append(f"mặc định: {extra['default']}")
    if isinstance(param.type, click.types._NumberRangeBase) and "range" in extra:
        items.append(_number_range(param.type))
    if "required" in extra:
        items.append("bắt buộc")
    return f"[{'; '.join(items)}]" if items else ""


# click's own words in a usage line (the arguments' names are the project's: PATHS, REPORT, …)
_USAGE_WORDS = {"[OPTIONS]": "[TÙY CHỌN]", "COMMAND [ARGS]...": "LỆNH [THAM SỐ]..."}


# the placeholders after an option in its help, click's (TEXT, PATH, FLOAT) and the project's own, in Vietnamese;
# a format to type (YYYY-MM-DD) and N stay as they are
_METAVARS_VI = {
    "INTEGER RANGE": "SỐ",
    "FLOAT RANGE": "SỐ",
    "ID=NAME": "MÃ=TÊN",
    "UNITS": "ĐƠN_VỊ",
    "TEXT": "GIÁ_TRỊ",
    "PATH": "ĐƯỜNG_DẪN",
    "FILE": "TỆP",
    "DIRECTORY": "THƯ_MỤC",
    "DIR": "THƯ_MỤC",
    "FLOAT": "SỐ",
    "INTEGER": "SỐ",
    "DOC_ID": "MÃ_VĂN_BẢN",
    "DOC": "VĂN_BẢN",
    "GLOB": "MẪU",
    "STATUS": "TRẠNG_THÁI",
    "ID": "MÃ",
    "PROVINCE": "TỈNH",
    "NUMBER": "SỐ_KÝ_HIỆU",
    "NAME": "HỌ_TÊN",
    "LINE": "DÒNG",
    "BODY": "CƠ_QUAN",
    "PLACE": "ĐỊA_DANH",
    "ROLE": "CHỨC_DANH",
    "TAG": "NHÃN",
    "KEY": "MÃ_CHỈ_TIÊU",
    "TITLE": "TIÊU_ĐỀ",
    "CLAUSE": "MỤC",
    "KIND": "LOẠI",
    "HOST": "ĐỊA_CHỈ",
    # the commands' arguments, in the usage line, the "Tham số" section, the help's prose and a missing argument
    "PATHS": "ĐƯỜNG_DẪN",
    "FOLDER": "THƯ_MỤC",
    "REPORT_PATH": "BÁO_CÁO",
    "REPORTS": "BÁO_CÁO",
    "FORM_PATH": "BIỂU_MẪU",
    "OLD_DIR": "THƯ_MỤC_CŨ",
    "NEW_DIR": "THƯ_MỤC_MỚI",
    "DOCUMENT_ID": "MÃ_VĂN_BẢN",
    "RULE_ID": "MÃ_QUY_TẮC",
    "USERNAME": "TÊN_ĐĂNG_NHẬP",
}
_METAVAR = re.compile(
    r"(?<![\w=-])(" + "|".join(re.escape(k) for k in sorted(_METAVARS_VI, key=len, reverse=True)) + r")(?![\w=-])"
)


def metavars_vi(spec: str) -> str:
    """'-o, --output PATH' → '-o, --output ĐƯỜNG-DẪN' (the options' own names are left as they are)."""
    return _METAVAR.sub(lambda m: _METAVARS_VI[m.group(1)], spec)


def _usage_vi(line: str) -> str:
    for english, vietnamese in _USAGE_WORDS.items():
        line = line.replace(english, vietnamese)
    return metavars_vi(line)


class _Help:
    """The help of a command in the run's language (mixed into click.Command and click.Group)."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if help_lang(ctx) != "vi":
            return super().format_usage(ctx, formatter)  # type: ignore[misc]
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, _usage_vi(" ".join(pieces)), prefix="Cách dùng: ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = vietnamese_help(self, command_path(ctx)) if help_lang(ctx) == "vi" else None  # type: ignore[arg-type]
        if text is None:
            return super().format_help_text(ctx, formatter)  # type: ignore[misc]
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if help_lang(ctx) != "vi":
            return super().format_arguments(ctx, formatter)  # type: ignore[misc]
        args = [p for p in self.get_params(ctx) if isinstance(p, click.Argument)]  # type: ignore[attr-defined]
        if any(arg.help is not None for arg in args):
            rows = []
            for arg in args:  # click 8.5.0 gives no record for an argument without a help
                spec, text = arg.get_help_record(ctx) or (arg.make_metavar(ctx), "")
                rows.append((metavars_vi(spec), help_vi.option(command_path(ctx), option_key(arg)) or text))
            with formatter.section("Tham số"):
                formatter.write_dl(rows)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if help_lang(ctx) != "vi":
            return super().format_options(ctx, formatter)  # type: ignore[misc]
        rows = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if not isinstance(param, click.Option) or param.hidden:
                continue
            text = help_vi.option(command_path(ctx), option_key(param)) or param.help or ""
            extra = _extra_vi(param, ctx)
            record = param.get_help_record(ctx)  # not hidden, so a record (get_help_spec is click 8.5.1's only)
            spec = metavars_vi(record[0]) if record else ", ".join(param.opts)
            rows.append((spec, f"{text}  {extra}" if text and extra else text or extra))
        if rows:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self._format_commands_vi(ctx, formatter)

    def _format_commands_vi(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        group: click.Group = self  # type: ignore[assignment]
        commands = [(n, group.get_command(ctx, n)) for n in group.list_commands(ctx)]
        shown = [(n, c) for n, c in commands if c is not None and not c.hidden]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(n) for n, _ in shown)
        rows = []
        for name, cmd in shown:
            assert cmd is not None
            path = f"{command_path(ctx)} {name}"
            rows.append((name, short_help_vi(cmd, path, limit) or cmd.get_short_help_str(limit)))
        with formatter.section("Lệnh"):
            formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)
        if ctx.parent is None:
            ctx.meta[_ARGV] = given
        extra_allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True  # the left-over arguments are refused below, with the arguments as attributes
        try:
            rest = super().parse_args(ctx, args)  # type: ignore[misc]
        except click.UsageError as exc:
            if exc.ctx is None:  # the parser's own errors (an option without its value) name no command
                exc.ctx = ctx
            if isinstance(exc, click.BadParameter) and exc.param is not None:
                if not isinstance(exc, click.MissingParameter):
                    exc.chitieu_value = _offending(self, ctx, given, exc.param)  # type: ignore[attr-defined]
            raise
        finally:
            ctx.allow_extra_args = extra_allowed
        if rest and not extra_allowed and not ctx.resilient_parsing:
            raise ExtraArguments(rest, ctx)
        return rest


class ChitieuCommand(_Help, click.Command):
    pass


def _lang_first(argv: list[str]) -> list[str]:
    """`--lang en` given after the command (`chitieu check … --lang en`) is the root's option: moved to the front,
    so that the whole run, its usage errors included, speaks that language."""
    out: list[str] = []
    lang: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            out += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang += [arg, argv[i + 1]]  # every one, in order: the last wins, as before the command
            i += 2
            continue
        if arg.startswith("--lang="):
            lang.append(arg)
        else:
            out.append(arg)
        i += 1
    return lang + out


class ChitieuGroup(_Help, click.Group):
    """The group of ``chitieu`` and of its command groups: their commands and subgroups are of these classes too, and
    a usage error of click's parser anywhere below is said in the run's language."""

    command_class = ChitieuCommand
    group_class = type

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # A standard stream closed by the caller (`chitieu check >&-`) is None in Python: what would go there is
        # dropped, as a write to a closed stream is, instead of every print crashing the run
        for name in ("stdout", "stderr"):
            if getattr(sys, name) is None:
                setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the run
        # A standard output that cannot hold Vietnamese (PYTHONIOENCODING=ascii, a latin-1 locale) writes what it
        # cannot as \u escapes, as Python's standard error does — the JSON stays valid and says the same — instead
        # of ending the run on the first letter with a diacritic
        out = sys.stdout
        if isinstance(out, io.TextIOWrapper) and out.errors == "strict":
            try:
                "Tịnh An".encode(out.encoding)
            except (UnicodeEncodeError, LookupError):
                out.reconfigure(errors="backslashreplace")
        if args or "args" in kwargs:
            argv = list(args[0] if args else kwargs.pop("args") or [])
            args = args[1:]
        else:
            argv = sys.argv[1:]
        return super().main(_lang_first(argv), *args, **kwargs)

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise in_language(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise in_language(exc) from None


# --------------------------------------------------------------------------------------------------- usage errors


class ExtraArguments(click.UsageError):
    """Arguments a command has no place for (click's "Got unexpected extra argument"), with the arguments kept."""

    def __init__(self, args: list[str], ctx: click.Context):
        self.extra = list(args)
        s = "s" if len(args) > 1 else ""
        super().__init__(f"Got unexpected extra argument{s} ({' '.join(map(str, args))})", ctx)


def _last_line(line: str, file: Any) -> None:
    """A usage error's last line ('Error: …'), folded at a terminal's width like the commands' own lines (what it
    quotes never split); as it is through a pipe."""
    if file is not None:
        click.echo(line, file=file)
        return
    from .cli import echo_line  # the commands' own way of saying a line (cli imports this module)

    echo_line(line, True, keep=re.findall(r"'[^']*'", line))


class FoldedUsage(click.UsageError):
    """click's usage error in click's own frame and words (--lang en), its last line folded on a terminal."""

    def show(self, file=None) -> None:
        frame = io.StringIO()
        super().show(file=frame)
        head, _, last = frame.getvalue().rstrip("\n").rpartition("\n")
        if head:
            click.echo(head, file=file, err=file is None)
        _last_line(last, file)


class VietnameseUsage(click.UsageError):
    """A usage error said in Vietnamese, in the frame "Cách dùng: … / Xem '… --help' … / Lỗi: …"."""

    def show(self, file=None) -> None:
        if self.ctx is not None:
            usage = self.ctx.get_usage().replace("Usage:", "Cách dùng:", 1)
            hint = f"Xem '{self.ctx.command_path} --help' để biết cách dùng."
            click.echo(f"{usage}\n{hint}\n", file=file, err=file is None)
        _last_line(f"Lỗi: {self.format_message()}", file)


def in_language(exc: click.UsageError) -> click.UsageError:
    """The usage error as the run's language says it: click's own English with --lang en, else Vietnamese."""
    if isinstance(exc, (VietnameseUsage, FoldedUsage, click.exceptions.NoArgsIsHelpError)):
        return exc
    message = usage_message_vi(exc) if help_lang(exc.ctx) == "vi" else None
    if message is None:
        return FoldedUsage(exc.format_message(), exc.ctx)
    return VietnameseUsage(message, exc.ctx)


def _offending(cmd: Any, ctx: click.Context, given: list[str], param: click.Parameter) -> Any:
    """The value given to ``param`` that its type refused (read again from the command's arguments, or from the
    environment variable that stood in for them); None when no given value is refused (a check of its own)."""
    try:
        opts, _, _ = cmd.make_parser(ctx).parse_args(args=list(given))
    except click.UsageError:
        return None
    raw = opts.get(param.name) if param.name else None
    if raw is None:
        raw = param.resolve_envvar_value(ctx)
    items = list(raw) if isinstance(raw, (list, tuple)) else [raw]
    for item in items:
        if item is None:
            continue
        try:
            param.type.convert(item, param, ctx)
        except click.BadParameter:
            return item
    return None


def _names(values, sep: str = ", ") -> str:
    return sep.join(f"'{v}'" for v in values)


def _number_range(t: click.types._NumberRangeBase) -> str:
    if t.min is not None and t.max is not None:
        return f"từ {t.min} đến {t.max}"
    if t.min is not None:
        return f"từ {t.min} trở lên" if not t.min_open else f"lớn hơn {t.min}"
    return f"không quá {t.max}" if not t.max_open else f"nhỏ hơn {t.max}"


def date_form(fmt: str) -> str:
    for code, shown in (("%Y", "YYYY"), ("%m", "MM"), ("%d", "DD"), ("%H", "hh"), ("%M", "mm"), ("%S", "ss")):
        fmt = fmt.replace(code, shown)
    return fmt


def _refused_value_vi(param: click.Parameter, value: Any) -> Optional[str]:
    """Why the type of ``param`` refuses ``value``, in Vietnamese; None for a type not known here."""
    t = param.type
    if isinstance(t, click.Choice):
        return f"'{value}' không phải một trong các giá trị {_names(t.choices)}."
    if isinstance(t, click.Path):
        path = os.fsdecode(value)
        if not os.path.exists(path):
            return f"đường dẫn '{path}' không tồn tại."
        if os.path.isdir(path) and not t.dir_okay:
            return f"'{path}' là một thư mục, ở đây cần một tệp."
        if not os.path.isdir(path) and not t.file_okay:
            return f"'{path}' là một tệp, ở đây cần một thư mục."
        if t.readable and not os.access(path, os.R_OK):
            return f"không đọc được '{path}' (không có quyền đọc)."
        if t.writable and not os.access(path, os.W_OK):
            return f"không ghi được vào '{path}' (không có quyền ghi)."
        if t.executable and not os.access(path, os.X_OK):
            return f"không chạy được '{path}' (không có quyền chạy)."
        return None
    if isinstance(t, click.DateTime):
        shown = [date_form(f) for f in t.formats]
        forms = " hoặc ".join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 2 else shown)
        return f"'{value}' không phải một ngày viết theo dạng {forms}."
    number = isinstance(t, (click.types.IntParamType, click.types.FloatParamType))
    if number:
        whole = isinstance(t, click.types.IntParamType)
        try:
            (int if whole else float)(value)
        except (TypeError, ValueError):
            return f"'{value}' không phải {'số nguyên' if whole else 'một số'}."
        if isinstance(t, click.types._NumberRangeBase):
            return f"{value} nằm ngoài khoảng cho phép ({_number_range(t)})."
    return None


def _option_named(ctx: Optional[click.Context], name: str) -> Optional[click.Option]:
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if isinstance(param, click.Option) and name in param.opts + param.secondary_opts:
            return param
    return None


def _did_you_mean(possibilities, what: str) -> str:
    if not possibilities:
        return ""
    if len(possibilities) == 1:
        return f" Có phải ý là '{possibilities[0]}'?"
    return f" (Có phải ý là một trong các {what}: {_names(sorted(possibilities))}?)"


def usage_message_vi(exc: click.UsageError) -> Optional[str]:
    """The Vietnamese of one of click's usage errors, from its attributes; None for one not known here."""
    from .messages_vi import vietnamese

    ctx = exc.ctx
    if isinstance(exc, click.NoSuchOption):
        return f"Không có tùy chọn '{exc.option_name}'." + _did_you_mean(exc.possibilities, "tùy chọn")
    if isinstance(exc, click.exceptions.NoSuchCommand):
        return f"Không có lệnh '{exc.command_name}'." + _did_you_mean(exc.possibilities, "lệnh")
    if isinstance(exc, ExtraArguments):
        return f"Có tham số thừa: {' '.join(map(str, exc.extra))}."
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        hint = exc.param_hint if isinstance(exc.param_hint, str) else None
        if param is not None:
            hint = param.get_error_hint(ctx)
        kind = exc.param_type or (param.param_type_name if param is not None else "parameter")
        what = {"argument": "tham số", "option": "tùy chọn"}.get(kind, "giá trị")
        text = f"Thiếu {what} {metavars_vi(hint)}." if hint else f"Thiếu {what}."
        if param is not None and isinstance(param.type, click.Choice):
            text += f" Chọn một trong các giá trị {_names(param.type.choices)}."
        return text
    if isinstance(exc, click.BadParameter):
        param = exc.param
        if isinstance(exc.param_hint, str):
            hint = exc.param_hint if exc.param_hint.startswith("'") else f"'{exc.param_hint}'"
        elif param is not None:
            hint = param.get_error_hint(ctx)
        else:
            hint = ""
        value = getattr(exc, "chitieu_value", None)
        why = _refused_value_vi(param, value) if param is not None and value is not None else None
        if why is None:
            why = vietnamese("usage", exc.message) or exc.message
        return f"Giá trị không hợp lệ cho {metavars_vi(hint)}: {why}" if hint else f"Giá trị không hợp lệ: {why}"
    if isinstance(exc, click.BadOptionUsage):
        option = _option_named(ctx, exc.option_name)
        if option is not None and option.is_flag:
            return f"Tùy chọn '{exc.option_name}' không nhận giá trị."
        if option is not None and option.nargs > 1:
            return f"Tùy chọn '{exc.option_name}' cần {option.nargs} giá trị."
        return f"Tùy chọn '{exc.option_name}' cần một giá trị."
    return vietnamese("usage", exc.format_message())
