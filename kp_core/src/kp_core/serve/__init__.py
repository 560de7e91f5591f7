"""``kp serve``: kp's SDK over HTTP, with micro-batching (docs/serve.md). The ``serve`` extra."""
