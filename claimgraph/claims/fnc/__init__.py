"""FNC-1 article-level stance: data reading, features, the two-stage boosted-tree model and its storage.

The public entry points are in `claimgraph.claims.stance_model`; these modules are its parts.
"""
