"""Seller Central files: reading tab-separated reports and the SP-API JSON, and the metrics
computed from them.
"""
