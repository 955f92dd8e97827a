"""`claimx review` and `compare --marks` as a user runs them: the console script in a
subprocess, piped (no terminal) and under a pseudo-terminal."""

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from tests.review_data import RECORDS, groups

CLAIMX = str(Path(sys.executable).parent / "claimx")
ESCAPE = re.compile(r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")


def write_lines(path: Path, objects: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objects))
    return path


def test_without_a_terminal_review_exits_2_pointing_to_compare_json(tmp_path):
    records = write_lines(tmp_path / "records.jsonl", RECORDS)
    done = subprocess.run([CLAIMX, "review", str(records)], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "claimx compare --json" in done.stderr
    assert not (tmp_path / "review.jsonl").exists()


def test_compare_leaves_out_figures_marked_wrong(tmp_path):
    records = write_lines(tmp_path / "records.jsonl", RECORDS)
    marks = write_lines(tmp_path / "review.jsonl", [
        {"doc": "a.txt", "id": "f1", "mark": "wrong", "note": "misread", "time": "2026-11-29T07:00:00+00:00"},
        {"doc": "c.txt", "id": "f1", "mark": "doubtful", "note": "", "time": "2026-11-29T07:01:00+00:00"}])

    def compare(*extra):
        done = subprocess.run([CLAIMX, "compare", "--json", "--all", str(records), *extra], capture_output=True,
                              text=True)
        return done, [json.loads(x) for x in done.stdout.splitlines()]

    _, before = compare()
    done, after = compare("--marks", str(marks))
    assert done.returncode == 0 and "1 record marked wrong" in done.stderr
    assert [m["figure"] for m in before[0]["members"]] == ["36", "At least 33", "32"]
    assert [m["figure"] for m in after[0]["members"]] == ["At least 33", "32"]  # 33+ and 32: still disputed
    bad = write_lines(tmp_path / "bad.jsonl", [{"doc": "a.txt", "id": "f1", "mark": "maybe"}])
    done, _ = compare("--marks", str(bad))
    assert done.returncode == 2 and "bad.jsonl:1: mark 'maybe'" in done.stderr
    done, _ = compare("--marks", str(tmp_path / "missing.jsonl"))
    assert done.returncode == 2 and "no such marks file" in done.stderr


def drawn(output: bytes) -> str:
    """What a terminal shows of `output`, without its control sequences (in drawing order)."""
    return ESCAPE.sub("", output.decode("utf-8", "replace"))


def run_in_terminal(args: list[str], keys: list[tuple[str, bytes]], cwd: Path, timeout: float = 60) -> tuple[int, str]:
    """Run claimx under a pseudo-terminal of 120x32; for each (text, key): wait until the
    screen has shown `text`, then type `key`. Returns (exit code, everything drawn)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 120, 0, 0))
    proc = subprocess.Popen([CLAIMX, *args], stdin=follower, stdout=follower, stderr=follower, cwd=cwd,
                            env={**os.environ, "TERM": "xterm-256color"}, close_fds=True)
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + timeout
    try:
        for text, key in keys:
            while text not in drawn(seen) and time.monotonic() < deadline:
                if select.select([leader], [], [], 0.2)[0]:
                    try:
                        seen += os.read(leader, 65536)
                    except OSError:
                        break
            os.write(leader, key)
        while proc.poll() is None and time.monotonic() < deadline:
            if select.select([leader], [], [], 0.2)[0]:
                try:
                    seen += os.read(leader, 65536)
                except OSError:
                    break
        return proc.wait(timeout=5), drawn(seen)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)


def test_review_in_a_terminal_marks_and_quits(tmp_path):
    gfile = write_lines(tmp_path / "groups.jsonl", groups())
    write_lines(tmp_path / "records.jsonl", RECORDS)
    code, screen = run_in_terminal(["review", "groups.jsonl", "records.jsonl"],
                                   [("groups shown", b"w"), ("note (optional)", b"typo\r"), ("1 marks", b"q")],
                                   tmp_path)
    assert code == 0, screen[-2000:]
    assert "Khaled Khoja" in screen
    marks = [json.loads(x) for x in (tmp_path / "review.jsonl").read_text().splitlines()]
    assert [(m["doc"], m["id"], m["mark"], m["note"]) for m in marks] == [("a.txt", "f1", "wrong", "typo")]
    assert gfile.exists()


def test_review_of_articles_opens_the_article_it_extracted(tmp_path):
    from tests.conftest import CORPUS

    articles = [str(CORPUS / "000_477bc5cac4b32ee6.txt"), str(CORPUS / "001_78f11d77de34b0f2.txt")]
    code, screen = run_in_terminal(["review", *articles, "--marks", "marks.jsonl"],
                                   [("groups shown", b"\x1b[B"), ("Bassam Bara", b"o"), ("casualty figure", b"q")],
                                   tmp_path, timeout=120)
    assert code == 0, screen[-2000:]
    assert "INCIDENT  2015-09-30" in screen  # the list opens on the incident, its groups below
    assert "Khaled Kho" in screen  # the members of the disputed group (the column may end a name short)
    assert "000_477bc5cac4b32ee6.txt    claim  speaker  casualty figure" in screen  # the article view's legend
    assert not (tmp_path / "marks.jsonl").exists()  # nothing marked, nothing written
