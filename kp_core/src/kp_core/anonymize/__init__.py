"""Anonymization: operators over detected spans, the keyed pseudonymizer, its vault, bulk runs.

Submodules are imported on use; importing this package costs nothing beyond kp_core itself.
"""
