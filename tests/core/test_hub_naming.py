"""The Hub naming rule: repository id checks and names suggested from kp.json."""

from __future__ import annotations

import pytest

from kp_core.errors import KpError
from kp_core.hub.naming import (
    NAMING_RULE,
    RepoNameError,
    check_repo_id,
    follows_folder_syntax,
    format_parameters,
    suggest_repo_name,
)


@pytest.mark.parametrize(
    "repo_id",
    ["klusai/kp-ner-e5small-118m", "klusai/kp-deid-moe-1.5b", "some-org/kp-deid-xlmr-560m-q8", "a/kp-ner-x-1"],
)
def test_names_that_follow_the_rule_pass(repo_id):
    assert check_repo_id(repo_id) == repo_id


@pytest.mark.parametrize(
    "repo_id",
    [
        "kp-ner-e5small-118m",  # no ORG
        "a/b/kp-ner-e5small-118m",  # two slashes
        "org/-kp-ner-x-1",  # starts with '-'
        "org/kp-ner-x-1.",  # ends with '.'
        "org/kp--ner-x-1",  # '--'
        "org/kp-ner-x..y-1",  # '..'
        "org/kp ner",  # a space
        "-org/kp-ner-x-1",
        "org/" + "kp-ner-" + "x" * 90 + "-1",  # longer than 96
    ],
)
def test_hub_syntax_is_checked_even_for_any_name(repo_id):
    with pytest.raises(RepoNameError):
        check_repo_id(repo_id, any_name=True)


@pytest.mark.parametrize(
    "name",
    ["MyModel", "kp-NER-e5small-118m", "kp_ner_e5small_118m", "ner-e5small-118m", "kp-ner-e5small", "kp-ner.x-e5-1"],
)
def test_names_breaking_the_rule_are_refused_with_the_rule_and_the_way_out(name):
    with pytest.raises(RepoNameError) as caught:
        check_repo_id(f"klusai/{name}")
    message = str(caught.value)
    assert name in message and NAMING_RULE in message and "--any-name" in message
    assert check_repo_id(f"klusai/{name}", any_name=True) == f"klusai/{name}"


def test_variant_must_end_the_name():
    assert check_repo_id("klusai/kp-deid-moe-1.5b-mlx", variant="mlx") == "klusai/kp-deid-moe-1.5b-mlx"
    with pytest.raises(RepoNameError, match="-mlx"):
        check_repo_id("klusai/kp-deid-moe-1.5b", variant="mlx")
    with pytest.raises(RepoNameError, match="-mlx"):
        check_repo_id("klusai/kp-deid-moe-mlx", variant="mlx")  # no size before the variant
    assert check_repo_id("klusai/other-model", variant="mlx", any_name=True) == "klusai/other-model"


def test_repo_name_error_is_a_kp_error():
    assert issubclass(RepoNameError, KpError) and issubclass(RepoNameError, ValueError)


@pytest.mark.parametrize(
    ("count", "word"), [(117_653_760, "118m"), (1.5e9, "1.5b"), (560e6, "560m"), (4.2e6, "4.2m"), (12_000, "12k")]
)
def test_parameter_counts_become_size_words(count, word):
    assert format_parameters(count) == word


@pytest.mark.parametrize(
    ("manifest", "name"),
    [
        ({"family": "xlmr-ner", "framework": "torch", "base": "multilingual-e5-small"}, "kp-ner-e5small-118m"),
        ({"family": "moe-finetune", "framework": "torch", "base": "openai/privacy-filter"}, "kp-deid-moe-1.5b"),
        ({"family": "moe-finetune", "framework": "mlx", "base": "openai/privacy-filter"}, "kp-deid-moe-1.5b-mlx"),
        ({"family": "xlmr-ner", "base": "FacebookAI/xlm-roberta-large"}, "kp-ner-xlmr-560m"),
        ({"family": "xlmr-ner", "base": "/models/Some_Model-large/"}, "kp-ner-somemodellarge-large"),
        ({"family": "gliner", "base": "org/unknown-encoder"}, "kp-gliner-unknownencoder-custom"),
        ({"family": "xlmr-ner", "base": "org/unknown", "run": {"parameters": 33_000_000}}, "kp-ner-unknown-33m"),
        ({"family": "my-new-family"}, "kp-family-custom-custom"),
        ({"family": "xlmr-ner", "training": {"base": "multilingual-e5-small"}}, "kp-ner-e5small-118m"),
    ],
)
def test_suggested_names_follow_the_rule(manifest, name):
    suggested = suggest_repo_name(manifest)
    assert suggested == name
    variant = "mlx" if manifest.get("framework") == "mlx" else None
    assert check_repo_id(f"klusai/{suggested}", variant=variant)


@pytest.mark.parametrize(
    ("name", "ok"),
    [("kp-deid-moe-mlx", True), ("kp-deid-tinypf-1m-mlx", True), ("kp-deid-mlx", True), ("kp-Deid_Bad-mlx", False)],
)
def test_export_folder_syntax_is_the_looser_check(name, ok):
    assert follows_folder_syntax(name) is ok
