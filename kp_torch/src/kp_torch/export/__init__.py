"""Exports of kp-torch token classifiers for other runtimes: ``kp export hf-bio`` (a copy relabelled
to BIO for the transformers pipeline) and ``kp export onnx`` (ONNX Runtime, with a parity check).

Importing this package is cheap: torch, transformers and onnx load inside the functions.
"""
