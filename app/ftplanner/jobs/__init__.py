"""Launching and tracking fine-tuning jobs: local store, secrets, launch flow, tracker."""
