"""The checks as a registry (votes.checks): each a module that declares its codes and needs and
yields problems; the catalogue of codes built from the declarations."""

from __future__ import annotations

import inspect
import pkgutil
from collections import Counter

import pytest

from votes import checks, read, schema, sourced
from votes.checks import REGISTRY, catalogue
from votes.facts import COUNCIL, DRAFT_FACTS, MANIFEST, RECORDS
from votes.problems import ERROR, MISSHAPEN, UNREADABLE, WARNING, Code, Problem

DECLARING = [read, schema, *REGISTRY, sourced]


def test_every_module_of_the_package_is_in_the_registry_once():
    modules = {name for _, name, _ in pkgutil.iter_modules(checks.__path__)}
    assert sorted(check.__name__.rsplit(".", 1)[1] for check in REGISTRY) == sorted(modules)
    assert len(set(REGISTRY)) == len(REGISTRY)


@pytest.mark.parametrize("check", REGISTRY, ids=lambda c: c.__name__.rsplit(".", 1)[1])
def test_each_check_declares_its_name_codes_and_needs(check):
    assert isinstance(check.NAME, str) and check.NAME
    assert check.CODES and all(isinstance(code, Code) for code in check.CODES)
    assert set(check.NEEDS) <= {RECORDS, COUNCIL, MANIFEST, DRAFT_FACTS}
    assert list(inspect.signature(check.check).parameters) == ["facts"]
    assert inspect.isgeneratorfunction(check.check)


def test_each_code_is_declared_once():
    names = Counter(code.name for module in DECLARING for code in module.CODES)
    assert [name for name, count in names.items() if count > 1] == []
    assert list(catalogue()) == [code.name for module in DECLARING for code in module.CODES]


def test_a_code_declared_again_differently_is_refused():
    with pytest.raises(ValueError, match="declared twice"):
        Code("seed-uncovered", ERROR, "something else")


def test_the_catalogue_gives_each_problem_its_severity_and_what_it_stops():
    codes = catalogue()
    assert all(code.severity in (ERROR, WARNING) for code in codes.values())
    assert Problem("seed-uncovered", "m", "p").severity == WARNING
    assert "yaml-syntax" in UNREADABLE and "yaml-syntax" in MISSHAPEN
    assert "member-unknown" in MISSHAPEN and "member-unknown" not in UNREADABLE
    assert "status-mismatch" not in MISSHAPEN
    with pytest.raises(KeyError, match="not declared"):
        Problem("no-such-code", "m", "p").severity
