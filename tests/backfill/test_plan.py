"""The sharding plan: pure, stable, and covering every record exactly once (no model)."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from eventwire.backfill import plan_shards, read_part
from eventwire.backfill.plan import line_starts
from eventwire.errors import ConfigError, InputFileError
from eventwire.records import Article, InputError
from eventwire.sources import read_inputs


def _jsonl(path: Path, n: int, blank_every: int = 0, trailing_newline: bool = True) -> Path:
    lines = []
    for i in range(1, n + 1):
        lines.append(json.dumps({"id": f"a{i}", "text": f"Article number {i}."}))
        if blank_every and i % blank_every == 0:
            lines.append("")
    path.write_text("\n".join(lines) + ("\n" if trailing_newline else ""), encoding="utf-8")
    return path


def _read_all(shards) -> list:
    return [item for s in shards for p in s.parts for item in read_part(p)]


@pytest.mark.parametrize("trailing", [True, False])
def test_line_starts_cut_every_n_lines(tmp_path, trailing):
    path = _jsonl(tmp_path / "a.jsonl", 10, trailing_newline=trailing)
    starts, total = line_starts(str(path), 4)
    data = path.read_bytes()
    assert total == 10
    assert starts == [0, *[i + 1 for i, b in enumerate(data) if b == 10][3:8:4]]
    assert [data[s : s + 9] for s in starts] == [b'{"id": "a'] * 3


def test_line_starts_with_tiny_chunks(tmp_path, monkeypatch):
    # Boundaries that fall across chunk edges are found too.
    monkeypatch.setattr("eventwire.backfill.plan._CHUNK", 7)
    path = _jsonl(tmp_path / "a.jsonl", 25)
    starts, total = line_starts(str(path), 6)
    lines = path.read_bytes().split(b"\n")
    expected = [sum(len(x) + 1 for x in lines[:k]) for k in (0, 6, 12, 18, 24)]
    assert (starts, total) == (expected, 25)


def test_large_jsonl_is_cut_into_ranges_that_read_like_the_whole_file(tmp_path):
    path = _jsonl(tmp_path / "big.jsonl", 23, blank_every=5)
    shards = plan_shards([str(path)], shard_size_lines=5)
    assert len(shards) == 6  # 27 lines (23 records, 4 blank) in ranges of 5
    assert [p.first_line for s in shards for p in s.parts] == [1, 6, 11, 16, 21, 26]
    got = _read_all(shards)
    assert got == list(read_inputs([str(path)]))
    assert [a.origin for a in got][:2] == [f"{path}:1", f"{path}:2"]


def test_range_reading_keeps_line_numbers_of_errors(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "Fine."})
    path.write_text("\n".join([good] * 7 + ["{not json", good, '{"title": "x"}']) + "\n")
    shards = plan_shards([str(path)], shard_size_lines=3)
    errors = [x for x in _read_all(shards) if isinstance(x, InputError)]
    assert [e.origin for e in errors] == [f"{path}:8", f"{path}:10"]
    assert _read_all(shards) == list(read_inputs([str(path)]))


def test_binary_jsonl_is_reported_once(tmp_path):
    path = tmp_path / "bin.jsonl"
    path.write_bytes(b'{"text": "a"}\n\x00\x01\n' * 6)
    shards = plan_shards([str(path)], shard_size_lines=4)
    assert len(shards) == 3
    assert _read_all(shards) == list(read_inputs([str(path)]))
    assert len(_read_all(shards)) == 1


def test_small_files_are_packed_and_directories_read_in_sources_order(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.txt", "sub/c.txt", "d.html", ".hidden.txt", "notes.md"):
        (folder / name).write_text(f"<p>Story {name} about Pakistan.</p>", encoding="utf-8")
    _jsonl(folder / "e.jsonl", 3)
    shards = plan_shards([str(folder)], shard_size_lines=4)
    assert [[Path(p.path).name for p in s.parts] for s in shards] == [
        ["a.txt", "b.txt", "d.html"],
        ["e.jsonl", "c.txt"],
    ]
    assert _read_all(shards) == list(read_inputs([str(folder)]))


def test_ids_are_stable_and_change_with_the_file(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", 12)
    first = plan_shards([str(path)], shard_size_lines=5)
    assert [s.shard_id for s in first] == [s.shard_id for s in plan_shards([str(path)], 5)]
    assert len({s.shard_id for s in first}) == 3
    os.utime(path, ns=(0, first[0].parts[0].mtime_ns + 1_000_000_000))
    assert not {s.shard_id for s in first} & {s.shard_id for s in plan_shards([str(path)], 5)}


def test_shards_are_picklable_and_round_trip_through_json(tmp_path):
    shards = plan_shards([str(_jsonl(tmp_path / "a.jsonl", 9))], shard_size_lines=4)
    assert pickle.loads(pickle.dumps(shards)) == shards
    assert [type(s).from_dict(json.loads(json.dumps(s.to_dict()))) for s in shards] == shards


def test_worker_reads_by_absolute_path_but_names_the_given_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _jsonl(tmp_path / "a.jsonl", 8)
    shards = plan_shards(["a.jsonl"], shard_size_lines=3)
    monkeypatch.chdir("/")
    got = _read_all(shards)
    assert all(isinstance(a, Article) for a in got)
    assert [a.origin for a in got][-1] == "a.jsonl:8"


def test_bad_inputs_fail_before_any_work(tmp_path):
    with pytest.raises(InputFileError, match="no such file"):
        plan_shards([str(tmp_path / "missing.jsonl")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputFileError, match="no files of a known kind"):
        plan_shards([str(tmp_path / "empty")])
    with pytest.raises(ConfigError, match="stdin"):
        plan_shards(["-"])
    with pytest.raises(ConfigError, match="URLs"):
        plan_shards(["https://example.org/feed.xml"])
    with pytest.raises(ConfigError, match="at least 1"):
        plan_shards([str(tmp_path)], shard_size_lines=0)
