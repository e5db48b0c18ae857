"""The JSON Schemas editors use, and the loader, read the same field specs and agree.

The committed schemas under votes/schemas/ are what `votes.fields.json_schema` generates
(VOTES_REGEN_GOLDEN=1 rewrites them); the shipped data files (tests/fixtures/project/) name them
in their first line and validate against them; and files the loader rejects for their shape, the
schemas reject too.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import PROJECT, REGEN, ROOT
from votes import load_project
from votes.fields import SCHEMAS, json_schema
from votes.read import parse_yaml

SCHEMA_DIR = ROOT / "votes" / "schemas"
DATA = {"resolutions.schema.json": PROJECT / "data" / "resolutions.yaml",
        "council.schema.json": PROJECT / "data" / "council.yaml"}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def as_editor_reads(node):
    """A YAML tree as an editor's YAML 1.2 (core schema) reader sees it: `no` stays text, 11 is a number."""
    if node.kind == "map":
        return {key: as_editor_reads(value) for key, (_, value) in node.value.items()}
    if node.kind == "seq":
        return [as_editor_reads(item) for item in node.value]
    if not node.plain:
        return node.value
    text = node.value
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def load(path: Path):
    return as_editor_reads(parse_yaml(path.read_text(encoding="utf-8"), path.name))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schemas_are_the_generated_ones(name):
    title, spec = SCHEMAS[name]
    text = json.dumps(json_schema(spec, title), indent=2, ensure_ascii=False) + "\n"
    path = SCHEMA_DIR / name
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path} is stale; run with VOTES_REGEN_GOLDEN=1"
    jsonschema.Draft7Validator.check_schema(json.loads(text))


@pytest.mark.parametrize("name", sorted(DATA))
def test_shipped_files_name_their_schema_and_validate_against_it(name):
    path = DATA[name]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../votes/schemas/{name}"
    # from a project's data/ folder in the repository, where the shipped files stand, the line leads to the schema
    assert posixpath.normpath(posixpath.join("data", first.split("=", 1)[1])) == f"votes/schemas/{name}"
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.validate(load(path), schema)


# Each case breaks the shipped records (or council) the way a typist would; the loader says which
# shape problem it is, and the editor's schema must refuse the file too.
BROKEN = [
    ("resolutions", "    status: vetoed\n", "    status: Vetoed\n", "value-invalid"),
    ("resolutions", "    status: vetoed\n", "    staus: vetoed\n", "field-unknown"),
    ("resolutions", "    date: 2016-10-08\n", "    date: 8 October 2016\n", "date-invalid"),
    ("resolutions", "      RUS: no\n", "      rus: no\n", "member-code-invalid"),
    ("resolutions", "      CHN: abstain\n", "      CHN: abstained\n", "value-invalid"),
    ("resolutions", "  - id: fr-es-aleppo-2016-10\n", "  - id: FR-ES-Aleppo\n", "id-invalid"),
    ("resolutions", "    tally: {yes: 11, no: 2, abstain: 2}\n", "    tally: {yes: eleven, no: 2, abstain: 2}\n",
     "field-type"),
    ("resolutions", "    tally: {yes: 11, no: 2, abstain: 2}\n", "    tally: {yes: 11, no: 2, abstention: 2}\n",
     "field-unknown"),
    ("resolutions", "    title: French-Spanish draft demanding an end to air strikes and military flights over "
     "Aleppo\n", "", "field-missing"),
    ("resolutions", "        supports: [drafted_by]\n", "        supports: drafted_by\n", "field-type"),
    ("resolutions", "    drafted_by: [FRA, ESP]\n", "    drafted_by: [FRA, ESP, FRA]\n", "value-invalid"),
    ("resolutions", "        supports: [symbol, meeting, date]\n",
     "        seed: 000_d17f4b8d1948d0a3.txt\n        supports: [symbol, meeting, date]\n", "field-unknown"),
    ("resolutions", "    reason: a national parliament, not the Council\n", "", "field-missing"),
    ("council", "    permanent: true\n", "    permanent: yes\n", "field-type"),
    ("council", "    name: China\n", "    name: China\n    flag: red\n", "field-unknown"),
    ("council", "  2016: [CHN,", "  '16': [CHN,", "field-type"),
    ("council", "    - GBR: 1973 to 2020-01-31\n", "    - GBR: 1973 til 2020\n", "value-invalid"),
    ("council", "    - GBR: 1973 to 2020-01-31\n", "    - {GBR: 1973, BEL: 1958}\n", "field-type"),
]


@pytest.mark.parametrize("which, old, new, code", BROKEN, ids=[f"{c[3]}:{c[2].strip()[:30]}" for c in BROKEN])
def test_what_the_loader_refuses_the_schema_refuses(shipped_copy, which, old, new, code):
    path = shipped_copy / "data" / f"{which}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert code in [p.code for p in load_project().problems]
    schema = json.loads((SCHEMA_DIR / f"{which}.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(load(path), schema)
