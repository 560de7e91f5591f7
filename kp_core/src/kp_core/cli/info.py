"""Informational commands: version, plugins, families, backends, taxonomy. Each takes ``--json``."""

from __future__ import annotations

import json
import os
from importlib import metadata

import click

from kp_core.cli.options import hidden_alias, json_option


def _echo_json(payload: object) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


def installed_kp_distributions() -> dict[str, str]:
    """Every installed kp distribution (named ``kp-*`` or declaring a ``kp`` entry point) -> its
    version, sorted by name."""
    from kp_core.plugins.manager import ENTRY_POINT_GROUP, canonical_name

    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if not name:
            continue
        kp_named = canonical_name(name).startswith("kp-")
        if kp_named or any(ep.group == ENTRY_POINT_GROUP for ep in dist.entry_points):
            found.setdefault(canonical_name(name), dist.version)  # first on sys.path wins, as for imports
    return dict(sorted(found.items()))


@click.command()
@json_option
def version(as_json: bool) -> None:
    """Show kp-core's and the taxonomy's versions (--json: with every installed kp distribution)."""
    from kp_core import __version__
    from kp_core.taxonomy import TAXONOMY_VERSION

    if as_json:
        _echo_json(
            {"kp_core": __version__, "taxonomy": TAXONOMY_VERSION, "distributions": installed_kp_distributions()}
        )
        return
    click.echo(f"kp-core {__version__} (taxonomy {TAXONOMY_VERSION})")


@click.command()
@json_option
@click.option("--verbose", "-v", is_flag=True, help="Add each failure's traceback (as KP_DEBUG=1 does).")
def plugins(as_json: bool, verbose: bool) -> None:
    """List loaded plugins (distribution, version, hooks) and plugins that failed, with the stage
    (import, a hook, a duplicate name) and the reason."""
    from kp_core.plugins import get_host
    from kp_core.plugins.manager import DEBUG_ENV
    from kp_core.plugins.registry import get_registry

    host = get_host()
    get_registry(warn=False)  # runs the register hooks, so their failures are listed below
    verbose = verbose or bool(os.environ.get(DEBUG_ENV))
    payload = {
        "loaded": [p.to_json() for p in host.loaded],
        "failed": [p.to_json() | ({"traceback": p.traceback} if verbose else {}) for p in host.failed],
        "skipped": sorted(host.skipped),
        "unmatched": host.unmatched,
    }
    if as_json:
        _echo_json(payload)
        return
    stages: dict[str, list[str]] = {}
    for f in host.failed:
        stages.setdefault(f.name, []).append(f.stage)
    for p in host.loaded:
        note = f"  (failed: {', '.join(stages[p.name])})" if p.name in stages else ""
        click.echo(f"{p.name:<16} {p.distribution} {p.version}  hooks: {', '.join(p.hooks) or '-'}{note}")
    for p in host.failed:
        click.echo(f"{p.name:<16} FAILED {p.stage} ({p.distribution} {p.version}, {p.entry_point}): {p.error}")
        if verbose and p.traceback:
            click.echo(p.traceback.rstrip())
    for name in sorted(host.skipped):
        click.echo(f"{name:<16} skipped (KP_LOAD_PLUGINS / KP_DISABLE_PLUGINS)")
    for variable, names in host.unmatched.items():
        click.echo(f"{variable} names {', '.join(names)}: no installed plugin has that name")


@click.command()
@json_option
def families(as_json: bool) -> None:
    """List registered model families."""
    from kp_core.plugins.registry import get_registry

    rows = [
        {
            "name": f.name,
            "description": f.description,
            "frameworks": list(f.frameworks),
            "trainable": f.trainable,
            "default_model": f.default_model,
            "provider": f.provider,
        }
        for f in get_registry().families
    ]
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        click.echo("no model families registered")
    for r in rows:
        fw = ",".join(r["frameworks"]) or "none"
        click.echo(f"{r['name']:<14} [{fw}] {'trainable' if r['trainable'] else 'inference'}  {r['description']}")


@click.command()
@json_option
def backends(as_json: bool) -> None:
    """List device backends: framework, availability and why not."""
    from kp_core.plugins.registry import get_registry

    rows = []
    for b in get_registry().backends:
        status = b.availability()
        rows.append(
            {
                "name": b.name,
                "framework": b.framework,
                "available": status.available,
                "reason": status.reason,
                "hardware": status.hardware,
                "priority": b.priority,
                "description": b.description,
                "provider": b.provider,
            }
        )
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        click.echo("no device backends registered (install kp-torch or kp-mlx)")
    for r in rows:
        state = "available" if r["available"] else f"unavailable: {r['reason']}"
        click.echo(f"{r['name']:<6} {r['framework']:<6} {state}  {r['hardware']}")


@click.command()
@hidden_alias("--crosswalk", "scheme")
@json_option
@click.option("--scheme", "scheme", metavar="NAME", help="Show one scheme's crosswalk: native label -> KP type.")
def taxonomy(as_json: bool, scheme: str | None) -> None:
    """Show the KP taxonomy: types, tiers, identifier classes, Art. 9 flags, crosswalk schemes and
    BIOES labels."""
    from kp_core.taxonomy import bioes_labels, load_taxonomy, special_category_types
    from kp_core.taxonomy.crosswalk import CrosswalkError, mapped_labels, schemes, taxonomy_json

    if scheme is not None:
        try:
            table = mapped_labels(scheme)
        except CrosswalkError as exc:
            raise click.BadParameter(str(exc), param_hint="--scheme") from exc
        if as_json:
            _echo_json({"scheme": scheme, "mapping": table})
            return
        click.echo(f"crosswalk {scheme}: {len(table)} native labels")
        for native, kp_type in sorted(table.items(), key=lambda item: (item[1], item[0])):
            click.echo(f"  {native:<32} -> {kp_type}")
        return
    tax = load_taxonomy()
    if as_json:
        _echo_json(taxonomy_json())
        return
    click.echo(
        f"KP taxonomy {tax.version}: {len(tax.entities)} entity types across tiers; {len(bioes_labels())} BIOES labels"
    )
    click.echo(f"GDPR Art. 9 special categories: {', '.join(special_category_types())}")
    click.echo(f"crosswalk schemes (kp taxonomy --scheme NAME): {', '.join(schemes())}")
    for e in tax.entities:
        flag = "  Art.9" if e.gdpr_special else ""
        click.echo(f"  {e.name:<17} {e.tier.value:<9} {e.identifier_class.value}{flag}")
