"""The side bar's pages (DESIGN.md: ui/pages/)."""
