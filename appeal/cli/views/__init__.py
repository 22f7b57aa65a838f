"""How each command's result is shown on the terminal and as JSON: one module per command."""
