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
    "overview": "湖北省",
    "propagation": "恩施土家族苗族自治州",
    "meetings": "湖北省",
    "people": "职务",
    "chains": "宣恩县",
    "explorer": "节点类型",
    "sectors": "危险化学品",
    "sources": "原文",
    "console": "Neo4j",
    "upload": ".txt",
    "downloads": "GraphML",
}


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


@pytest.fixture(scope="module")
def app_url(built_workspace: Path) -> Iterator[str]:  # noqa: F811
    _need_browser()
    port = _free_port()
    env = {**os.environ, "SAFETYKG_WORKSPACE": str(built_workspace), "PYTHONUNBUFFERED": "1"}
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
def test_every_page_renders_in_chromium(browser: object, app_url: str, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{app_url}/?page={name}", wait_until="domcontentloaded")
        page.get_by_role("heading", name=t(f"page_{name}", "zh")).first.wait_for(timeout=30_000)
        page.get_by_text(KEY_TEXT[name]).first.wait_for(timeout=30_000)
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / f"page-{name}.png"), full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text(KEY_TEXT[name]).first.is_visible()
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
