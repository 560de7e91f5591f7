"""The Hugging Face Hub, for every family: pull models, bases, datasets and checkpoints by
``ORG/NAME[@REV]``, push runs, checkpoints and datasets, and write their cards.

Everything goes through huggingface_hub (its cache, pinned revisions, ``HF_HUB_OFFLINE``,
``HF_ENDPOINT`` and ``HF_TOKEN``); nothing here imports it until a Hub reference is used, so
kp-core without the ``hub`` extra only fails when a Hub reference is given.
"""
