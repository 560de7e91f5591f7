"""kp inside other NLP frameworks. Each module imports its framework, which kp-core does not
require: :mod:`kp_core.integrations.spacy` (the ``kp_pii`` pipeline component) needs spaCy
(``pip install "kp-core[spacy]"``). kp inside Presidio is the kp-presidio plugin's
(:mod:`kp_presidio.recognizer`, :mod:`kp_presidio.operator`)."""
