"""The command line: data on stdout, everything else on stderr, exit codes, inputs."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import CORPUS
from typer.testing import CliRunner

from claimx.cli import app

runner = CliRunner()
CLAIMX = [sys.executable, "-m", "claimx.cli"]


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_extract_folder_writes_only_records_to_stdout():
    result = runner.invoke(app, ["extract", str(CORPUS)])
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert {r["kind"] for r in recs} == {"claim", "casualty", "strike"}
    assert {r["doc"] for r in recs} == {p.name for p in CORPUS.glob("*.txt")}
    assert "5 documents" in result.stderr and "0 failed" in result.stderr


def test_kinds_filter_and_doc_ids_relative_to_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Kerry said the talks failed. The strike killed 12 civilians.")
    (tmp_path / "skip.csv").write_text("Kerry said no.")
    result = runner.invoke(app, ["extract", str(tmp_path), "--kinds", "casualty"])
    recs = records(result.stdout)
    assert [(r["doc"], r["kind"]) for r in recs] == [("sub/a.txt", "casualty")]


def test_file_argument_keeps_its_path_as_given(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kerry said the talks failed.")
    result = runner.invoke(app, ["extract", str(path)])
    assert records(result.stdout)[0]["doc"] == str(path)


def test_jsonl_input_with_renamed_fields(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"key": "n1", "body": "Kerry said the talks failed.", "date": "2015-09-30"}) + "\n")
    result = runner.invoke(app, ["extract", str(path), "--id-field", "key", "--text-field", "body"])
    (rec,) = records(result.stdout)
    assert rec["doc"] == "n1" and rec["date"] == "2015-09-30"


def test_stdin_plain_text_and_json_lines():
    plain = runner.invoke(app, ["extract", "-"], input="Kerry said the talks failed.\n")
    assert records(plain.stdout)[0]["doc"] == "-"
    lines = runner.invoke(app, ["extract", "-"], input='{"id": "x", "text": "Kerry said the talks failed."}\n')
    assert records(lines.stdout)[0]["doc"] == "x"


def test_output_file_and_table_format(tmp_path):
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["extract", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(records(out.read_text())) > 100 and not (tmp_path / "r.jsonl.partial").exists()
    table = runner.invoke(app, ["extract", str(CORPUS / "002_739066e79518ad38.txt"), "--format", "table"])
    assert "According to them" not in table.stdout and "casualty" in table.stdout


@pytest.mark.parametrize("args", [["extract"], ["extract", "x", "--kinds", "quotes"], ["extract", "x", "--resume"],
                                  ["nosuchcommand"]])
def test_usage_errors_exit_2(args):
    assert runner.invoke(app, args).exit_code == 2


def test_missing_input_is_reported_and_others_still_extracted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kerry said the talks failed.")
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 1
    assert records(result.stdout)[0]["doc"] == str(good)
    assert "missing.txt: no such file or folder" in result.stderr


def test_schema_version_info():
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert schema["discriminator"]["propertyName"] == "kind" or "oneOf" in schema
    assert runner.invoke(app, ["--version"]).stdout.startswith("claimx ")
    info = runner.invoke(app, ["info"]).stdout
    assert "model: en_core_web_sm" in info and "claims.json" in info


def test_closed_pipe_exits_quietly():
    shell = f"{' '.join(CLAIMX)} extract {CORPUS} | head -1"
    proc = subprocess.run(["bash", "-c", f"set -o pipefail; {shell}"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 1
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_console_script_is_installed():
    exe = Path(sys.executable).parent / "claimx"
    assert exe.exists() and os.access(exe, os.X_OK)
