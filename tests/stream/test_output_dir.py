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
