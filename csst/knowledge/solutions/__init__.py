"""Solutions catalogue (Southern good practices, validated by the Bureau) and lessons learned."""
