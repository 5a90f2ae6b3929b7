"""Say rules: how a number, date, time, amount of money or phone number becomes a sequence of voice-bank phrases.

One YAML file per language, ``templates/say/<lang>.yaml``, written and corrected by a native speaker::

    language: vi
    status: approved            # draft / reviewed / approved, like texts
    phrases:                    # the words the rules use: phrase id → what the announcer reads
      n.1: một
      w.muoi: mươi
    rules:                      # named rule sets; the engine calls number, money, date, time, digit
      number:
        range: [0, 999999999]   # a value outside is refused ("cannot say")
        cases:                  # the first case whose 'if' holds is said
          - if: "n <= 10"
            say: ["n.{n}"]      # a phrase id ({…} computed), or another rule set: number(n // 10)

Expressions use the value ``n`` (and ``day month year weekday full`` for dates, ``hour minute`` for times),
whole numbers, ``+ - * // %``, comparisons, ``and or not``. Nothing else can run.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from .. import langs
from ..errors import Problem, Problems
from ..i18n import _
from ..model.base import LangTag, Model, Text

if TYPE_CHECKING:  # pragma: no cover
    from ..workspace import Workspace

FOLDER = "templates/say"
MAX_DEPTH = 40
VARIABLES = frozenset({"n", "day", "month", "year", "weekday", "full", "hour", "minute"})
_CALL = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*\((.*)\)\s*$")
_PHRASE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)+\Z")
_ALLOWED = (ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.BinOp, ast.Add, ast.Sub, ast.Mult, ast.FloorDiv,
            ast.Mod, ast.UnaryOp, ast.USub, ast.Not, ast.Compare, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt,
            ast.GtE, ast.Name, ast.Load, ast.Constant)


class SayCase(Model):
    """One case of a rule set: said when its condition holds."""

    when: str | None = Field(default=None, alias="if")
    """Condition on the value, e.g. "n < 20" (no condition: always)."""
    say: list[str]
    """Phrase ids (with {expression} parts) and calls of rule sets, e.g. number(n // 1000)."""


class SayRuleSet(Model):
    range: tuple[int, int] | None = None
    """Smallest and largest value this rule set can say."""
    cases: list[SayCase]


class SayRules(Model):
    """A templates/say/<lang>.yaml file."""

    language: LangTag
    status: Literal["draft", "reviewed", "approved"] = "draft"
    """draft until a native speaker has confirmed the rules."""
    note: Text | None = None
    source: Text | None = None
    """Where the numeral system was taken from."""
    phrases: dict[str, Text] = Field(default_factory=dict)
    """Every word the rules say: phrase id → the text the announcer reads."""
    rules: dict[str, SayRuleSet] = Field(default_factory=dict)


class SayError(ValueError):
    """A value the rules cannot say; ``line`` is the rule file's line when known."""

    def __init__(self, message: str, line: int | None = None, code: str = "say.cannot"):
        super().__init__(message)
        self.message, self.line, self.code = message, line, code


@dataclass
class _Compiled:
    expr: ast.Expression | None  # condition
    parts: list[tuple[str, object, str]]  # ("call", (set, expr), raw) or ("phrase", [(text|expr)...], raw)
    line: int | None


@dataclass
class LoadedRules:
    """Say rules ready to use: the model, the file, and compiled cases with their lines."""

    model: SayRules
    path: Path
    compiled: dict[str, list[_Compiled]]
    lines: dict[str, int | None]

    @property
    def language(self) -> str:
        return self.model.language

    @property
    def status(self) -> str:
        return self.model.status

    def phrase_text(self, phrase_id: str) -> str | None:
        return self.model.phrases.get(phrase_id)

    # --- saying ------------------------------------------------------------------------------------------

    def say(self, rule: str, **values: int) -> list[str]:
        """Phrase ids that say ``values`` with the rule set ``rule``; SayError when they cannot."""
        if rule not in self.compiled:
            raise SayError(_("The say rules for {lang} have no rule set '{rule}'.").format(lang=self.language, rule=rule),
                           code="say.no-rule")
        out: list[str] = []
        self._say(rule, dict(values), out, [])
        return out

    def _say(self, rule: str, env: dict[str, int], out: list[str], stack: list[tuple[str, int]]) -> None:
        here = (rule, env.get("n", 0))
        if here in stack or len(stack) > MAX_DEPTH:
            chain = " → ".join(f"{r}({n})" for r, n in [*stack, here])
            raise SayError(_("The say rule '{rule}' loops: {chain}.").format(rule=rule, chain=chain),
                           line=self.lines.get(rule), code="say.loop")
        spec = self.model.rules[rule]
        n = env.get("n")
        if spec.range is not None and n is not None and not spec.range[0] <= n <= spec.range[1]:
            raise SayError(_("{value} is out of range for the say rule '{rule}' of {lang} ({low}–{high}).").format(
                value=n, rule=rule, lang=self.language, low=spec.range[0], high=spec.range[1]),
                line=self.lines.get(rule), code="say.range")
        for case in self.compiled[rule]:
            if case.expr is not None and not _eval(case.expr, env):
                continue
            for kind, body, raw in case.parts:
                if kind == "call":
                    target, expr = body
                    self._say(target, {**env, "n": int(_eval(expr, env))}, out, [*stack, here])
                else:
                    phrase = "".join(p if isinstance(p, str) else str(_eval(p, env)) for p in body)
                    if phrase not in self.model.phrases:
                        raise SayError(_("The say rule '{rule}' names the phrase '{phrase}', which is not under 'phrases:'.")
                                       .format(rule=rule, phrase=phrase), line=case.line, code="say.unknown-phrase")
                    out.append(phrase)
            return
        raise SayError(_("No case of the say rule '{rule}' of {lang} fits {value}.").format(
            rule=rule, lang=self.language, value=", ".join(f"{k}={v}" for k, v in env.items())),
            line=self.lines.get(rule), code="say.no-case")


def _eval(node, env: dict[str, int]) -> int:
    """Evaluate a checked expression tree (only the nodes in _ALLOWED reach here)."""
    if isinstance(node, ast.Expression):
        return _eval(node.body, env)
    if isinstance(node, ast.Constant):
        return int(node.value)
    if isinstance(node, ast.Name):
        if node.id not in env:
            raise SayError(_("The value '{name}' is not known here.").format(name=node.id), code="say.variable")
        return env[node.id]
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else int(not value)
    if isinstance(node, ast.BoolOp):
        values = (_eval(v, env) for v in node.values)
        return int(all(values)) if isinstance(node.op, ast.And) else int(any(values))
    if isinstance(node, ast.BinOp):
        a, b = _eval(node.left, env), _eval(node.right, env)
        if isinstance(node.op, (ast.FloorDiv, ast.Mod)) and b == 0:
            raise SayError(_("Division by zero in a say rule."), code="say.expression")
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b,
                ast.FloorDiv: a // b if b else 0, ast.Mod: a % b if b else 0}[type(node.op)]
    if isinstance(node, ast.Compare):
        left = _eval(node.left, env)
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, env)
            ok = {ast.Eq: left == right, ast.NotEq: left != right, ast.Lt: left < right, ast.LtE: left <= right,
                  ast.Gt: left > right, ast.GtE: left >= right}[type(op)]
            if not ok:
                return 0
            left = right
        return 1
    raise SayError(_("This is not allowed in a say rule."), code="say.expression")


def compile_expression(text: str) -> ast.Expression:
    """Parse and check an expression; ValueError (with the reason) when it is not allowed."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(_("'{text}' is not a valid expression ({reason}).").format(text=text, reason=exc.msg)) from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ValueError(_("'{text}' uses something not allowed in say rules (only whole numbers, the values "
                               "n, day, month, year, weekday, full, hour, minute, + - * // %, comparisons, and, or, not).")
                             .format(text=text))
        if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or not isinstance(node.value, int)):
            raise ValueError(_("'{text}' uses a value that is not a whole number.").format(text=text))
        if isinstance(node, ast.Name) and node.id not in VARIABLES:
            raise ValueError(_("'{text}' uses '{name}', which is not one of the values n, day, month, year, weekday, "
                               "full, hour, minute.").format(text=text, name=node.id))
    return tree


def _phrase_parts(raw: str) -> list:
    parts: list = []
    pos = 0
    for match in re.finditer(r"\{([^{}]*)\}", raw):
        if match.start() > pos:
            parts.append(raw[pos:match.start()])
        parts.append(compile_expression(match.group(1)))
        pos = match.end()
    if pos < len(raw):
        parts.append(raw[pos:])
    return parts


def load_rules_file(path: Path, problems: Problems) -> LoadedRules | None:
    """Load and check one say-rules file; every defect a Problem with file:line."""
    from ..workspace import load_yaml_model

    model, loaded = load_yaml_model(path, SayRules, problems)
    if model is None or loaded is None:
        return None
    pos = loaded.positions
    ok = True
    for phrase_id in model.phrases:
        if not _PHRASE_ID.match(phrase_id):
            ok = False
            problems.add(Problem(_("'{id}' is not a usable phrase id.").format(id=phrase_id), file=path,
                                 line=pos.key_of(("phrases", phrase_id))[0], field=f"phrases.{phrase_id}",
                                 expected=_("lowercase letters, digits and dashes, with a kind before a dot: n.5, w.tram"),
                                 code="say.phrase-id"))
    compiled: dict[str, list[_Compiled]] = {}
    lines: dict[str, int | None] = {}
    for name, spec in model.rules.items():
        lines[name] = pos.key_of(("rules", name))[0]
        cases: list[_Compiled] = []
        for i, case in enumerate(spec.cases):
            where = ("rules", name, "cases", i)
            line = pos.of(where)[0]
            expr = None
            if case.when is not None:
                try:
                    expr = compile_expression(case.when)
                except ValueError as exc:
                    ok = False
                    problems.add(Problem(str(exc), file=path, line=pos.of((*where, "if"))[0], field=f"rules.{name}.cases[{i}].if",
                                         code="say.expression"))
            parts: list[tuple[str, object, str]] = []
            for j, raw in enumerate(case.say):
                at = pos.of((*where, "say", j))[0]
                call = _CALL.match(raw)
                try:
                    if call:
                        if call.group(1) not in model.rules:
                            raise ValueError(_("'{raw}' calls the rule set '{rule}', which does not exist.").format(
                                raw=raw, rule=call.group(1)))
                        parts.append(("call", (call.group(1), compile_expression(call.group(2))), raw))
                    else:
                        body = _phrase_parts(raw.strip())
                        if all(isinstance(p, str) for p in body) and "".join(body) not in model.phrases:
                            raise ValueError(_("'{raw}' is not a phrase under 'phrases:'.").format(raw=raw))
                        parts.append(("phrase", body, raw))
                except ValueError as exc:
                    ok = False
                    problems.add(Problem(str(exc), file=path, line=at, field=f"rules.{name}.cases[{i}].say[{j}]",
                                         hint=_("Add the phrase under 'phrases:' or correct the name."), code="say.unknown"))
            cases.append(_Compiled(expr, parts, line))
        compiled[name] = cases
    if path.stem != model.language:
        problems.add(Problem(_("The file is named '{name}' but says 'language: {lang}'.").format(
            name=path.name, lang=model.language), file=path, line=pos.of(("language",))[0],
            hint=_("Name the file after its language, e.g. templates/say/hmn.yaml."), code="say.file-name"))
        ok = False
    return LoadedRules(model, path, compiled, lines) if ok else None


def load_all_rules(ws: "Workspace", problems: Problems | None = None) -> dict[str, LoadedRules]:
    """Every templates/say/*.yaml by language tag (cached on the workspace)."""
    key = "voice.say-rules"
    if key not in ws.cache:
        found = Problems()
        rules: dict[str, LoadedRules] = {}
        for path in ws.yaml_files(FOLDER):
            loaded = load_rules_file(path, found)
            if loaded is not None:
                rules[loaded.language] = loaded
        ws.cache[key] = (rules, list(found))
    rules, found = ws.cache[key]
    if problems is not None:
        problems.extend(found)
    return rules


def rules_for(ws: "Workspace", lang: str) -> LoadedRules | None:
    """The say rules of ``lang``, of its base language (blt-Latn → blt), or of the one variant of its base language
    that has rules (texts tagged hmn use hmn-x-rpa's rules when those are the only H'Mông rules)."""
    rules = load_all_rules(ws)
    found = rules.get(lang) or rules.get(langs.base_of(lang))
    if found is None:
        variants = [r for tag, r in rules.items() if langs.base_of(tag) == langs.base_of(lang)]
        found = variants[0] if len(variants) == 1 else None
    return found
