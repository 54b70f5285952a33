"""The benchmark harness measures what it says: parameter samplers give answerable parameters for
every catalogue query on both stores, and the build-scale sampler reads real process memory.
(Timings themselves are never asserted: they live in BENCHMARKS.md.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import build_scale
from bench.queries import sample_params, sample_params_neo4j, time_queries
from graph_loader.stores.embedded import EmbeddedStore
from queries.registry import REGISTRY

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph_loader.build import build_paths

    ws = tmp_path_factory.mktemp("bench-ws")
    assert not build_paths([ROOT / "data" / "corpus"], ws, shacl=False).rejected
    return ws


def test_embedded_sampler_covers_the_catalogue_and_every_set_runs(sample_workspace: Path) -> None:
    store = EmbeddedStore.open(sample_workspace)
    params = sample_params(store, k=3)
    assert set(params) == set(REGISTRY) and all(params.values())
    timed = time_queries(store, params, repeat=1)
    assert {name: r["errors"] for name, r in timed.items() if r.get("errors")} == {}
    assert all(r["n"] == len(params[name]) for name, r in timed.items())
    # the busiest directive is sampled first: its propagation tree is not empty
    assert timed["propagation"]["empty_results"] < len(params["propagation"])


def test_queries_ab_times_two_trees_alike_and_keeps_a_failing_call(sample_workspace: Path, tmp_path: Path) -> None:
    # two trees (here both this one) answer the same calls in turn; a call that fails is a result, not the run's end
    import json

    from bench import queries_ab

    params = {"overview": [{}], "search": [{"text": "安全生产"}], "meeting": [{"id": "meeting:no-such"}]}
    (tmp_path / "p.json").write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.json"
    assert queries_ab.main([str(sample_workspace), str(tmp_path / "p.json"), str(out), "--store", "embedded",
                            "--rounds", "2", f"a={ROOT}", f"b={ROOT}"]) == 0
    got = json.loads(out.read_text(encoding="utf-8"))
    assert {n: sorted(d) for n, d in got["summary"].items()} == {n: ["a", "b"] for n in params}
    assert all(d[t]["n"] == 2 for d in got["summary"].values() for t in "ab")
    assert "a_err" in got["per"]["meeting"][0] and "a_err" not in got["per"]["overview"][0]


@pytest.mark.neo4j
def test_neo4j_sampler_gives_the_same_families(sample_workspace: Path, neo4j_store) -> None:
    from graph_loader.graph.rows_io import grouped_batches, iter_workspace_batches

    for batch in grouped_batches(iter_workspace_batches(sample_workspace)):
        neo4j_store.upsert(batch)
    embedded = sample_params(EmbeddedStore.open(sample_workspace), k=3)
    cypher = sample_params_neo4j(neo4j_store, k=3)
    assert set(cypher) == set(embedded)
    for name in ("overview", "regions", "sectors"):  # the fixed and the busiest-first families agree
        assert cypher[name][-1] == embedded[name][-1]
    assert cypher["propagation"][0] == embedded["propagation"][0]
    timed = time_queries(neo4j_store, cypher, repeat=1)
    assert {name: r["errors"] for name, r in timed.items() if r.get("errors")} == {}


def test_build_segments_times_a_build_per_tenth(tmp_path: Path) -> None:
    from bench import build_segments

    root = Path(__file__).resolve().parents[1]
    run = build_segments.run_once(root, root / "data" / "corpus", tmp_path / "ws", ["--no-shacl"], interval=0.05)
    assert run["exit"] == 0 and run["articles"] == 5
    assert len(run["rate_per_10pct"]) == 10 and run["cpu_s"] > 0 and run["peak_tree_rss_mib"] > 0
    assert run["peak_tree_rss_mib"] >= run["peak_main_hwm_mib"] * 0.5 > 0  # the main process's own peak
    assert all(m["main_hwm_mib"] >= m["main_rss_mib"] > 0 for m in run["at_marks"])


def test_build_scale_reads_process_memory() -> None:
    rss, hwm = build_scale._rss_kib(os.getpid())
    assert 10_000 < rss <= hwm  # a Python process with pytest loaded holds more than 10 MiB
    assert build_scale._tree_rss_kib(os.getpid()) >= rss
    assert build_scale._rss_kib(2**22 + 12345) == (0, 0)  # a process that is gone


def test_app_load_times_server_runs_of_concurrent_sessions(sample_workspace: Path) -> None:
    """bench.app_load against a real `streamlit run`: every session's page runs finish, and the server
    logged its own time for each (SAFETYKG_RUN_LOG), per page."""
    from bench import app_load

    report = app_load.run(sample_workspace, sessions=3, rounds=1)
    assert report["page_runs"] == 3 * len(app_load.PAGES) and report["targets"] >= 1
    assert report["failed_runs"] == []
    assert all(r["status"] == "FINISHED_SUCCESSFULLY" for r in report["rows"])
    assert {p: s["n"] for p, s in report["server_per_page"].items()} == dict.fromkeys(app_load.PAGES, 3)
    assert all(r["seconds"] > 0 and r["session"] for r in report["server_runs"])
    assert len({r["session"] for r in report["server_runs"]}) == 3 * len(app_load.PAGES)  # a session per visit


def test_substitute_dates_moves_every_form_of_a_date_text_and_gold_alike() -> None:
    import random

    from bench.substitute import substitute

    text = ("今天(9.13)上午，1129日，12月5号，二○○六年十一月三日，2020年12月13日召开会议。17.05.2017 "
            "03/24/2011 9月21至25日，3月29下午")
    gold = {"published": "2020-12-15", "meetings": [{"date": "2020-12-13"}, {"date": "--11-03"}]}
    new_text, new_gold, n = substitute(text, gold, "dates", random.Random(1))
    assert n == 1
    assert new_text == ("今天(9.11)上午，1127日，12月3号，二○○八年十一月一日，2022年12月11日召开会议。15.05.2019 "
                        "03/22/2013 9月19至23日，3月27下午")
    assert new_gold == {"published": "2022-12-13", "meetings": [{"date": "2022-12-11"}, {"date": "--11-01"}]}


def test_substitute_places_picks_no_functional_zone_and_skips_a_former_level() -> None:
    from bench.substitute import _siblings

    # a development zone listed among the counties (code xxxx7x) is no division of the gold
    assert all("开发区" not in s and "管理区" not in s for s in _siblings("河南省郑州市二七区"))
    # a county the text names by its former level (`沙县` of 沙县区) has no consistent rewrite: `三元县` is no place
    import random

    from bench.substitute import substitute

    text = "沙县县委书记带队开展安全生产督查。"
    gold = {"regions": ["福建省三明市沙县区"]}
    assert substitute(text, gold, "places", random.Random(1)) == (text, gold, 0)
