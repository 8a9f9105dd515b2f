"""FT Planner: plan, price and track LLM fine-tunes."""

__version__ = "0.1.0"
