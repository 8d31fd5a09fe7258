"""Benchmark outputs before and after a change, compared line by line.

A move or a split must leave every benchmark's output byte-identical; this runs the
benchmarks' output-only commands (no timings) at two git revisions, or takes two
folders saved earlier, and prints per command how many lines differ, then the
differing lines themselves.

    python benchmarks/compare_outputs.py HEAD~3 HEAD          # two revisions
    python benchmarks/compare_outputs.py --save /tmp/before   # the working tree, saved
    python benchmarks/compare_outputs.py /tmp/before /tmp/after
    python benchmarks/compare_outputs.py /tmp/before WORKTREE  # a folder against the tree

A side is a folder of saved outputs (``<name>.txt``), a git revision (checked out
in a temporary worktree and run with this interpreter), or ``WORKTREE`` (the files
as they are now). ``--only NAME`` limits the commands; ``--current-benchmarks`` runs
the working tree's benchmark scripts at a revision too (for an output option added
since); ``--command NAME=ARGS`` adds
one (ARGS run with this interpreter from the repository root, ``{shared}`` standing
for the shared data folder). Exit status: 0 when every output is identical, 1 when
any differs, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKTREE = "WORKTREE"

# Output-only commands: no timings, so two runs of the same code print the same bytes.
COMMANDS: dict[str, str] = {
    **{f"mojibake-{name}": f"benchmarks/bench_mojibake.py --set {name} --no-speed --details "
                           "--every-line"
       for name in ("tuning", "held-out", "by-others", "cldr")},
    **{f"check-{name}": f"benchmarks/bench_mojibake.py --set {name} --check-output"
       for name in ("tuning", "held-out", "by-others")},
    "ftfy-conformance": "benchmarks/ftfy_conformance.py {shared}/data/ftfy-cases",
}


def run_commands(tree: Path, commands: dict[str, str], shared: Path, into: Path) -> None:
    """Run each command in ``tree`` (its own corpus_tools first on the path) and save
    stdout and stderr, with the exit status, to ``into/<name>.txt``."""
    into.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    where = subprocess.run([sys.executable, "-c", "import corpus_tools; print(corpus_tools.__file__)"],
                           cwd=tree, env=env, capture_output=True, text=True, check=True).stdout
    if not Path(where.strip()).resolve().is_relative_to(tree.resolve()):
        sys.exit(f"corpus_tools imports from {where.strip()}, not from {tree}")
    for name, args in commands.items():
        argv = [sys.executable, *shlex.split(args.format(shared=shared))]
        print(f"running {name} in {tree} ...", file=sys.stderr)
        done = subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True)
        (into / f"{name}.txt").write_text(f"{done.stdout}{done.stderr}exit status {done.returncode}\n",
                                          encoding="utf-8")


def outputs_of(side: str, commands: dict[str, str], shared: Path, scratch: Path,
               current_benchmarks: bool = False) -> Path:
    """The folder holding ``side``'s outputs, running the commands first unless it is one.
    ``current_benchmarks``: a revision runs the working tree's benchmarks/ (an output
    option added after it), with its own corpus_tools."""
    if Path(side).is_dir() and side != WORKTREE:
        return Path(side)
    into = scratch / f"outputs-{len(list(scratch.iterdir()))}"
    if side == WORKTREE:
        run_commands(ROOT, commands, shared, into)
        return into
    checkout = scratch / f"tree-{len(list(scratch.iterdir()))}"
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(checkout), side],
                   cwd=ROOT, check=True)
    try:
        if current_benchmarks:
            shutil.rmtree(checkout / "benchmarks")
            shutil.copytree(ROOT / "benchmarks", checkout / "benchmarks")
        run_commands(checkout, commands, shared, into)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT, check=True)
    return into


def compare(before: Path, after: Path, names: list[str]) -> int:
    """Print per command the number of differing lines, then the lines; the number of
    commands whose outputs differ."""
    differing = 0
    reports = []
    for name in names:
        old, new = before / f"{name}.txt", after / f"{name}.txt"
        if not old.exists() or not new.exists():
            missing = old if not old.exists() else new
            print(f"{name:20} missing: {missing}")
            differing += 1
            continue
        old_lines = old.read_text(encoding="utf-8").splitlines(keepends=True)
        new_lines = new.read_text(encoding="utf-8").splitlines(keepends=True)
        diff = list(difflib.unified_diff(old_lines, new_lines, str(old), str(new), n=0))
        removed = sum(line.startswith("-") and not line.startswith("---") for line in diff)
        added = sum(line.startswith("+") and not line.startswith("+++") for line in diff)
        print(f"{name:20} {len(old_lines):6} lines before, {len(new_lines):6} after: "
              + ("identical" if not diff else f"{removed} lines only before, {added} only after"))
        if diff:
            differing += 1
            reports.append("".join(diff))
    for report in reports:
        print()
        print(report, end="" if report.endswith("\n") else "\n")
    return differing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", nargs="?", help="folder, git revision or WORKTREE")
    parser.add_argument("after", nargs="?", default=WORKTREE,
                        help="folder, git revision or WORKTREE (the default)")
    parser.add_argument("--save", type=Path, metavar="DIR",
                        help="only run the commands on the working tree and save the outputs")
    parser.add_argument("--only", action="append", metavar="NAME", help="run only these commands")
    parser.add_argument("--command", action="append", default=[], metavar="NAME=ARGS",
                        help="another command, run with this interpreter")
    parser.add_argument("--current-benchmarks", action="store_true",
                        help="run the working tree's benchmarks/ at a revision too")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared data folder (ftfy's cases)")
    args = parser.parse_args()
    commands = dict(COMMANDS)
    for extra in args.command:
        name, sep, argv = extra.partition("=")
        if not sep or not name or not argv:
            parser.error(f"--command takes NAME=ARGS, not {extra!r}")
        commands[name] = argv
    if args.only:
        unknown = sorted(set(args.only) - set(commands))
        if unknown:
            parser.error(f"unknown command {', '.join(unknown)}; known: {', '.join(commands)}")
        commands = {name: commands[name] for name in args.only}
    shared = args.shared.resolve()
    if args.save:
        run_commands(ROOT, commands, shared, args.save)
        return 0
    if not args.before:
        parser.error("give BEFORE (and AFTER), or --save DIR")
    with tempfile.TemporaryDirectory(prefix="compare-outputs-") as scratch:
        before = outputs_of(args.before, commands, shared, Path(scratch), args.current_benchmarks)
        after = outputs_of(args.after, commands, shared, Path(scratch), args.current_benchmarks)
        return 1 if compare(before, after, list(commands)) else 0


if __name__ == "__main__":
    sys.exit(main())
