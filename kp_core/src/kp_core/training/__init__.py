"""Training: one driver for every family; a family supplies a small recipe.

The public API a family author writes against::

    from kp_core.training import MicroStep, Option, Recipe, RunContext, TrainConfig, train_with_recipe

See ``docs/write-a-family.md`` for a walk through a whole recipe.
"""

from kp_core.training.config import RunResult, TrainConfig
from kp_core.training.data import PreparedData, TrainingError
from kp_core.training.driver import train_family, train_with_recipe
from kp_core.training.options import Option, OptionError, parse_flag, parse_list
from kp_core.training.recipe import MicroStep, Recipe, RunContext

__all__ = [
    "MicroStep",
    "Option",
    "OptionError",
    "PreparedData",
    "Recipe",
    "RunContext",
    "RunResult",
    "TrainConfig",
    "TrainingError",
    "parse_flag",
    "parse_list",
    "train_family",
    "train_with_recipe",
]
