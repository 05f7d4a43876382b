"""Domain types shared by every layer; imports the standard library only."""
