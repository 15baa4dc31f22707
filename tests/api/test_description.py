"""The OpenAPI description says what the validation does: no empty query values, the search's last page."""

from drf_spectacular.generators import SchemaGenerator

from resolutions.search.execute import max_page


def description():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_no_query_parameter_admits_an_empty_value():
    """The request guard refuses ``?sort=`` and every other empty value: the description must not allow one."""
    for path, operations in description()["paths"].items():
        for parameter in operations["get"].get("parameters", []):
            if parameter["in"] != "query":
                continue
            schema = parameter["schema"]
            assert "" not in schema.get("enum", []), (path, parameter["name"])
            if schema.get("type") == "string" and "enum" not in schema:
                assert schema.get("minLength", 0) >= 1, (path, parameter["name"])


def test_the_search_page_is_bounded_as_the_search_bounds_it(client, db):
    search = description()["paths"]["/api/v1/search"]["get"]
    page = next(p for p in search["parameters"] if p["name"] == "page")["schema"]
    assert page["maximum"] == max_page(grouped=True) >= max_page(grouped=False)
    too_far = client.get("/api/v1/search", {"q": "development", "view": "resolutions", "page": page["maximum"] + 1})
    assert too_far.status_code == 400
