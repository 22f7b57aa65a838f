"""Writers: each turns the same letter (Markdown from the one template) into one file format."""
