"""`ctip screenshots`: every trainer's view of the real site, photographed in Turkmen."""

import pytest
from PIL import Image, ImageStat

from ctip.screenshots import SCREEN, shoot

VIEWS = [
    "trainer-mode",
    "trainer-mode-note",
    "trainer-notes-page",
    "planner",
    "planner-agenda",
    "slide-light",
    "slide-dark",
    "presenter-view",
    "live-quiz-question",
    "live-quiz-tally",
    "live-quiz-explanation",
    "webinar-guide",
]


@pytest.mark.browser
def test_every_trainer_view_is_photographed(browser, site, serve, tmp_path):
    shots = shoot(browser, serve(site) + "tk/", "identifying-victims", tmp_path)
    assert [shot.stem for shot in shots] == VIEWS
    for shot in shots:
        with Image.open(shot) as image:
            if shot.stem != "planner-agenda":
                assert image.size == (SCREEN["width"], SCREEN["height"]), shot.name
            low, high = ImageStat.Stat(image.convert("L")).extrema[0]
            assert high - low > 100, f"{shot.name} is blank"
