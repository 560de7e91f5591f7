"""How a replacement takes the casing of the text it stands in for.

One rule for surrogate generators, the pseudonymizer's rendering and re-identification: an
all-capitals occurrence (of two or more characters) gets the replacement in capitals, an
all-lower-case one in lower case, anything else the replacement as it is.
"""

from __future__ import annotations


def case_like(template: str, value: str) -> str:
    """``value`` written in the casing of ``template``."""
    if len(template) > 1 and template.isupper():
        return value.upper()
    if template.islower():
        return value.lower()
    return value
