"""The JSON-LD block of the document pages."""

import json

from resolutions.web.presenters.json_ld import json_ld_script


def test_json_ld_cannot_close_its_script_element():
    script = json_ld_script({"text": "</script><script>alert(1)</script> & more"})
    body = script[len('<script type="application/ld+json">') : -len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["text"] == "</script><script>alert(1)</script> & more"
