"""Fill the ``{X}`` slots of a template sentence with invented values: the tiny PII datasets of the
framework test suites (torch, mlx, gliner) are all built this way."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

# (rng, first name, last name) -> {slot: (value, KP label)}; every slot's value is drawn on each
# call, so a suite's random stream (and so its data) does not depend on which slot was asked for.
SlotValues = Callable[[random.Random, str, str], dict[str, tuple[str, str]]]


def fill_template(
    rng: random.Random, template: str, first_names: Sequence[str], last_names: Sequence[str], values: SlotValues
) -> dict:
    """``{"text", "spans"}`` of ``template`` with each slot replaced by a drawn value."""
    text, spans = "", []
    for i, part in enumerate(template.replace("}", "{").split("{")):
        if i % 2 == 0:
            text += part
            continue
        value, label = values(rng, rng.choice(first_names), rng.choice(last_names))[part]
        spans.append({"start": len(text), "end": len(text) + len(value), "label": label})
        text += value
    return {"text": text, "spans": spans}
