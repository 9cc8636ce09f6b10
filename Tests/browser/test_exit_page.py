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
    actions = ActionChains(blocked_exit)
    for _ in range(3):
        actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    actions.perform()
    deadline = time.time() + 10
    while time.time() < deadline and base_url in blocked_exit.current_url:
        time.sleep(0.1)
    assert "bbc.co.uk" in blocked_exit.current_url


def test_two_shift_presses_do_not(blocked_exit, base_url):
    blocked_exit.get(base_url + SENSITIVE)
    actions = ActionChains(blocked_exit)
    for _ in range(2):
        actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    actions.perform()
    time.sleep(0.5)
    assert base_url in blocked_exit.current_url
