"""``check --format junit``: JUnit XML valid against the schema CI test reports follow."""

from pathlib import Path
from xml.etree import ElementTree

import pytest

xmlschema = pytest.importorskip("xmlschema")  # in the test extra
SCHEMA = xmlschema.XMLSchema(str(Path(__file__).parent / "data" / "junit" / "junit.xsd"))
DAMAGED = "The cafÃ©  is open.\nThe the Latchine road is \x01open.\n".encode()


@pytest.fixture(autouse=True)
def no_config_upward(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def junit(invoke, data, *paths):
    result = invoke(["check", "--format", "junit", *paths], input=data)
    return result.stdout, result.exit_code


def test_one_failing_case_per_finding_valid_against_the_schema(invoke, tmp_path):
    (tmp_path / "b.txt").write_bytes(DAMAGED)
    (tmp_path / "c.txt").write_bytes(b"The the road.\n")
    xml, code = junit(invoke, None, "b.txt", "c.txt")
    SCHEMA.validate(xml)
    root = ElementTree.fromstring(xml)
    assert code == 1 and (root.get("tests"), root.get("failures")) == ("6", "6")
    suites = {suite.get("name"): suite for suite in root}
    assert list(suites) == ["b.txt", "c.txt"]
    (case,) = suites["c.txt"]
    assert (case.get("classname"), case.get("name"), case.get("line")) == (
        "c.txt", "repeated-word at 1:1", "1")
    assert case.find("failure").get("type") == "warning"
    # a control character XML cannot hold is shown, as every output shows it
    assert suites["b.txt"][-1].find("failure").get("message") == "'\\x01' → ''"


def test_no_findings_is_one_passing_case(invoke):
    xml, code = junit(invoke, b"A road.\n")
    SCHEMA.validate(xml)
    root = ElementTree.fromstring(xml)
    assert code == 0 and (root.get("tests"), root.get("failures")) == ("1", "0")
    assert [case.get("name") for case in root.iter("testcase")] == ["no findings"]


def test_the_same_input_gives_the_same_bytes(invoke):
    assert junit(invoke, DAMAGED) == junit(invoke, DAMAGED)


def test_the_schema_refuses_what_ci_readers_cannot_take():
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        SCHEMA.validate('<testsuites><testsuite name="a" tests="1" failures="1" errors="0">'
                        '<testcase classname="a"><failure/></testcase></testsuite></testsuites>')
