"""The linguists' guide's examples do what the guide says (issue 30)."""

import re
from pathlib import Path

GUIDE = (Path(__file__).parents[2] / "rules" / "README.md").read_text(encoding="utf-8")


def _toml_blocks(heading: str) -> list[str]:
    section = GUIDE[GUIDE.index(heading):]
    following = re.search(r"\n#{2,3} ", section[len(heading):])
    section = section[:len(heading) + following.start()] if following else section
    return re.findall(r"```toml\n(.*?)```", section, re.DOTALL)


def test_the_worked_example_adds_to_a_folder_of_your_own(invoke, tmp_path):
    (block,) = _toml_blocks("## A worked example")
    folder = tmp_path / "my-rules"
    assert invoke(["rules", "init", str(folder)]).exit_code == 0
    names = folder / "names.toml"
    names.write_text(names.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    assert invoke(["rules", "check", str(folder)]).exit_code == 0
    tested = invoke(["rules", "test", str(folder)])
    assert tested.exit_code == 0 and " 0 failed" in tested.output, tested.output
    cleaned = invoke(["clean", "--rules", str(folder), "--lang", "en"],
                     input=b"Talks in Suchumi resumed.\n")
    assert cleaned.stdout_bytes == b"Talks in Sukhumi resumed.\n"


def test_the_worked_example_leaves_the_packaged_rules_alone():
    section = GUIDE[GUIDE.index("## A worked example"):]
    assert "rules init" in section and "Open `names.toml`" not in section


def test_the_two_marks_example_passes_its_own_tests(invoke, tmp_path):
    (block,) = _toml_blocks("### A leftover whose words vary")
    (tmp_path / "notes.toml").write_text(block, encoding="utf-8")
    tested = invoke(["rules", "test", "--no-default-rules", str(tmp_path)])
    assert tested.exit_code == 0 and "2 passed, 0 failed" in tested.output, tested.output
