"""The README and docs/ stay true: every link leads somewhere, every page is in the index, and every `oms`
command and `make` target they show exists with the options shown."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from oms.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE_SPAN = re.compile(r"`([^`]+)`")
FENCE = re.compile(r"```(?:sh|bash|console)?\n(.*?)```", re.S)


def shown_commands(text: str) -> list[str]:
    """`oms …` as the page writes it: in code spans and on the lines of shell blocks."""
    found = [span for span in CODE_SPAN.findall(text) if span.startswith("oms ")]
    for block in FENCE.findall(text):
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip()
            line = line.removeprefix(".venv/bin/")
            if line.startswith("oms "):
                found.append(line)
    return found


def options_of(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of a subcommand, its nested subcommands included."""
    options: set[str] = set()
    for action in parser._actions:
        options.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                options |= options_of(nested)
    return options


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = [
        target
        for target in LINK.findall(text)
        if not re.match(r"[a-z]+:", target) and not target.startswith("#")
        if not (page.parent / target.split("#", 1)[0]).exists()
    ]
    assert broken == []


def test_the_index_lists_every_page_and_the_readme_leads_to_it() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    linked = set(LINK.findall(index))
    assert {p.name for p in DOCS.glob("*.md") if p.name != "index.md"} <= linked
    assert "docs/index.md" in LINK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_oms_command_shown_exists_with_its_options(page: Path) -> None:
    commands = subcommands()
    wrong = []
    for shown in shown_commands(page.read_text(encoding="utf-8")):
        words = [w for w in shown.replace("\\|", "|").split()[1:] if w not in ("-v", "--verbose")]
        if not words:
            continue
        names = [n.strip("[]") for n in words[0].split("|")]
        for name in names:
            if name not in commands:
                wrong.append(f"{shown}: no subcommand {name!r}")
                continue
            known = options_of(commands[name])
            for word in words[1:]:
                option = re.match(r"\[?(--[a-z][a-z0-9-]*)", word)
                if option and option.group(1) not in known:
                    wrong.append(f"{shown}: `oms {name}` has no {option.group(1)}")
    assert wrong == []


def test_the_pages_show_oms_commands_at_all() -> None:
    # the check above would pass on pages that lost their commands; the command-line page lists them all
    shown = shown_commands((DOCS / "command-line.md").read_text(encoding="utf-8"))
    named = {name for s in shown for name in s.replace("\\|", "|").split()[1].split("|")}
    assert set(subcommands()) <= named


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_make_target_shown_exists(page: Path) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"(?m)^([a-z][a-z-]*):", makefile))
    text = page.read_text(encoding="utf-8")
    shown = {m for span in CODE_SPAN.findall(text) for m in re.findall(r"^make ([a-z-]+)", span)}
    for block in FENCE.findall(text):
        shown |= set(re.findall(r"(?m)^make ([a-z-]+)", block))
    assert shown - targets == set()
