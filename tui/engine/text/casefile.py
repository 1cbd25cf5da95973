"""Read and write a corpus's case file, `reconcile.toml`.

The case file is where names live: the sides, their actors and aliases, article
metadata and pinned facts.  Code never names actors; it reads them from here.
Errors carry the file, line and column so the user can fix the file at once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..model import Actor, ArticleMeta, Case, PinnedFact, Side
from ..tomlcompat import parse, tomllib

CASE_FILE = "reconcile.toml"
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


class CaseFileError(ValueError):
    """A case file that cannot be used; str() is a one-line message for users."""

    def __init__(self, path: Path, line: int, column: int, problem: str) -> None:
        self.path, self.line, self.column, self.problem = path, line, column, problem
        super().__init__(f"{path}:{line}:{column}: {problem}")


def read_case(folder: Path) -> Case:
    """The case file of `folder`, or an empty Case when there is none."""
    path = folder / CASE_FILE
    if not path.is_file():
        return Case()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseFileError(path, 1, 1, f"cannot read ({exc.strerror or exc})") from None
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        data = parse(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = _position(str(exc))
        raise CaseFileError(path, line, col, _AT.sub("", str(exc)).strip()) from None
    return _build(data, path, text)


def _position(message: str) -> tuple[int, int]:
    match = _AT.search(message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _locate(text: str, key: str, nth: int = 0) -> tuple[int, int]:
    """Line and column of the nth `key =` or `[[key]]` in the TOML text."""
    pattern = re.compile(rf"^\s*(\[\[\s*{re.escape(key)}\s*\]\]|{re.escape(key)}\s*=)", re.M)
    found = list(pattern.finditer(text))
    if not found:
        return 1, 1
    match = found[min(nth, len(found) - 1)]
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return line, column + len(match.group(0)) - len(match.group(0).lstrip())


class _Checker:
    """Type checks that raise CaseFileError pointing at the offending key."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, key: str, problem: str, nth: int = 0) -> CaseFileError:
        line, col = _locate(self.text, key, nth)
        return CaseFileError(self.path, line, col, problem)

    def string(self, table: dict, key: str, where: str, nth: int = 0,
               required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(where, f"{where} needs '{key}'", nth)
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"'{key}' in {where} must be a non-empty string", nth)
        return value.strip()

    def strings(self, table: dict, key: str, where: str, nth: int = 0) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, f"'{key}' in {where} must be a list of strings", nth)
        return tuple(v.strip() for v in value)

    def tables(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, f"'{key}' must be an array of tables ([[{key}]])")
        return value


def _build(data: dict[str, Any], path: Path, text: str) -> Case:
    check = _Checker(path, text)
    known = {"title", "sides", "articles", "facts"}
    for key in data:
        if key not in known:
            raise check.fail(key, f"unknown key '{key}' (expected one of {', '.join(sorted(known))})")
    sides = tuple(_side(check, t, i) for i, t in enumerate(check.tables(data, "sides")))
    ids = [s.id for s in sides]
    for i, side_id in enumerate(ids):
        if ids.index(side_id) != i:
            raise check.fail("sides", f"side id '{side_id}' is used twice", i)
    _one_side_each(check, sides)
    articles = tuple(
        ArticleMeta(
            file=check.string(t, "file", "[[articles]]", i, required=True) or "",
            title=check.string(t, "title", "[[articles]]", i),
            outlet=check.string(t, "outlet", "[[articles]]", i),
            date=_date(check, t, i),
            url=check.string(t, "url", "[[articles]]", i),
        )
        for i, t in enumerate(check.tables(data, "articles"))
    )
    pinned = tuple(
        PinnedFact(
            title=check.string(t, "title", "[[facts]]", i, required=True) or "",
            terms=check.strings(t, "terms", "[[facts]]", i),
        )
        for i, t in enumerate(check.tables(data, "facts"))
    )
    return Case(check.string(data, "title", "the case file"), sides, articles, pinned, path)


def _one_side_each(check: _Checker, sides: tuple[Side, ...]) -> None:
    """An actor (or alias) under two sides would be given to whichever is read first."""
    owner: dict[str, str] = {}
    for nth, side in enumerate(sides):
        for actor in side.actors:
            for name in (actor.name, *actor.aliases):
                other = owner.setdefault(name.casefold(), side.id)
                if other != side.id:
                    raise check.fail("actors", f"'{name}' is listed under both sides '{other}' and "
                                               f"'{side.id}'", nth)


def _date(check: _Checker, table: dict, nth: int) -> str | None:
    value = table.get("date")
    if value is None or isinstance(value, str):
        return check.string(table, "date", "[[articles]]", nth)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise check.fail("date", "'date' must be a date (2023-03-15) or a string", nth)


def _side(check: _Checker, table: dict, nth: int) -> Side:
    side_id = check.string(table, "id", "[[sides]]", nth, required=True) or ""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", side_id):
        raise check.fail("id", f"side id '{side_id}' may hold only letters, digits, - and _", nth)
    name = check.string(table, "name", "[[sides]]", nth) or side_id
    actors: list[Actor] = []
    for item in table.get("actors", []):
        if isinstance(item, str) and item.strip():
            actors.append(Actor(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            aliases = check.strings(item, "aliases", "an actor", nth)
            actors.append(Actor(item["name"].strip(), aliases))
        else:
            raise check.fail("actors", "each actor is a name or {name = ..., aliases = [...]}", nth)
    return Side(side_id, name, tuple(actors))


def case_to_toml(case: Case) -> dict[str, Any]:
    """The case as a TOML-ready dict (used when the user corrects sides)."""
    out: dict[str, Any] = {}
    if case.title:
        out["title"] = case.title
    out["sides"] = [
        {"id": s.id, "name": s.name,
         "actors": [a.name if not a.aliases else {"name": a.name, "aliases": list(a.aliases)}
                    for a in s.actors]}
        for s in case.sides
    ]
    if case.articles:
        out["articles"] = [
            {k: v for k, v in (("file", m.file), ("title", m.title), ("outlet", m.outlet),
                               ("date", m.date), ("url", m.url)) if v}
            for m in case.articles
        ]
    if case.pinned:
        out["facts"] = [{"title": p.title, "terms": list(p.terms)} for p in case.pinned]
    return out


DRAFT_HEADER = """\
# reconcile.toml, drafted by reconcile from the sides it inferred from the articles.
# Check each side's name and actors (people and bodies whose statements are that side's),
# add aliases ("Austin" for "Lloyd Austin"), then reopen the folder.  Format: reconcile's
# docs/corpus.md, "The case file".
"""



# --------------------------------------------------------------------------
# The reader's side editor: each change is a new Case, written whole.


def with_side_added(case: Case, name: str) -> Case:
    """`case` with a new, empty side called `name` (its id made from the name, unique)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:24] or "side"
    taken = {s.id for s in case.sides}
    side_id = next(c for c in (base, *(f"{base}-{n}" for n in range(2, 100))) if c not in taken)
    return replace(case, sides=(*case.sides, Side(side_id, name.strip() or side_id)))


def with_side_renamed(case: Case, side_id: str, name: str) -> Case:
    """`case` with side `side_id` shown as `name` (its id, which notes refer to, kept)."""
    return replace(case, sides=tuple(replace(s, name=name.strip() or s.name) if s.id == side_id
                                     else s for s in case.sides))


def with_actor_moved(case: Case, actor: Actor, side_id: str | None) -> Case:
    """`case` with `actor` (and its aliases) on side `side_id` only; None: on no side."""
    sides = []
    for side in case.sides:
        kept = tuple(a for a in side.actors if a.name != actor.name)
        sides.append(replace(side, actors=(*kept, actor) if side.id == side_id else kept))
    return replace(case, sides=tuple(sides))


def with_alias_split(case: Case, actor: Actor, alias: str, side_id: str | None) -> Case:
    """`case` with `alias` taken from `actor` and made an actor of its own on `side_id`:
    an inferred side is one actor whose aliases are the speakers found, and moving one
    speaker must not move the rest."""
    trimmed = replace(actor, aliases=tuple(a for a in actor.aliases if a != alias))
    sides = tuple(replace(s, actors=tuple(trimmed if a == actor else a for a in s.actors))
                  for s in case.sides)
    return with_actor_moved(replace(case, sides=sides), Actor(alias), side_id)


def write_case(folder: Path, case: Case) -> Path:
    """Write `case` as the folder's reconcile.toml, atomically; an existing file is kept
    as reconcile.toml.bak (its comments are not carried over), a new one gets the draft's
    header explaining what to check."""
    import tomli_w

    from ..atomic import write_atomic

    path = folder / CASE_FILE
    header = "" if path.exists() else DRAFT_HEADER
    sides = tuple(replace(side, inferred=False) for side in case.sides)
    text = header + tomli_w.dumps(case_to_toml(replace(case, sides=sides)))
    write_atomic(path, text.encode("utf-8"), keep_backup=True)
    return path
