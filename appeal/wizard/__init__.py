"""`appeal new`: the wizard, its one prompting seam, its texts, the draft it saves, and the
notice reader.
"""
