"""The "Exit this page" control: a plain link without JavaScript; with JavaScript, three
presses of Shift leave the page too. The neutral site is blocked inside Chromium, so the
test sees the browser try to leave without any request reaching the network."""
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import PAGES

SENSITIVE = next(p for p in PAGES if "/topics/domestic-abuse/" in p)


@pytest.fixture()
def blocked_exit(driver):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*bbc.co.uk*"]})
    yield driver
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


def test_exit_link_works_without_javascript(driver_without_js, base_url):
    driver_without_js.get(base_url + SENSITIVE)
    link = driver_without_js.find_element("css selector", "a.exit-this-page")
    assert link.get_attribute("href").startswith("https://")
    assert link.is_displayed()


def test_three_shift_presses_leave_the_page(blocked_exit, base_url):
    blocked_exit.get(base_url + SENSITIVE)
    press_shift(blocked_exit, 3)
    deadline = time.time() + 10
    while time.time() < deadline and base_url in blocked_exit.current_url:
        time.sleep(0.1)
    assert "bbc.co.uk" in blocked_exit.current_url


# Recorded by a listener added after the page's own, so it runs after the page's handler has
# dealt with the same key press: it sees what that handler decided.
RECORD_PRESSES = """
window.presses = [];
document.addEventListener('keydown', function (event) {
  window.presses.push({key: event.key, leaving: document.body.classList.contains('exit-this-page-leaving')});
});
"""


def press_shift(driver, times):
    actions = ActionChains(driver)
    for _ in range(times):
        actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    actions.perform()


def test_two_shift_presses_do_not(blocked_exit, base_url):
    blocked_exit.get(base_url + SENSITIVE)
    blocked_exit.execute_script(RECORD_PRESSES)
    press_shift(blocked_exit, 2)
    # The page's handler saw both presses and did not start leaving (leave() marks the page
    # before it navigates, in the same key press).
    assert blocked_exit.execute_script("return window.presses") == [{"key": "Shift", "leaving": False}] * 2
    # Its two-second window passes: the count starts again, so one more press does not leave either.
    time.sleep(2.5)
    assert base_url in blocked_exit.current_url, "two presses left the page later"
    press_shift(blocked_exit, 1)
    assert blocked_exit.execute_script("return window.presses")[-1] == {"key": "Shift", "leaving": False}
    # And the same page does leave on three presses: the handler was there all along.
    press_shift(blocked_exit, 3)
    deadline = time.time() + 10
    while time.time() < deadline and base_url in blocked_exit.current_url:
        time.sleep(0.1)
    assert "bbc.co.uk" in blocked_exit.current_url
