"""The app in a real headless Chromium (Debian's, never a downloaded one), driven by Playwright.

Starts `streamlit run app.py` on the sample-corpus workspace, visits every page,
checks the key text is visible and no Streamlit exception box is shown, saves a
screenshot per page under test-artifacts/, and checks that markup inside an
article shows as text and never runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app_pages import PAGES
from app_pages.i18n import t
from tests.test_app_workspace import ROOT, built_workspace, hostile_doc_id  # noqa: F401 - fixture

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# page -> text that must be visible once the page has rendered (besides its title)
KEY_TEXT = {
    "overview": "恩施土家族苗族自治州",
    "propagation": "宣恩县",  # the Hubei province meeting's relay tree reaches the county
    "meetings": "周先旺",  # the chair of the Hubei province meeting
    "people": "职务（附来源）",
    "chains": "县级",
    "explorer": "节点类型",
    "sectors": "危险化学品",
    "sources": "事实已高亮",
    "console": "Neo4j",
    "upload": ".txt",
    "downloads": "GraphML",
}


def hubei_meeting(ws: Path) -> str:
    """The id of the Hubei province meeting of 2017-07-31 (seed 001), read through the app's own query."""
    from graph_loader.stores.embedded import EmbeddedStore
    from queries.registry import run_query

    res = run_query(EmbeddedStore.open(ws), "meetings", {"region": "湖北省", "level": "province"})
    return next(m.meeting.id for m in res.meetings if m.date == "2017-07-31")


def page_query(name: str, ws: Path) -> str:
    from urllib.parse import urlencode

    params = {"page": name}
    if name == "propagation":
        params["target"] = hubei_meeting(ws)
    if name == "meetings":
        params["meeting"] = hubei_meeting(ws)
    if name == "sources":
        params["doc"] = "001_9cb08e20f04e73bb"
    return urlencode(params)


def _need_browser() -> None:
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("SAFETYKG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is missing and SAFETYKG_REQUIRE_BROWSER=1")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(workspace: Path, **env_extra: str) -> Iterator[str]:
    """`streamlit run app.py` on `workspace` (embedded store) on a free port; yields its URL."""
    port = _free_port()
    env = {**os.environ, "SAFETYKG_WORKSPACE": str(workspace), "PYTHONUNBUFFERED": "1", **env_extra}
    env.pop("NEO4J_URI", None)
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    log = open(ARTIFACTS.parent / ".pytest_cache" / "streamlit-browser.log", "w") if (
        ARTIFACTS.parent / ".pytest_cache").is_dir() else subprocess.DEVNULL
    proc = subprocess.Popen(
        [streamlit, "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--client.showErrorDetails", "full"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not answer within 60 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def app_url(built_workspace: Path) -> Iterator[str]:  # noqa: F811
    _need_browser()
    with streamlit_server(built_workspace) as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _settle(page: object) -> None:
    """Wait until Streamlit reports the script run finished (the running indicator is gone)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.match(/Running|Stop/)",
        timeout=30_000)
    page.wait_for_timeout(500)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_in_chromium(browser: object, app_url: str, name: str,
                                        built_workspace: Path) -> None:  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{app_url}/?{page_query(name, built_workspace)}", wait_until="domcontentloaded")
        page.get_by_role("heading", name=t(f"page_{name}", "zh")).first.wait_for(timeout=30_000)
        page.get_by_text(KEY_TEXT[name]).filter(visible=True).first.wait_for(timeout=30_000)
        _settle(page)
        if name == "explorer":  # the graph component draws on a canvas inside its iframe
            page.frame_locator("iframe").locator("canvas").first.wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / f"page-{name}.png"), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text(KEY_TEXT[name]).filter(visible=True).first.is_visible()
        assert not errors, errors
    finally:
        page.close()


def test_article_markup_shows_as_text_and_never_runs(browser: object, app_url: str,
                                                    built_workspace: Path) -> None:  # noqa: F811
    doc_id = hostile_doc_id(built_workspace)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{app_url}/?page=sources&doc={doc_id}", wait_until="domcontentloaded")
        page.get_by_text("<script>window.__skg_xss = 1;</script>", exact=False).first.wait_for(timeout=30_000)
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / "page-sources-hostile.png"), full_page=True)
        assert page.evaluate("() => window.__skg_xss === undefined")
        assert page.get_by_text('onerror="window.__skg_xss = 2"', exact=False).first.is_visible()
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        page.close()


def test_explorer_names_nodes_labels_edges_and_shows_a_legend(browser: object, app_url: str) -> None:
    """Read back from the page's own Cytoscape instance: every node and edge has a caption drawn at a
    readable size at the zoom the graph opens with, and the legend names each colour."""
    from app_pages.explorer import LABEL_COLOURS

    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    try:
        page.goto(f"{app_url}/?page=explorer", wait_until="domcontentloaded")
        page.get_by_text(KEY_TEXT["explorer"]).filter(visible=True).first.wait_for(timeout=30_000)
        _settle(page)
        frame = page.frame_locator("iframe")
        frame.locator("canvas").first.wait_for(timeout=30_000)
        page.wait_for_timeout(2000)  # the layout animates
        page.screenshot(path=str(ARTIFACTS / "page-explorer-captions.png"), full_page=True)
        inner = next(f for f in page.frames if f != page.main_frame and "st_link_analysis" in f.url)
        drawn = inner.evaluate("""() => {
            const cy = document.getElementById('cy')._cyreg.cy;
            const caption = el => ({label: el.style('label'),
                                    px: parseFloat(el.renderedStyle('font-size')),
                                    min: parseFloat(el.style('min-zoomed-font-size'))});
            return {nodes: cy.nodes().map(caption), edges: cy.edges().map(caption)};
        }""")
        assert len(drawn["nodes"]) > 3 and drawn["edges"]
        for el in drawn["nodes"] + drawn["edges"]:
            assert el["label"], el  # a caption ...
            assert el["px"] >= max(el["min"], 7), el  # ... big enough that Cytoscape draws it, and legible
        assert any("巡查" in n["label"] for n in drawn["nodes"])  # names, not ids
        assert any(e["label"].startswith("PARTICIPATED") for e in drawn["edges"])
        legend = page.locator(".skg-legend").first
        assert legend.is_visible()
        text = legend.inner_text()
        assert all(label in text for label in ("Person", "Meeting") if label in LABEL_COLOURS)
    finally:
        page.close()
