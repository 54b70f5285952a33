"""Pages on a generated corpus: the Sectors page shows counts (meetings carry ADDRESSES to the sectors
named in their passage) and agrees with the sectors query; the meetings table pages through a
corpus larger than one page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_app import run_page


@pytest.fixture(scope="module")
def generated_workspace(tmp_path_factory: pytest.TempPathFactory):
    from graph_loader.build import build_paths
    from graph_loader.generate import generate

    base = tmp_path_factory.mktemp("gen-sectors")
    generate(40, 5, base / "gen")
    ws = base / "ws"
    assert not build_paths([base / "gen" / "texts"], ws, shacl=False).rejected
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SAFETYKG_WORKSPACE", str(ws))
        yield ws


def test_sectors_query_counts_meetings_on_a_generated_corpus(generated_workspace: Path) -> None:
    from graph_loader.stores.embedded import EmbeddedStore
    from queries.registry import run_query

    res = run_query(EmbeddedStore.open(generated_workspace), "sectors", {"level": "province"})
    assert res.totals and res.rows
    assert all(t.meetings >= 1 and t.articles >= 1 for t in res.totals)
    assert sum(r.meetings for r in res.rows) >= res.totals[0].meetings


def test_sectors_page_shows_heatmap_on_a_generated_corpus(generated_workspace: Path) -> None:
    at = run_page("sectors", lang="en")
    assert at.dataframe, "no sector counts: " + " | ".join(i.value for i in at.info)
    assert len(at.get("vega_lite_chart")) == 2
    assert at.selectbox(key="sc_level").value == "province"


def test_meetings_table_pages_through_the_corpus(generated_workspace: Path, monkeypatch) -> None:
    import app_pages.meetings

    monkeypatch.setattr(app_pages.meetings, "PAGE", 10)
    at = run_page("meetings")
    first = list(at.dataframe[0].value["id"])
    captions = [c.value for c in at.caption]
    total = next(int(c.split("共 ")[1].split(" ")[0]) for c in captions if c.startswith("第 1–10 条"))
    assert len(first) == 10 and total > 20
    at.number_input(key="mt_page").set_value(2).run()
    second = list(at.dataframe[0].value["id"])
    assert len(second) == 10 and not set(first) & set(second)
    assert any(c.value == f"第 11–20 条，共 {total} 条" for c in at.caption)
    at.number_input(key="mt_page").set_value(-(-total // 10)).run()  # the last page holds the rest
    assert len(at.dataframe[0].value) == total - 10 * (-(-total // 10) - 1)
