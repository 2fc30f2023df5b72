"""Smoke tests in Firefox (Debian's firefox-esr, driven through Marionette): the offline zip,
opened from file://, searches and runs a quiz under its own Content Security Policy, and the
presenter window of the slides stays in step with the audience window."""

import shutil
import socket
import subprocess
import time

import pytest

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def firefox(tmp_path_factory):
    from marionette_driver.marionette import Marionette

    executable = shutil.which("firefox-esr") or shutil.which("firefox")
    assert executable, "Debian's firefox-esr is required: scripts/test installs it"
    profile = tmp_path_factory.mktemp("firefox-profile")
    port = free_port()
    prefs = {
        "marionette.port": port,
        "browser.shell.checkDefaultBrowser": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.enabled": False,
        "app.update.enabled": False,
        "network.captive-portal-service.enabled": False,
        "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False,
        # Marionette's key presses open windows as a reader's would; headless Firefox would
        # otherwise treat the presenter window as a pop-up opened while the page loads.
        "dom.disable_open_during_load": False,
    }
    (profile / "user.js").write_text(
        "".join(f'user_pref("{key}", {str(value).lower()});\n' for key, value in prefs.items())
    )
    process = subprocess.Popen(
        [
            executable,
            "--headless",
            "--marionette",
            "-remote-allow-system-access",
            "-profile",
            str(profile),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = Marionette(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 60
    while True:
        try:
            client.start_session()
            break
        except Exception:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.5)
    yield client
    client.delete_session()
    process.terminate()  # SIGTERM: Firefox shuts down cleanly
    process.wait(timeout=30)


def wait(client, script: str, timeout: float = 20, sandbox: str | None = "default"):
    """Until `script` returns something true; `sandbox=None` runs it in the page's own scope,
    where the page's scripts' globals are (Marionette's default sandbox does not see them)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = client.execute_script(script, sandbox=sandbox)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {script}")


def test_offline_zip_searches_and_runs_a_quiz_in_firefox(firefox, offline_site):
    from marionette_driver.by import By

    violations = """window.ctipViolations = [];
        document.addEventListener("securitypolicyviolation",
            (event) => window.ctipViolations.push(event.violatedDirective));"""
    firefox.navigate((offline_site / "ru" / "index.html").as_uri())
    firefox.execute_script(violations, sandbox=None)
    field = firefox.find_element(By.CSS_SELECTOR, "input.md-search__input")
    field.click()
    field.send_keys("торговли")
    found = wait(
        firefox,
        "return document.querySelectorAll('.md-search-result__item').length",
    )
    assert found > 0
    firefox.navigate((offline_site / "ru" / "modules" / "identifying-victims.html").as_uri())
    firefox.execute_script(violations, sandbox=None)
    wait(firefox, "return !!document.querySelector('.ctip-quiz[data-ctip-ready]')")
    result = firefox.execute_script(
        """const question = document.querySelector('.ctip-question');
        const key = [...question.querySelectorAll('.ctip-answer__option')]
            .map(item => item.dataset.correct === 'true');
        if (!key.length) {
            const answer = question.querySelector('[data-answer]').dataset.answer === 'true';
            key.push(answer, !answer);
        }
        key.forEach((right, place) => {
            if (right) question.querySelector(`fieldset input[value="${place}"]`).click();
        });
        question.querySelector('.ctip-quiz__button--check').click();
        return question.querySelector('.ctip-question__result').textContent;"""
    )
    assert result == "Правильно"
    assert firefox.execute_script("return window.ctipViolations", sandbox=None) == []


def test_offline_presenter_window_follows_the_audience_in_firefox(firefox, offline_site):
    """From the offline zip under file://, the presenter window and the audience window move
    together, both ways."""
    from marionette_driver.by import By
    from marionette_driver.keys import Keys

    module = (offline_site / "tk" / "modules" / "identifying-victims.html").as_uri()
    firefox.navigate(module + "?present=2")
    wait(firefox, "return !!document.querySelector('.ctip-deck__stage')")
    audience = firefox.current_window_handle
    index = "return window.ctipPresent && ctipPresent.current() && ctipPresent.current().index"
    assert firefox.execute_script(index, sandbox=None) == 1
    firefox.find_element(By.CSS_SELECTOR, ".ctip-deck__stage").send_keys("p")
    deadline = time.monotonic() + 20
    while len(firefox.window_handles) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    [presenter] = [handle for handle in firefox.window_handles if handle != audience]
    try:
        firefox.switch_to_window(presenter)
        wait(firefox, "return !!document.querySelector('.ctip-deck--presenter')")
        assert firefox.execute_script(index, sandbox=None) == 1
        assert firefox.execute_script(
            "return document.querySelector('.ctip-presenter__notes').textContent.trim().length"
        )
        firefox.switch_to_window(audience)
        firefox.find_element(By.CSS_SELECTOR, ".ctip-deck__stage").send_keys(Keys.ARROW_RIGHT)
        firefox.switch_to_window(presenter)
        wait(firefox, index.replace("return ", "return (") + ") === 2", sandbox=None)
        firefox.find_element(By.CSS_SELECTOR, ".ctip-deck__stage").send_keys(Keys.HOME)
        firefox.switch_to_window(audience)
        wait(firefox, index.replace("return ", "return (") + ") === 0", sandbox=None)
    finally:
        firefox.switch_to_window(presenter)
        firefox.close()
        firefox.switch_to_window(audience)
