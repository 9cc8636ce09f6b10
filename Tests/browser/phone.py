"""Measuring a page as a parent on a phone sees it: 375 × 667 CSS pixels (the size of an
iPhone SE), in the session's headless Chromium, through the DevTools device emulation (so
the page's viewport meta applies as on a real phone). A "screen" is one viewport height."""
import contextlib

WIDTH, HEIGHT = 375, 667


@contextlib.contextmanager
def phone(driver):
    """The driver emulates the phone inside the block, and is a desktop window again after it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True})
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def page_screens(driver):
    """How many screens the whole page is, top to bottom."""
    return driver.execute_script("return document.documentElement.scrollHeight") / HEIGHT


def top_screens(driver, element):
    """How far down the page an element starts, in screens (0: at the very top)."""
    return driver.execute_script(
        "return arguments[0].getBoundingClientRect().top + window.scrollY", element) / HEIGHT


def scrolls_sideways(driver):
    """True when the page is wider than the phone (a parent would have to scroll sideways)."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
