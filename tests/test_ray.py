"""The Ray engine on a local instance gives the local engine's records, record for record."""

import json
import subprocess
import sys

import pytest
from tests.conftest import CORPUS

pytest.importorskip("ray", reason="the Ray engine needs the 'ray' extra (installed by make test)")
pytestmark = pytest.mark.slow

CLAIMX = [sys.executable, "-m", "claimx.cli", "extract"]


@pytest.fixture(scope="module")
def local_output(tmp_path_factory):
    path = tmp_path_factory.mktemp("local") / "r.jsonl"
    subprocess.run([*CLAIMX, str(CORPUS), "-o", str(path)], check=True, capture_output=True)
    return path.read_bytes()


def test_ray_stdout_equals_local(local_output):
    proc = subprocess.run([*CLAIMX, str(CORPUS), "--engine", "ray", "--jobs", "2"], capture_output=True, check=True)
    assert proc.stdout == local_output


def test_ray_output_folder_jsonl_and_parquet(local_output, tmp_path):
    subprocess.run([*CLAIMX, str(CORPUS), "--engine", "ray", "--jobs", "2", "-o", str(tmp_path / "j")],
                   check=True, capture_output=True)
    assert (tmp_path / "j" / "records.jsonl").read_bytes() == local_output
    subprocess.run([*CLAIMX, str(CORPUS), "--engine", "ray", "--jobs", "2", "-o", str(tmp_path / "p"),
                    "--format", "parquet"], check=True, capture_output=True)
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "p" / "records.parquet")
    assert [json.loads(r) for r in table.column("record").to_pylist()] == [
        json.loads(line) for line in local_output.decode().splitlines()]


def test_ray_reports_bad_inputs_and_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("Kerry said the strike killed 12 civilians.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    proc = subprocess.run([*CLAIMX, str(tmp_path), "--engine", "ray", "--jobs", "1"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "bad.txt: binary file (NUL bytes); skipped" in proc.stderr
    assert {json.loads(x)["doc"] for x in proc.stdout.splitlines()} == {"good.txt"}
