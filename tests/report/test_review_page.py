"""The review page: self-contained, and driven in headless Chromium like a linguist would."""

import os
import re
import shutil

import pytest

from corpus_tools.pipeline import CleanConfig, Pipeline
from corpus_tools.report.review_page import asset, data_json, render_page
from corpus_tools.rules.loader import load_rules
from corpus_tools.tasks.review import collect
from corpus_tools.tasks.review_decisions import Decisions, page_data, patch_toml, sheet_csv


@pytest.fixture
def corpus(fixtures_dir):
    return fixtures_dir / "review"


@pytest.fixture
def review(corpus):
    rule_set = load_rules([corpus / "names.toml"], use_defaults=False)
    return collect(Pipeline(None, CleanConfig(rule_set=rule_set)), [str(corpus / "news.txt")])


def test_the_page_holds_everything_it_needs(review):
    page = render_page(page_data(review))
    assert asset("review_page.js") in page and asset("review_page.css") in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing from a network
    assert "connect-src" not in page and "default-src 'none'" in page


@pytest.mark.parametrize("value, written", [
    ("</script><b>", "<\\/script><b>"),       # never closes the script element
    ("caf\udce9", "caf\\udce9"),             # a byte that was not UTF-8: a JSON escape
    ("line\u2028break", "line\\u2028break"),
    ("Ереван", "Ереван"),                    # letters stay letters (a smaller page)
])
def test_data_json_is_safe_inside_a_script_element(value, written):
    assert data_json({"s": value}) == f'{{"s":"{written}"}}'


def test_every_form_control_has_a_label(review):
    page = render_page(page_data(review))
    controls = re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', page)
    assert controls and all(f'<label for="{control}">' in page for control in controls)


# -- in a browser ----------------------------------------------------------------------------

def _browser():
    """A headless Chromium driven by Selenium, or a skip saying what is missing."""
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed: pip install selenium")
    binary = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                  "google-chrome"))), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.skip("chromium or chromedriver is absent (apt-get install chromium "
                    "chromium-driver): the review page's browser tests skip")
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,860"):
        options.add_argument(argument)
    options.binary_location = binary
    from selenium.webdriver.chrome.service import Service

    return webdriver.Chrome(service=Service(driver_path), options=options)


@pytest.fixture
def browser():
    driver = _browser()
    yield driver
    driver.quit()


def _keys(driver, *keys):
    from selenium.webdriver.common.action_chains import ActionChains

    chain = ActionChains(driver)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def _search(driver, text):
    from selenium.webdriver.common.keys import Keys

    _keys(driver, "/")
    field = driver.switch_to.active_element
    assert field.get_attribute("id") == "search"
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE, text, Keys.ENTER)


def _exported(driver, button):
    driver.find_element("id", button).click()
    return driver.find_element("id", "export-output").get_property("value")


def test_a_linguist_filters_decides_by_keyboard_and_exports_rules_that_work(
        browser, review, corpus, tmp_path, invoke):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    page = tmp_path / "review.html"
    page.write_text(render_page(page_data(review)), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.get_log("browser") == []
    summary = browser.find_element("id", "summary")
    assert summary.text.startswith("9 occurrences, 9 shown")

    # Filter, then move with j/k: the detail follows.
    Select(browser.find_element("id", "filter-outcome")).select_by_value("changed")
    assert "5 shown" in summary.text
    browser.execute_script("document.getElementById('list').focus()")
    _keys(browser, "j", "j", "k")
    assert browser.find_element("css selector", "#detail-body h2").text.startswith("2 of 5")
    rendered = browser.find_elements("css selector", "#list .row")
    assert len(rendered) == 5 and "current" in rendered[1].get_attribute("class")
    Select(browser.find_element("id", "filter-outcome")).select_by_value("")
    _keys(browser, Keys.ESCAPE)  # from a filter back to the list
    assert browser.switch_to.active_element.get_attribute("id") == "list"

    # Decide with the keyboard: reject one occurrence, accept one, accept a whole spelling.
    _search(browser, "commanded the brigade")
    assert "1 shown" in summary.text
    assert browser.find_element("id", "keep-proposal").text == 'keep "Nikolaev, who"'
    _keys(browser, "r")
    _search(browser, "Defence minister")
    _keys(browser, "a")
    _search(browser, "Nicolaev")
    _keys(browser, "R", "U", "A")  # reject the spelling, clear that, accept it
    _search(browser, "")
    assert "9 shown; 2 accepted, 1 rejected" in summary.text

    lines = {occurrence.line: occurrence for occurrence in review.occurrences}
    same = Decisions({lines[2].id: "reject", lines[1].id: "accept"},
                     {("name:Nikolayev", "Nicolaev"): "accept"})
    toml = _exported(browser, "export-toml")
    assert toml == patch_toml(review, same)  # the page's export is the library's, byte for byte
    assert _exported(browser, "export-csv") == sheet_csv(review, same)
    browser.save_screenshot(str(tmp_path / "review-page.png"))  # the test's artifact
    if os.environ.get("REVIEW_SCREENSHOT"):
        browser.save_screenshot(os.environ["REVIEW_SCREENSHOT"])

    patch = tmp_path / "review-patch.toml"
    patch.write_text(toml, encoding="utf-8")
    rules = ["--no-default-rules", str(corpus / "names.toml"), str(patch)]
    assert invoke(["rules", "check", "--strict", *rules]).exit_code == 0
    tested = invoke(["rules", "test", *rules])
    assert tested.exit_code == 0 and " 0 failed" in tested.stdout, tested.stdout
    cleaned = invoke(["clean", "--no-default-rules", "--rules", str(corpus / "names.toml"),
                      "--rules", str(patch), str(corpus / "news.txt")])
    assert cleaned.stdout == (corpus / "expected.txt").read_text(encoding="utf-8")


CASES = {  # name: (occurrence decisions by line, spelling decisions), the summary shown
    "reject one": ({2: "reject"}, {}, "0 accepted, 1 rejected"),
    "reject a suggestion": ({3: "reject"}, {}, "0 accepted, 1 rejected"),
    "accept a kept match": ({6: "accept"}, {}, "1 accepted, 0 rejected"),
    "reject a spelling, keep one match": ({5: "accept"}, {"Nikolaev": "reject"},
                                          "1 accepted, 6 rejected"),
    "accept a suggestion, reject it once": ({3: "reject"}, {"Nicolaev": "accept"},
                                            "0 accepted, 1 rejected"),
}


@pytest.mark.parametrize("case", CASES)
def test_decisions_loaded_show_on_the_page_and_export_as_the_library_does(
        case, browser, review, tmp_path):
    lines = {occurrence.line: occurrence for occurrence in review.occurrences}
    by_line, by_spelling, summary = CASES[case]
    decisions = Decisions({lines[line].id: d for line, d in by_line.items()},
                          {("name:Nikolayev", spelling): d for spelling, d in by_spelling.items()})
    page = tmp_path / "review.html"
    page.write_text(render_page(page_data(review, decisions)), encoding="utf-8")
    browser.get(page.as_uri())
    assert summary in browser.find_element("id", "summary").text
    assert browser.execute_script("return window.corpusReview.patchToml()") == \
        patch_toml(review, decisions)
    assert browser.execute_script("return window.corpusReview.sheetCsv()") == \
        sheet_csv(review, decisions)


def test_axe_finds_no_violation(browser, review, tmp_path):
    axe_selenium = pytest.importorskip(
        "axe_selenium_python", reason="axe-selenium-python is not installed: the axe check skips")
    lines = {occurrence.line: occurrence for occurrence in review.occurrences}
    page = tmp_path / "review.html"
    page.write_text(render_page(page_data(review, Decisions({lines[2].id: "reject"}))),
                    encoding="utf-8")
    browser.get(page.as_uri())
    axe = axe_selenium.Axe(browser)
    axe.inject()
    found = axe.run()
    assert len(found["passes"]) > 20  # it did look
    assert [(v["id"], [node["target"] for node in v["nodes"]]) for v in found["violations"]] == []


_CONTRAST = """
function lum(c) { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
  v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
function background(el) { for (; el; el = el.parentElement) {
  const c = getComputedStyle(el).backgroundColor;
  if (c && !/rgba\\(.*, 0\\)$/.test(c) && c !== "transparent") return c; } return "rgb(255, 255, 255)"; }
const low = [];
for (const el of document.querySelectorAll("body *")) {
  if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
  if (!el.getClientRects().length) continue;
  const a = lum(getComputedStyle(el).color), b = lum(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push(el.tagName + "." + el.className + ": " + ratio.toFixed(2));
}
return low;
"""


def test_contrast_and_focus_order(browser, review, tmp_path):
    from selenium.webdriver.common.keys import Keys

    page = tmp_path / "review.html"
    page.write_text(render_page(page_data(review)), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.execute_script(_CONTRAST) == []  # WCAG AA: 4.5:1 for text
    order = []
    for _ in range(40):
        _keys(browser, Keys.TAB)
        element = browser.switch_to.active_element
        order.append(element.get_attribute("id") or element.text)
    wanted = ["search", "filter-rule", "filter-outcome", "filter-lang", "filter-file",
              "filter-decision", "list", "accept", "reject", "export-toml", "export-output"]
    positions = [order.index(name) for name in wanted]
    assert positions == sorted(positions), order
