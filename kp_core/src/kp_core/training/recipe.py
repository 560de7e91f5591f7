"""What a model family supplies to be trained: a :class:`Recipe`.

The driver (:mod:`kp_core.training.driver`) owns everything every family shares: reading and
splitting the data, seeding, the step loop under ``--max-steps`` / ``--time-budget``, the
learning-rate schedule, evaluation on a cadence, checkpoints and ``--resume``, ``kp.json`` and the
run summary. A recipe owns only its model: build it from a base, turn examples into training
items, one forward/backward, one optimizer update, save and restore its resumable state, a
detector over the current weights, and the final save. Recipes never loop and never split.

Write a recipe as a plain class with the attributes and methods below (no base class needed);
``kp_core.testing.RecipeConformance`` checks it the same way it checks kp's own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

import attrs

if TYPE_CHECKING:
    from kp_core.detector import Detector
    from kp_core.training.config import TrainConfig
    from kp_core.training.data import PreparedData
    from kp_core.training.options import Option


@attrs.frozen(kw_only=True)
class RunContext:
    """What the driver hands a recipe's :meth:`Recipe.setup`."""

    config: TrainConfig
    options: Mapping[str, Any]  # every declared option, parsed, defaults filled in
    data: PreparedData  # the split: the same for every family and framework
    device: str  # the resolved backend name (``cpu``, ``cuda``, ``mps``, ``mlx``, ...)
    hardware: str  # what the backend says it runs on, for the log and kp.json
    out: Path
    echo: Callable[[str], None]


@attrs.frozen
class MicroStep:
    """What one forward/backward reports: its mean loss (unscaled), rows and tokens seen."""

    loss: float
    samples: int
    tokens: int = 0


@runtime_checkable
class Recipe(Protocol):
    """A model family's training recipe (see the module docstring)."""

    family: ClassVar[str]
    # The framework of the devices it runs on (``torch``, ``mlx``), or None for a recipe that runs
    # in-process on the host CPU with numpy alone (``--device auto`` or ``cpu``).
    framework: ClassVar[str | None]
    options: ClassVar[Sequence[Option]]

    def setup(self, run: RunContext) -> None:
        """Build or load the model from ``run.config.base``, seeded by ``run.config.seed``, encode
        ``run.data.train`` into training items and create the optimizer at ``run.config.lr``."""

    def item_lengths(self) -> Sequence[int]:
        """The size of each training item (tokens, words): the driver batches items of similar
        size together, in a seeded order that is a pure function of (seed, epoch). A recipe may
        set the class attribute ``batching = "shuffled"`` for plain seeded shuffles instead (see
        :mod:`kp_core.training.batching`)."""

    def forward_backward(self, batch: Sequence[int], loss_scale: float) -> MicroStep:
        """Forward the training items ``batch`` (indices), back-propagate ``loss * loss_scale``
        and keep the gradients for the next :meth:`update`."""

    def update(self, lr_factor: float) -> None:
        """One optimizer step at every learning rate times ``lr_factor``, then clear gradients."""

    def save_state(self, folder: Path) -> None:
        """Write what a resumed run needs to continue exactly: trainable weights, optimizer state,
        framework RNG state (``folder`` exists; the driver writes the loop position beside it)."""

    def load_state(self, folder: Path) -> None:
        """Restore what :meth:`save_state` wrote."""

    def detector(self) -> Detector:
        """A detector over the current weights, in inference mode (for evaluation)."""

    def train_mode(self) -> None:
        """Back to training mode after an evaluation on the cadence."""

    def finish(self) -> Mapping[str, Any]:
        """Training is over: merge adapters, say which extra figures the final evaluation adds
        (``eval_loss`` and the like, computed on the eval items) and return them."""

    def save(self, out: Path) -> Mapping[str, Any]:
        """Save the final model into ``out`` (safetensors, loadable by the family's ``load``) and
        return the family's own ``kp.json`` fields (label scheme, max length, adapters, ...)."""


RecipeFactory = Callable[[], Recipe]
