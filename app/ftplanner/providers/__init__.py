"""Fine-tuning provider APIs behind one small interface; the only code that talks HTTP."""
