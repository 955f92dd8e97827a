"""Incidents: places (gazetteer), event dates, actors, the per-document enrichment that puts
them on records, and the linking of figures and strikes into incidents that `compare` groups."""
