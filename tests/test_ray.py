"""The Ray engine keeps the local engine's contract: the same records, output files, table and
summary line, nothing else on stderr, and nothing left behind in /tmp/ray or ~/.ray."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import CORPUS

pytest.importorskip("ray", reason="the Ray engine needs the 'ray' extra (installed by make test)")
pytestmark = pytest.mark.slow

CLAIMX = [str(Path(sys.executable).parent / "claimx"), "extract"]
RAY = ["--engine", "ray"]


def ray_files() -> set[str]:
    """Where Ray leaves files by default: sessions in /tmp/ray, a token in ~/.ray."""
    return {str(p) for folder in (Path("/tmp/ray"), Path.home() / ".ray") for p in folder.glob("*")}


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    path = tmp_path_factory.mktemp("local") / "r.jsonl"
    proc = subprocess.run([*CLAIMX, str(CORPUS), "-o", str(path), "--jobs", "1"], check=True, capture_output=True,
                          text=True)
    return path.read_bytes(), proc.stderr


@pytest.fixture(autouse=True)
def leaves_nothing_in_tmp_ray():
    before = ray_files()
    yield
    assert ray_files() == before


def summary_without_time(stderr: str) -> str:
    return re.sub(r"\(\d+\.\ds\)", "", stderr)


def test_ray_output_file_and_summary_equal_local(local, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([*CLAIMX, str(CORPUS), *RAY, "--jobs", "2", "-o", str(out)], check=True,
                          capture_output=True, text=True)
    assert out.is_file() and out.read_bytes() == local[0]  # a file, not a folder
    assert summary_without_time(proc.stderr) == summary_without_time(local[1])  # one line: no Ray logs


def test_ray_parquet_file(local, tmp_path):
    parquet = tmp_path / "out.parquet"
    subprocess.run([*CLAIMX, str(CORPUS), *RAY, "--jobs", "2", "-o", str(parquet), "--format", "parquet"],
                   check=True, capture_output=True)
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert [json.loads(r) for r in table.column("record").to_pylist()] == [
        json.loads(line) for line in local[0].decode().splitlines()]


def test_ray_reports_bad_inputs_goes_on_and_prints_a_table(tmp_path):
    (tmp_path / "good.txt").write_text("Kerry said the talks failed. The strike killed 12 civilians in Homs.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    proc = subprocess.run([*CLAIMX, str(tmp_path), *RAY, "--jobs", "1", "--format", "table"], capture_output=True,
                          text=True)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "claimx: error: " + str(tmp_path / "bad.txt") + ": binary file (NUL bytes); skipped",
        proc.stderr.splitlines()[1],
        "claimx: failed: " + str(tmp_path / "bad.txt") + ": binary file (NUL bytes); skipped"]
    assert proc.stderr.splitlines()[1].startswith("claimx: 1 document; 1 claim, 1 casualty, 1 strike; 1 failed")
    assert "good.txt" in proc.stdout and "casualty" in proc.stdout and "{" not in proc.stdout
