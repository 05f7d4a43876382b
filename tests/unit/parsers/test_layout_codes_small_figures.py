"""What a fax code read with a small letter amid its figures may have been (issue 10, faxlet21): codes
print capitals, so a small "b" between figures ("BRI-NY-2b0") is the figure it looks like, a 6, and the
readings resolution tries start from "BRI-NY-260", never from the capital B's look-alike 8."""

from __future__ import annotations

from core.capture.domain.misread import figures_back
from parsers.layout.codes import misreadings


def test_a_small_b_amid_figures_is_read_back_as_a_six() -> None:
    assert figures_back("BRI-NY-2b0") == "BRI-NY-260"
    assert figures_back("2b") == "26"
    assert figures_back("Hub-2") == "Hub-2"  # beside letters: a letter
    readings = misreadings("BRI-NY-2b0")
    assert "BRI-NY-260" in readings
    assert "BRI-NY-280" not in readings[: readings.index("BRI-NY-260")]


def test_a_capital_b_amid_figures_is_still_an_eights_look_alike() -> None:
    assert "BRI-NY-280" in misreadings("BRI-NY-2B0")
