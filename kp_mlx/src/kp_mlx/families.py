"""kp-mlx's implementations of kp's model families, registered under the families' own names.

When kp-torch is installed too, the registry merges both into one family per name that picks
the implementation by the device's framework (``--device mlx`` here, ``cpu``/``cuda``/``mps``
there); see ``kp_core.plugins.registry.FamilyTable``. Importing this module never imports mlx.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kp_core.plugins.models import ModelResolutionError
from kp_core.plugins.registry import Family
from kp_mlx.recipe import MlxTokenRecipe


def check_mlx_device(device: str) -> str:
    """The backend ``device`` names among kp-mlx's (``auto``: the best available), or an error
    saying why MLX cannot run there; the same resolution the training driver uses."""
    from kp_core.plugins.devices import DeviceUnavailableError, resolve_device
    from kp_core.plugins.registry import get_registry

    try:
        return resolve_device(device, get_registry(), framework="mlx", strict=True).name
    except DeviceUnavailableError as exc:
        raise DeviceUnavailableError(f"--device {device}: kp-mlx cannot run there ({exc})") from None


def missing_folder_error(ref: str) -> ModelResolutionError:
    """The refusal for a reference that is no local folder: kp-mlx never downloads (kp-torch's
    loaders say the same through ``kp_torch_runtime.hub``, which kp-mlx cannot depend on)."""
    import os

    offline = os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}
    where = "where the Hugging Face Hub is reachable (HF_HUB_OFFLINE is set here)" if offline else "first"
    return ModelResolutionError(
        f"model {ref!r}: not found locally (no such folder), and kp-mlx loads local checkpoint folders only "
        f"(it never reads the Hugging Face Hub); download the model {where} and pass its folder"
    )


def load(
    ref: str,
    *,
    device: str = "auto",
    threads: int | None = None,
    batch_size: int = 32,
    max_length: int | None = None,
    operating_point: Any = None,
    progress: bool = False,
    echo: Any = None,
) -> Any:
    """A checkpoint folder (kp-torch's, an HF download or a ``-mlx`` export) -> an MLX detector.

    ``threads`` and ``echo`` are accepted for call compatibility with kp-torch; MLX manages its own
    CPU threads.
    """
    from kp_mlx.engine import MLXTokenClassifier

    check_mlx_device(device)
    folder = Path(ref).expanduser()
    if not folder.is_dir():
        raise missing_folder_error(ref)
    return MLXTokenClassifier.from_folder(
        folder,
        batch_size=batch_size,
        max_length=max_length,
        operating_point=operating_point,
        progress=progress,
    )


XLMR_NER = Family(
    name="xlmr-ner",
    description="Token-classification encoders (BERT, XLM-R) on the 73 KP BIOES labels: MLX inference",
    frameworks=("mlx",),
    load=load,
    reads_hf_token_classification=True,
)

MOE_FINETUNE = Family(
    name="moe-finetune",
    description="openai/privacy-filter MoE token classifier on the 73 KP labels: MLX inference and LoRA training",
    frameworks=("mlx",),
    load=load,
    recipe=MlxTokenRecipe,
)

FAMILIES = (XLMR_NER, MOE_FINETUNE)
