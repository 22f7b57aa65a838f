"""The case and what every lane shares about it: the case model, case files on disk, the cause
catalogue, marketplaces and the channel.
"""
