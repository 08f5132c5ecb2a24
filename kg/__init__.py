"""kg: a knowledge-graph builder for news about conflict and politics."""
