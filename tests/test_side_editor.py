"""The side editor (issue 13): add and rename sides, add an actor, move an actor, undo;
every change written to reconcile.toml at once and the folder analysed again."""

from __future__ import annotations

from dataclasses import replace

from conftest import write
from test_ui_support import _private_config, settle, sync  # noqa: F401
from tui.engine.text.casefile import (read_case, with_actor_moved, with_alias_split, with_side_added,
                                 with_side_renamed, write_case)
from tui.engine.text.loading import load_corpus
from tui.engine.model import Actor, Analysis, Case, Side
from tui.ui.app import ReconcileApp
from tui.ui.screens.side_editor import SideEditor

NORTH = Side("north", "North", (Actor("Harbour Ministry", ("the ministry",)),), inferred=True)
SOUTH = Side("south", "South", (Actor("Coast Embassy"),), inferred=True)


def test_case_edits_keep_ids_and_aliases(tmp_path):
    case = Case("Ship", (NORTH, SOUTH))
    case = with_side_added(case, "North")             # the name is taken as an id: a new one
    assert [s.id for s in case.sides] == ["north", "south", "north-2"]
    case = with_side_renamed(case, "north", "Northland")
    assert case.sides[0].name == "Northland" and case.sides[0].id == "north"
    ministry = NORTH.actors[0]
    case = with_actor_moved(case, ministry, "south")
    assert case.sides[0].actors == () and case.sides[1].actors[-1] == ministry  # aliases kept
    case = with_actor_moved(case, ministry, None)
    assert all(ministry not in s.actors for s in case.sides)
    spokesman = Actor("North", ("Northern", "Ann Spokes"))    # an inferred side's one actor
    split = with_alias_split(Case(None, (replace(NORTH, actors=(spokesman,)), SOUTH)),
                             spokesman, "Ann Spokes", "south")
    assert split.sides[0].actors == (Actor("North", ("Northern",)),)
    assert split.sides[1].actors[-1] == Actor("Ann Spokes")
    path = write_case(tmp_path, case)
    assert path.read_text().startswith("# reconcile.toml, drafted")
    assert read_case(tmp_path).sides == tuple(replace(s, inferred=False) for s in case.sides)
    before = path.read_bytes()
    write_case(tmp_path, with_side_renamed(case, "south", "Southland"))
    assert (tmp_path / "reconcile.toml.bak").read_bytes() == before    # the old file kept
    assert read_case(tmp_path).sides[1].name == "Southland"


@sync
async def test_the_side_editor_writes_the_case_file_and_undoes(tmp_path):
    write(tmp_path, "a.txt", "The Harbour Ministry said the ship was in its waters.\n")
    write(tmp_path, "b.txt", "The Coast Embassy said the ship never left open sea.\n")
    corpus = load_corpus(tmp_path)
    inferred = replace(corpus, case=replace(corpus.case, sides=(NORTH, SOUTH)))
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=Analysis(inferred))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert isinstance(app.screen, SideEditor)
        assert not (tmp_path / "reconcile.toml").exists()     # nothing written by opening it
        await pilot.press("down", "2")                       # the ministry -> side 2
        await settle(pilot)
        case = read_case(tmp_path)
        assert [a.name for a in case.sides[1].actors] == ["Coast Embassy", "Harbour Ministry"]
        assert case.sides[1].actors[1].aliases == ("the ministry",)
        await pilot.press("a", *"Observers", "enter")           # a third side
        await settle(pilot)
        await pilot.press("n", *"Port Authority", "enter")      # an actor on it
        await settle(pilot)
        await pilot.press("r", *"Watchers", "enter")  # renamed
        await settle(pilot)
        case = read_case(tmp_path)
        assert [(s.id, s.name) for s in case.sides][2] == ("observers", "Watchers")
        assert [a.name for a in case.sides[2].actors] == ["Port Authority"]
        assert [s.name for s in app.corpus.sides] == ["North", "South", "Watchers"]  # read again
        await pilot.press("u", "u")                             # rename and new actor undone
        await settle(pilot)
        case = read_case(tmp_path)
        assert [(s.name, len(s.actors)) for s in case.sides][2] == ("Observers", 0)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SideEditor)


@sync
async def test_the_bundled_sample_is_never_edited():
    from tui.resources import bundled_seeds

    app = ReconcileApp(load_corpus(bundled_seeds()), theme_name="dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert not isinstance(app.screen, SideEditor)
        assert "bundled sample" in " ".join(str(n.message) for n in app._notifications)
