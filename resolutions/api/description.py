"""The OpenAPI description brought in line with what the API accepts, for every operation at once.

Every ``/api/v1/`` parameter given with no value (``?sort=``) is refused with a 400 before any view
(``archive.request_guard``): a client that sent one meant something it did not say. So no query
parameter of the description admits the empty string: a string has ``minLength: 1``, a list of choices
never lists ``""``. Done here, once, rather than parameter by parameter, so a parameter added later
(a filter, a ``language``) is described as it is validated without anyone remembering to.
"""

from __future__ import annotations


def _without_empty_values(schema: dict) -> None:
    if "enum" in schema:
        schema["enum"] = [value for value in schema["enum"] if value != ""]
    elif schema.get("type") == "string":
        schema["minLength"] = max(schema.get("minLength", 0), 1)
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        _without_empty_values(schema["items"])


def no_empty_query_values(result: dict, generator, request, public) -> dict:
    """drf-spectacular's postprocessing hook: the rule above applied to every query parameter."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("in") == "query" and isinstance(parameter.get("schema"), dict):
                    _without_empty_values(parameter["schema"])
    return result
