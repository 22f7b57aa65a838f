"""Tracking numbers: cleaning, carrier formats and check digits, and scanning shipping-
confirmation files.
"""
