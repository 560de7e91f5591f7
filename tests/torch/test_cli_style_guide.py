"""docs/cli.md enforced with kp-torch's commands too (kp train xlmr-ner, kp train moe-finetune)."""

from tests.core.test_cli_style_guide import test_every_command_follows_the_guide, test_the_commands_are_there

__all__ = ["test_every_command_follows_the_guide", "test_the_commands_are_there"]
