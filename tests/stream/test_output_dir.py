"""``--output-dir``: one output per input, never outside the folder, never over a file unasked."""

import gzip
import os

DAMAGED = "The cafÃ©  is open.\n".encode()
REPAIRED = "The café is open.\n".encode()


def test_outputs_mirror_the_inputs_relative_paths(invoke, tmp_path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "a" / "x.txt").write_bytes(DAMAGED)
    (tmp_path / "in" / "b" / "y.txt.gz").write_bytes(gzip.compress(DAMAGED))
    out = tmp_path / "out"
    result = invoke(["clean", "--output-dir", str(out), str(tmp_path / "in" / "a" / "x.txt"),
                     str(tmp_path / "in" / "b" / "y.txt.gz")])
    assert result.exit_code == 0 and result.stdout_bytes == b""
    assert (out / "a" / "x.txt").read_bytes() == REPAIRED
    assert gzip.decompress((out / "b" / "y.txt.gz").read_bytes()) == REPAIRED


def test_a_single_input_goes_to_the_folder_by_its_name_and_is_not_overwritten(invoke, tmp_path):
    source = tmp_path / "x.txt"
    source.write_bytes(DAMAGED)
    out = tmp_path / "out"
    assert invoke(["clean", "--output-dir", str(out), str(source)]).exit_code == 0
    assert (out / "x.txt").read_bytes() == REPAIRED
    (out / "x.txt").write_bytes(b"mine\n")
    refused = invoke(["clean", "--output-dir", str(out), str(source)])
    assert refused.exit_code == 2 and "exists; use --force" in refused.stderr
    assert (out / "x.txt").read_bytes() == b"mine\n"
    assert invoke(["clean", "--output-dir", str(out), "--force", str(source)]).exit_code == 0
    assert (out / "x.txt").read_bytes() == REPAIRED


def test_a_link_in_the_folder_cannot_lead_outside_it(invoke, tmp_path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "a" / "x.txt").write_bytes(DAMAGED)
    (tmp_path / "in" / "b" / "y.txt").write_bytes(DAMAGED)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(elsewhere, out / "a")
    result = invoke(["clean", "--output-dir", str(out), str(tmp_path / "in" / "a" / "x.txt"),
                     str(tmp_path / "in" / "b" / "y.txt")])
    assert result.exit_code == 2 and "would be written outside" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_output_dir_refuses_stdin_and_other_outputs(invoke, tmp_path):
    assert invoke(["clean", "--output-dir", str(tmp_path)], input=DAMAGED).exit_code == 2
    source = tmp_path / "x.txt"
    source.write_bytes(DAMAGED)
    assert invoke(["clean", "--output-dir", str(tmp_path / "o"), "-o", str(tmp_path / "y"),
                   str(source)]).exit_code == 2
    assert invoke(["clean", "--force", str(source)]).exit_code == 2


# Issue 30: a folder of three formats in one run, each file read as its extension says.
KYIV_EN = '[[name]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\nlang = ["en"]\n'
MIXED = {
    "news.txt": ("Talks in Kiev resumed today after a long pause.\n",
                 "Talks in Kyiv resumed today after a long pause.\n"),
    # As plain text the escapes hide the damage; as JSON lines the field's text holds it.
    "news.jsonl": ('{"text": "The caf\\u00c3\\u00a9 is open."}\n',
                   '{"text": "The caf\\u00e9 is open."}\n'),
    # As plain text the Georgian column makes the line Georgian and the English rule is off.
    "pairs.tsv": ("Talks in Kiev resumed today after a long pause.\tმოლაპარაკებები კიევში "
                  "განახლდა ხანგრძლივი პაუზის შემდეგ და დღეს გაგრძელდა.\n",
                  "Talks in Kyiv resumed today after a long pause.\tმოლაპარაკებები კიევში "
                  "განახლდა ხანგრძლივი პაუზის შემდეგ და დღეს გაგრძელდა.\n"),
}


def test_a_mixed_folder_is_cleaned_each_file_in_its_format(invoke, tmp_path):
    (tmp_path / "in").mkdir()
    for name, (text, _) in MIXED.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    rules = tmp_path / "kyiv.toml"
    rules.write_text(KYIV_EN, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(["clean", "--rules", str(rules), "--output-dir", str(out),
                     *(str(tmp_path / "in" / name) for name in MIXED)])
    assert result.exit_code == 0, result.stderr
    assert {name: (out / name).read_text(encoding="utf-8") for name in MIXED} == {
        name: expected for name, (_, expected) in MIXED.items()}
