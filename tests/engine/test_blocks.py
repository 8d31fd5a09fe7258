"""The screened path gives exactly what cleaning every line gives (issue 12, point 1).

Blocks of whole line groups are screened once; lines with no hit go out as
the bytes that came in.  Here every document is cleaned twice, screened and
line by line, with small groups and blocks so that paragraphs, groups and
blocks end everywhere, and the output, the report and the statistics must
be the same bytes.
"""

import io
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus_tools.engine import blocks, work
from corpus_tools.engine.blocks import Passed, count_lines
from corpus_tools.engine.runner import Runner, RunOptions
from corpus_tools.language import units
from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.stream.blocks import count_raw_lines
from corpus_tools.stream.formats import TextFormat

_TEXT = st.sampled_from([
    "The cafÃ©  is open.", "Latchine road", "Latchine", "plain", "", "   ", "\t", "Аzerbaijan",
    "the convoy\u00a0left", "trailing ", "TO DO.", "Le corridor de Latchine est fermé.",
    "bad \udcff\udcfe byte", "Baku\u055bs view", "x\u2028y", "She said “yes” – and left…",
    "Azerbaijanâ€™s", "Ереван и Латчин", "LATCHINE ROAD", "\ufeffinner bom", "a\u200bb",
    "It\u2019s calm.", "Pаshinyan met Aliyev.", "»«", "Latchine\tStreet", "caf\u00e9",
    # Mojibake only span repair's pairs see, some of them at a line's end.
    "Õ€Õ¸Õ¤Õ¾Õ¡Õ® 28", "MaddÉ™", "ЯндекÑ.Директ", "слово СЏ", "РџСЂРёРІРµС‚", "Ã\ufffd",
])
_ENDING = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def documents(draw):
    lines = draw(st.lists(st.tuples(_TEXT, _ENDING), min_size=0, max_size=40))
    data = "".join(text + ending for text, ending in lines).encode("utf-8", "surrogateescape")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.booleans()) and data.endswith(b"\n"):
        data = data[:-1]  # no final ending
    return data


CONFIGS = {
    "identified": dict(languages=("en", "fr", "ru")),
    "--lang en": dict(lang="en"),
    "line units": dict(languages=("en", "fr", "ru"), lang_unit="line"),
}


def _run(tmp_path, data, config, screened, steps=None, jobs=1):
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    name = f"{'screened' if screened else 'lines'}{jobs}"
    out, report = tmp_path / f"{name}.txt", tmp_path / f"{name}.jsonl"
    stderr = io.StringIO()
    runner = Runner(Pipeline(steps, CleanConfig(**config)),
                    RunOptions(output=str(out), report=str(report), stats=True, jobs=jobs,
                               chunk_bytes=30), stderr=stderr)
    if screened:
        with mock.patch("corpus_tools.engine.blocks.clean_block", wraps=blocks.clean_block) as spy:
            runner.run([str(source)])
        assert spy.called == (bool(data) and jobs == 1)  # the screened path did the work
    else:
        with mock.patch.object(Runner, "_screen", lambda self: None):
            runner.run([str(source)])
    return out.read_bytes(), report.read_bytes(), stderr.getvalue()


@pytest.fixture
def small_groups(monkeypatch):
    """Groups of 3 lines and a head of 40 bytes, so that one document spans many blocks."""
    monkeypatch.setattr(units, "PARAGRAPH_LINES", 3)
    monkeypatch.setattr(blocks, "HEAD_BYTES", 40)
    monkeypatch.setattr(work, "HEAD_BYTES", 40)


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=documents())
# A BOM made the first block 3 bytes short of the head: facts were decided without its last line.
@example(data=b"\xef\xbb\xbf\n\n   \n   \nLATCHINE ROAD\nLatchine road\nLatchine\tStreet\n")
def test_screened_blocks_give_what_every_line_gives(tmp_path, small_groups, config, data):
    assert _run(tmp_path, data, config, True) == _run(tmp_path, data, config, False)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=documents(), steps=st.sampled_from([["normalize-space"], ["unify-names"],
                                                ["fix-encoding"], ["fix-encoding", "fix-scripts"]]))
def test_each_steps_screen_alone(tmp_path, small_groups, data, steps):
    config = CONFIGS["identified"]
    assert (_run(tmp_path, data, config, True, steps)
            == _run(tmp_path, data, config, False, steps))


def test_blocks_in_two_workers(tmp_path, small_groups):
    data = "".join(f"Line {i} on the Latchine road.\n" + ("\n" if i % 4 == 0 else "")
                   + ("The cafÃ©  opened.\r\n" if i % 7 == 0 else "") for i in range(60)).encode()
    config = CONFIGS["identified"]
    assert _run(tmp_path, data, config, True, jobs=2) == _run(tmp_path, data, config, False)


def test_lines_no_step_can_change_are_passed_as_bytes():
    data = "Calm line.\r\nThe cafÃ© opened.\n".encode() + b"bad \xff byte\n"
    pipeline = Pipeline(["normalize-space"])
    screen = blocks.BlockScreen.of(pipeline.steps)
    pieces = list(blocks.clean_block(pipeline, screen, blocks.Block(data, 1, False, 3), {}, "in",
                                     TextFormat()))
    assert [type(piece) for piece in pieces] == [Passed]
    assert pieces[0].raw == data and pieces[0].lines == 3


@pytest.mark.parametrize(("text", "lines"), [
    ("", 0), ("a", 1), ("a\n", 1), ("a\r\n", 1), ("a\rb", 2), ("a\r\r\n\n", 3), ("\n\n", 2),
])
def test_count_lines(text, lines):
    assert count_lines(text, "\r" in text) == lines == count_raw_lines(text.encode())


def test_a_step_that_cannot_say_what_it_acts_on_turns_the_screen_off():
    pipeline = Pipeline(["normalize-space", "foreign-sentences"])
    assert blocks.BlockScreen.of(pipeline.steps) is None


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=documents())
def test_a_lines_paragraph_in_a_block_is_the_one_paragraphs_cuts(small_groups, data):
    from corpus_tools.engine.screen import line_end
    from corpus_tools.stream.lines import decode, split_lines
    from corpus_tools.stream.records import parse_lines

    expected = {line.number: paragraph.text for line, paragraph in units.paragraphs(
        parse_lines(split_lines(io.BytesIO(data)), TextFormat(), "in"))}
    text, number, start = decode(data), 1, 0
    found = blocks._Paragraphs(text, "\r" in text, data.startswith(b"\xef\xbb\xbf"))
    while start < len(text):
        assert found.text(start, number) == expected[number]
        start, number = line_end(text, start, "\r" in text)[1], number + 1
    assert number - 1 == len(expected)


@pytest.mark.parametrize(("alternatives", "text", "hit"), [
    (["TODO", "TBD"], "a TBD b", True),
    (["TODO", "TBD"], "a TXD b", False),
    (["a+b", "ac"], "aaab", True),   # a quantified first letter is not grouped
    (["x|y", "xz"], "y", True),      # nor an alternative with its own |
    (["Ab", "Ş[ae]"], "Şe", True),
])
def test_alternatives_grouped_by_first_letter_find_what_each_finds(alternatives, text, hit):
    from corpus_tools.engine.screen import Screen
    screen = blocks.BlockScreen([Screen(patterns=tuple(alternatives))])
    assert (screen.hit_lines(text) == [0]) == hit


def _diff_and_check(tmp_path, data, screened, capsysbinary):
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    outputs = []
    for mode in ("diff", "check"):
        stderr = io.StringIO()
        runner = Runner(Pipeline(config=CleanConfig(languages=("en", "fr"))),
                        RunOptions(mode=mode, chunk_bytes=30), stderr=stderr)
        if screened:
            runner.run([str(source)])
        else:
            with mock.patch.object(Runner, "_screen", lambda self: None):
                runner.run([str(source)])
        outputs.append((capsysbinary.readouterr().out, stderr.getvalue(), runner.summary.lines))
    return outputs


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=documents())
def test_diff_and_check_modes_are_the_same_screened(tmp_path, small_groups, capsysbinary,
                                                    data):
    assert (_diff_and_check(tmp_path, data, True, capsysbinary)
            == _diff_and_check(tmp_path, data, False, capsysbinary))


def test_two_inputs_into_one_output_never_fuse_on_the_screened_path(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(b"calm line\nno final ending")
    second.write_bytes(b"next file\n")
    out = tmp_path / "out.txt"
    Runner(Pipeline(), RunOptions(output=str(out))).run([str(first), str(second)])
    assert out.read_bytes() == b"calm line\nno final ending\nnext file\n"


def _many_files(tmp_path, jobs, files):
    out_dir = tmp_path / f"out{jobs}"
    stderr = io.StringIO()
    runner = Runner(Pipeline(config=CleanConfig(languages=("en", "fr"))),
                    RunOptions(output_dir=str(out_dir), jobs=jobs, stats=True), stderr=stderr)
    error = None
    try:
        runner.run([str(path) for path in files])
    except Exception as raised:  # the same error either way
        error = str(raised)
    written = {path.name: path.read_bytes() for path in sorted(out_dir.glob("*"))}
    return written, stderr.getvalue(), error


def test_many_small_files_under_two_workers(tmp_path):
    files = []
    for index in range(12):
        path = tmp_path / f"in{index:02}.txt"
        path.write_bytes(b"" if index == 5 else
                         f"File {index} on the Latchine road.\nThe cafÃ©  opened.\n".encode())
        files.append(path)
    one = _many_files(tmp_path, 1, files)
    assert len(one[0]) == 12 and one[2] is None
    assert _many_files(tmp_path, 2, files) == one


@pytest.mark.parametrize("bad", [b"\xff\xfeh\x00i\x00\n\x00", b"\x1f\x8b\x08\x00broken"],
                         ids=["UTF-16", "corrupt gzip"])
def test_a_bad_file_among_many_fails_at_its_turn_under_two_workers(tmp_path, bad):
    files = []
    for index in range(4):
        path = tmp_path / (f"in{index}.txt" + (".gz" if index == 2 and bad[:2] == b"\x1f\x8b"
                                                else ""))
        path.write_bytes(bad if index == 2 else f"File {index}, all calm.\n".encode())
        files.append(path)
    one = _many_files(tmp_path, 1, files)
    assert one[2] is not None and "in2" in one[2]
    assert _many_files(tmp_path, 2, files) == one


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("line", [
    "слово СЏ",             # a pair that must not be followed by а-я, at the line's end
    "MaddÉ™",               # span repair's pair, which ftfy's screen does not see
    "Õ€Õ¸Õ¤Õ¾Õ¡Õ® 28",
    "Նա եկավ ԵրևանիÖ երեկ",  # a Latin lead beside Armenian: ց lost its second byte
    "ԵրևանիÖ",
    "Azerbaijanâ€™s",
])
def test_fix_encodings_screen_finds_in_a_block_what_it_changes(line, ending):
    step = Pipeline(["fix-encoding"]).steps[0]
    assert step.apply(line, None)[0] != line
    screen = blocks.BlockScreen.of([step])
    text = "calm line" + ending + line + ending + "another calm line" + ending
    assert screen.hit_lines(text) == [len("calm line" + ending)]
