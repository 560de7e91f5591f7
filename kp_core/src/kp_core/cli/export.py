"""``kp export``: one group for every export target, each provided by the distribution that owns its
runtime (MLX by kp-mlx, the BIO relabelling and ONNX by kp-torch).

The group lives in kp-core so two distributions never both register a top-level ``export``; a
target whose distribution is not installed is listed under "Not installed" and refused with what
to install.
"""

from __future__ import annotations

import importlib.metadata

import attrs
import click

from kp_core.cli.lazy import LazyGroup
from kp_core.errors import KpError


@attrs.frozen
class ExportTarget:
    """One ``kp export NAME``: the click command (``module:attribute``) and who provides it."""

    name: str
    target: str
    distribution: str
    short_help: str

    @property
    def installed(self) -> bool:
        """Whether the providing distribution is installed (by its metadata: a source tree on
        ``sys.path`` is not an installation, and nothing is imported)."""
        try:
            importlib.metadata.distribution(self.distribution)
        except importlib.metadata.PackageNotFoundError:
            return False
        return True


TARGETS: tuple[ExportTarget, ...] = (
    ExportTarget(
        "hf-bio",
        "kp_torch.export.cli:export_hf_bio",
        "kp-torch",
        "A copy relabelled to BIO for the transformers token-classification pipeline.",
    ),
    ExportTarget("mlx", "kp_mlx.cli_export:export_mlx", "kp-mlx", "An MLX checkpoint (optionally quantized)."),
    ExportTarget(
        "onnx",
        "kp_torch.export.cli:export_onnx",
        "kp-torch",
        "An ONNX model with dynamic axes and a parity check against torch.",
    ),
)


class ExportGroup(LazyGroup):
    """The installed targets as lazy commands; the others under "Not installed"."""

    def __init__(self, *args, targets: tuple[ExportTarget, ...] = TARGETS, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.targets = {t.name: t for t in targets}
        for target in targets:
            if target.installed:
                self.add_lazy_command(target.name, target.target, target.short_help)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple:
        name = args[0] if args else None
        target = self.targets.get(name) if name else None
        if target is not None and name not in self.list_commands(ctx):
            raise KpError(f"kp export {name} comes with {target.distribution}: pip install {target.distribution}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_commands(ctx, formatter)
        available = set(self.list_commands(ctx))
        missing = [(t.name, f"pip install {t.distribution}") for t in self.targets.values() if t.name not in available]
        if missing:
            with formatter.section("Not installed"):
                formatter.write_dl(missing)


@click.group("export", cls=ExportGroup, no_args_is_help=True)
def export() -> None:
    """Export a checkpoint to another runtime (kp export TARGET --help lists its options)."""
