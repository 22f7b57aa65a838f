"""appeal: Plan-of-Action letters for suspended merchant-fulfilled (MFN) Amazon selling."""

__version__ = "0.1.0"
