"""--diff: the same hunks as difflib, and output that applies with patch."""

import difflib
import io
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.report.diff import StreamingDiff


def streamed(old_lines, new_lines, context=3):
    out = io.BytesIO()
    diff = StreamingDiff(out, "f", context=context)
    for number, (old, new) in enumerate(zip(old_lines, new_lines, strict=True), 1):
        diff.line(number, old.encode() + b"\n", None if old == new else new.encode() + b"\n")
    diff.close()
    return out.getvalue().decode()


def oracle(old_lines, new_lines, context=3):
    lines = difflib.unified_diff([line + "\n" for line in old_lines],
                                 [line + "\n" for line in new_lines], "f", "f", n=context)
    return "".join(lines)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.booleans(), max_size=40), st.integers(min_value=0, max_value=4))
def test_hunks_equal_difflibs(changed, context):
    old = [f"line {i}" for i in range(len(changed))]
    new = [f"LINE {i}" if flag else line for i, (line, flag) in enumerate(zip(old, changed, strict=True))]
    assert streamed(old, new, context) == oracle(old, new, context)


@pytest.mark.parametrize(
    ("gap", "hunks"), [(6, 1), (7, 2)],  # exactly 2 x context apart: one hunk, as difflib
)
def test_hunks_2x_context_apart_merge(gap, hunks):
    old = [f"l{i}" for i in range(gap + 2)]
    new = ["X", *old[1:-1], "Y"]
    assert streamed(old, new).count("@@ -") == hunks


def test_a_one_line_hunk_has_no_count():
    assert "@@ -1 +1 @@" in streamed(["a"], ["b"])


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
@pytest.mark.parametrize(
    "data",
    [b"ok\r\nThe caf\xc3\x83\xc2\xa9  is open.  \r\nlast\r\nThe caf\xc3\x83\xc2\xa9",  # CRLF, no final
     b"a\nThe caf\xc3\x83\xc2\xa9 \n" + b"x\n" * 10 + b"caf\xc3\x83\xc2\xa9\n",
     b"only caf\xc3\x83\xc2\xa9 "],
)
def test_the_diff_applies_with_patch(invoke, tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    expected = invoke(["clean", str(path)]).stdout_bytes
    diff = invoke(["clean", "--diff", str(path)]).stdout_bytes
    patch = tmp_path / "d.patch"
    patch.write_bytes(diff)
    subprocess.run(["patch", "-s", str(path), str(patch)], check=True, capture_output=True)
    assert path.read_bytes() == expected != data
