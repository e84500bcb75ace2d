"""Build-time code for the study-notes site: data loading and rendering."""
