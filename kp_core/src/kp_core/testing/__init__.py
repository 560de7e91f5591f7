"""Conformance kit for kp plugins, in the manner of langchain's standard tests.

A plugin's test module subclasses these classes and fills in the few attributes they ask for;
pytest then runs the same checks against it that kp runs against its own families::

    from kp_core.testing import FamilyConformance

    class TestMyFamily(FamilyConformance):
        family_name = "my-family"

        def model_ref(self, tmp_path):
            return str(make_tiny_checkpoint(tmp_path))

``RecipeConformance`` does the same for a trainable family's recipe: it trains a few steps through
kp's driver, loads the result, and kills and resumes a run (see :mod:`kp_core.testing.recipes`).

Requires pytest (a test-time dependency, not one of kp-core's).
"""

from kp_core.testing.conformance import BackendConformance, FamilyConformance, OperatorConformance, PluginConformance
from kp_core.testing.recipes import RecipeConformance

__all__ = ["BackendConformance", "FamilyConformance", "OperatorConformance", "PluginConformance", "RecipeConformance"]
