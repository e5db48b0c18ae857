"""Checks run in a child process beside the others (votes.validate.run_checks) find what they find
when every check runs here, in the registry's order."""

from __future__ import annotations

import importlib
import os
import types

import pytest

from test_read_ahead import _generate
from votes import forking
from votes.checks import REGISTRY, identity
from votes.problems import Problem

validate_module = importlib.import_module("votes.validate")  # the module: `votes.validate` names the function

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="checks run side by side in a forked child")


def _problems(project, monkeypatch, parallel: bool) -> list[str]:
    monkeypatch.setattr(validate_module, "SIDE_BY_SIDE_FROM", 1 if parallel else 10**9)
    monkeypatch.setattr(forking, "side_by_side", lambda: True)  # whatever the load of the machine
    return [p.to_line() for p in validate_module.validate(project).problems]


def _cite_another_drafts_quote(project) -> None:
    """Draft 0 cites, for its votes, a sentence of draft 1 (which names draft 1): evidence-other-draft."""
    def for_votes(draft):
        return next(ev for ev in draft.evidence
                    if ev.seed is not None and any(p.startswith("votes.") for p in ev.supports))

    first, second = project.records.drafts[:2]
    mine, theirs = for_votes(first), for_votes(second)
    mine.seed, mine.quote = theirs.seed, theirs.quote


def test_identity_is_the_check_set_aside():
    assert identity.SIDE_BY_SIDE is True
    assert [check for check in REGISTRY if getattr(check, "SIDE_BY_SIDE", False)] == [identity]


def test_checks_side_by_side_find_the_same_problems(tmp_path, monkeypatch):
    project = _generate(tmp_path / "a", drafts=60, articles=6, seed=7)
    _cite_another_drafts_quote(project)
    one_by_one = _problems(project, monkeypatch, parallel=False)
    assert any("evidence-other-draft" in line for line in one_by_one)
    assert _problems(project, monkeypatch, parallel=True) == one_by_one


def _pid_check(name: str, side_by_side: bool):
    """A check that says which process ran it."""
    def check(facts):
        yield Problem("evidence-shared", f"{name} ran in {os.getpid()}", "data/resolutions.yaml", 1, 1)

    return types.SimpleNamespace(NAME=name, NEEDS=(), CODES=(), SIDE_BY_SIDE=side_by_side, check=check)


def test_a_check_set_aside_runs_in_a_child_and_keeps_its_place(shipped_project, monkeypatch):
    monkeypatch.setattr(validate_module, "SIDE_BY_SIDE_FROM", 1)
    checks = [_pid_check("first", False), _pid_check("aside", True), _pid_check("last", False)]
    facts = types.SimpleNamespace(drafts={"a": None})
    found = validate_module.run_checks(checks, facts, parallel=True)
    assert [problems[0].message.split()[0] for problems in found] == ["first", "aside", "last"]
    pids = [int(problems[0].message.split()[-1]) for problems in found]
    assert pids[0] == pids[2] == os.getpid() != pids[1]


def test_a_failed_child_leaves_the_check_to_run_here(monkeypatch):
    monkeypatch.setattr(validate_module, "SIDE_BY_SIDE_FROM", 1)
    monkeypatch.setattr(forking, "fork_job", lambda job: None)  # the fork fails
    checks = [_pid_check("aside", True), _pid_check("here", False)]
    found = validate_module.run_checks(checks, types.SimpleNamespace(drafts={"a": None}), parallel=True)
    assert [int(problems[0].message.split()[-1]) for problems in found] == [os.getpid(), os.getpid()]


def test_few_drafts_run_every_check_here(monkeypatch):
    checks = [_pid_check("aside", True)]
    found = validate_module.run_checks(checks, types.SimpleNamespace(drafts={"a": None}), parallel=True)
    assert int(found[0][0].message.split()[-1]) == os.getpid()
