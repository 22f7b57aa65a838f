"""`appeal monitor`: the seller's files read every day, their figures kept as snapshots, and a
warning before a metric crosses Amazon's line."""
