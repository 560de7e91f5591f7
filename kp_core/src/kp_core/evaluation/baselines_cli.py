"""``kp baselines``: the systems kp is compared against, from the registry (docs/baselines.md)."""

from __future__ import annotations

import json

import click

from kp_core.cli.options import json_option


@click.command("baselines")
@json_option
def baselines(as_json: bool) -> None:
    """List the comparison systems: Hub id, license, label format, crosswalk scheme, kp family."""
    from kp_core.evaluation.baselines import load_baselines

    entries = load_baselines()
    if as_json:
        click.echo(json.dumps({"baselines": [_json(b) for b in entries]}, indent=2, ensure_ascii=False))
        return
    width = max(len(b.name) for b in entries)
    for b in entries:
        unverified = [what for what, ok in (("hub id", b.hub_id_verified), ("labels", b.labels_verified)) if not ok]
        note = f"  (unverified: {', '.join(unverified)})" if unverified and b.is_token_classifier else ""
        click.echo(f"{b.name:<{width}}  {b.hub_id or '-'}  [{b.family}, {b.label_format}, scheme {b.scheme}]{note}")
        click.echo(f"{'':<{width}}  {b.system}; license: {b.license}")


def _json(b) -> dict:
    import attrs

    out = attrs.asdict(b)
    out["native_labels"] = list(b.native_labels)
    out["unmapped"] = list(b.unmapped)
    return out
