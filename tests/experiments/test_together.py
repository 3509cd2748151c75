"""The together runner on real subprocesses."""

import os
import subprocess
import sys

# Creates its own flag, then waits (10 s at most) for the other's: passes only if both run at once.
WAIT = ("import pathlib, sys, time; d = pathlib.Path(sys.argv[1]); (d / sys.argv[2]).touch(); "
        "t = time.time()\nwhile not (d / sys.argv[3]).exists():\n    time.sleep(0.05)\n    "
        "assert time.time() - t < 10, 'alone'\nprint('met', sys.argv[3])")


def together(*args):
    return subprocess.run([sys.executable, "-m", "dataset_ner.experiments.together", *args],
                          capture_output=True, text=True, timeout=60)


def test_commands_run_at_once_with_their_output_prefixed(tmp_path):
    a = f"a=python -c \"{WAIT}\" {tmp_path} a b"
    b = f"b=python -c \"{WAIT}\" {tmp_path} b a"
    result = together(a, b)
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()) == ["[a] met b", "[b] met a"]


def test_a_failing_command_fails_the_run_after_the_others_end(tmp_path):
    result = together("bad=python -c 'import sys; sys.exit(3)'", f"good=python -c 'open(\"{tmp_path}/done\", \"w\")'")
    assert result.returncode == 3 and "[bad] exited with status 3" in result.stderr
    assert (tmp_path / "done").exists()


def test_an_argument_without_a_name_is_refused():
    result = together("python -c 'print(1)'")
    assert result.returncode != 0 and "is not NAME=COMMAND" in result.stderr


def test_each_command_runs_one_blas_thread_unless_told_otherwise():
    show = "python -c 'import os; print(os.environ[\"OPENBLAS_NUM_THREADS\"], os.environ[\"OMP_NUM_THREADS\"])'"
    result = together(f"a={show}")
    assert result.returncode == 0 and result.stdout == "[a] 1 1\n", result.stderr
    told = subprocess.run([sys.executable, "-m", "dataset_ner.experiments.together", f"a={show}"], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2"})
    assert told.stdout == "[a] 2 2\n", told.stderr
