"""Activities, participants, equipment and the results framework of a project."""
