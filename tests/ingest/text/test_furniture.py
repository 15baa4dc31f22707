"""Lines that are no text of the resolution: web addresses, other scripts."""

from resolutions.ingest.text.furniture import foreign_reason


def test_foreign_lines():
    assert foreign_reason("https://www.example.com/x?y=1") == "a bare web address"
    assert foreign_reason("预览已结束，完整报告链接和二维码如下：") == "not in the Latin script of an English text"
    assert foreign_reason("Recalling its resolution 67/8 on Asia – “social protection floor”") == ""
