"""Tests of the project's own sample generators."""
