"""sistemkerja: planning the team-based work system of Permenpan RB 7/2022."""

__version__ = "0.1.0"
