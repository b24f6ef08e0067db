"""Reports: claims and findings printed as text for people or JSON for programs."""
