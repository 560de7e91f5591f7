"""The mlx backend, the family registration and the torch-free guarantee."""

from __future__ import annotations

import platform
import subprocess
import sys

from kp_core.plugins.devices import resolve_device
from kp_core.plugins.registry import get_registry
from kp_mlx.backend import probe_mlx
from tests.mlx.conftest import fixture_folder


def test_probe_reports_the_hardware_kind():
    status = probe_mlx()
    assert status.available, status.reason
    expected = "gpu" if platform.system() == "Darwin" and platform.machine() == "arm64" else "cpu"
    assert status.hardware == f"mlx {expected}"


def test_backend_and_families_are_registered():
    registry = get_registry()
    backend = registry.backend("mlx")
    assert backend.framework == "mlx"
    assert resolve_device("mlx", registry, strict=True).name == "mlx"
    for name in ("xlmr-ner", "moe-finetune"):
        assert "mlx" in registry.family(name).frameworks
    from kp_mlx.recipe import MlxTokenRecipe

    assert registry.family("moe-finetune").recipe_for("mlx") is MlxTokenRecipe


def test_kp_mlx_never_imports_torch():
    folder = fixture_folder("tiny-bert")
    code = (
        "import sys\n"
        "from kp_core.plugins.models import load_detector\n"
        f"d = load_detector({str(folder)!r}, device='mlx')\n"
        "d.predict_spans(['Contact Maria Ionescu at maria.ionescu@example.ro.'])\n"
        "import kp_mlx.models.bert, kp_mlx.models.privacy_filter, kp_mlx.lora, kp_mlx.export\n"
        "import kp_mlx.recipe, kp_mlx.training_ops\n"
        "import kp_mlx.cli_export\n"
        "bad = sorted(m for m in ('torch', 'transformers') if m in sys.modules)\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
